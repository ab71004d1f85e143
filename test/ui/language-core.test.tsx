import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { signToken } from '../../src/jwt'
import { renderApp } from './renderApp'

const setup = (options: Parameters<typeof renderApp>[0] = {}) => {
  const app = renderApp({ language: 'zh-CN', ...options })
  return app
}
const status = () => screen.getByRole('status', { name: '签名状态' })

describe('the core’s sentences in Simplified Chinese', () => {
  it('explains in Chinese that a secret typed as UTF-8 is really base64url, and fixes it', async () => {
    const secret = 'c2VjcmV0LWJ5dGVzLW9mLWEtZGVtby1rZXktMzItYnl0ZXM'
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'encoded-secret' }, { text: secret, encoding: 'base64url' })
    const { user } = setup({ token })
    await user.type(screen.getByRole('textbox', { name: '密钥（共享）' }), secret)
    const causes = await screen.findByRole('list', { name: '可使其通过验证的原因' })
    expect(causes.textContent).toContain('如果把密钥按 base64url（35 字节）读取，而不是按 UTF-8 文本，签名就能通过验证。')
    expect(causes.textContent).not.toContain('Would verify')
    expect(status().textContent).toContain('签名无效')
    expect(status().textContent).toContain('签名与此密钥不匹配')
    await user.click(within(causes).getByRole('button', { name: '将密钥按 base64url 读取' }))
    await waitFor(() => expect(status().textContent).toContain('签名已验证'))
    expect(status().textContent).toContain('密钥：你输入的密钥，按 base64url 读取，35 字节')
  })

  it('says where the key of the verified example came from, in Chinese', async () => {
    setup()
    await waitFor(() => expect(status().textContent).toContain('签名已验证'))
    expect(status().textContent).toContain('密钥：你输入的密钥，按 UTF-8 读取，45 字节')
    expect(status().textContent).not.toContain('the secret you typed')
  })

  it('gives the libraries’ reasons in Chinese but their exceptions and messages verbatim', async () => {
    const { user } = setup()
    await user.click(screen.getByText('各个库会怎么说'))
    await screen.findByRole('list', { name: '库' })
    // The list is drawn anew for each prediction: looked up each time.
    const card = (name: RegExp) => within(screen.getByRole('list', { name: '库' })).getByRole('heading', { name }).closest('li')!
    const pyjwt = () => card(/PyJWT 2\.6\.0/)
    await waitFor(() => expect(pyjwt().textContent).toContain('返回载荷'))
    expect(pyjwt().textContent).toContain('PyJWT 接受签名及其检查的每个声明')

    await user.click(screen.getByText(/按签发者、受众/))
    await user.type(screen.getByRole('textbox', { name: '预期签发者' }), 'https://auth.example.com/')
    await waitFor(() => expect(pyjwt().textContent).toContain('抛出 MissingRequiredClaimError: Token is missing the "iss" claim'))
    // The cards follow the field a frame later: the whole issuer is there once they have caught up.
    await waitFor(() => expect(pyjwt().textContent).toContain('期望 issuer="https://auth.example.com/"，但令牌没有 iss'))
    const jose = () => card(/jose 6/)
    await waitFor(() => expect(jose().textContent).toContain('JWTClaimValidationFailed: missing required "iss" claim'))
    expect(jose().textContent).toContain('jose 拒绝 iss 声明：missing required "iss" claim')

    const table = screen.getByRole('table', { name: /Web 框架/ })
    expect(table.textContent).toContain('它调用的 jwt.decode 抛出异常：期望 issuer=')
    expect(table.textContent).toContain('MissingRequiredClaimError: Token is missing the "iss" claim')
  })
})
