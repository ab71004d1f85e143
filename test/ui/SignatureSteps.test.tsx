import { describe, expect, it } from 'vitest'
import { act, screen, within } from '@testing-library/react'
import { generateKey, signToken } from '../../src/jwt'
import { DEMO_TOKEN } from '../../src/state/examples'
import { renderApp } from './renderApp'

type User = ReturnType<typeof renderApp>['user']

async function openSteps(user: User, title = 'How the signature is made') {
  await user.click(screen.getByText(title))
  return screen.findByRole('list', { name: title === 'How the signature is made' ? 'Steps of the signature' : '签名的步骤' })
}

/** The step under a heading, found by its name. */
const step = async (name: string | RegExp) => (await screen.findByRole('heading', { name })).closest('li')!

/** The bytes of a hex block as written: two digits a byte, a space between bytes. */
const bytesIn = (element: Element) => element.textContent!.trim().split(' ')

describe('how the signature is made', () => {
  it('is closed until opened, then shows the example’s signing input, recipe and 32-byte signature', async () => {
    const { user } = renderApp()
    expect(screen.queryByRole('heading', { name: 'Signing input' })).toBeNull()
    await openSteps(user)

    const signingInput = await step('Signing input')
    expect(signingInput.textContent).toContain('base64url(header) + "." + base64url(payload)')
    expect(signingInput.querySelector('pre')!.textContent).toBe(DEMO_TOKEN.split('.').slice(0, 2).join('.'))

    expect((await step('Recipe')).textContent).toContain('HMAC with SHA-256 over the signing input, keyed with the secret’s UTF-8 bytes (RFC 7518 §3.2)')

    const signature = await step('Signature')
    expect(signature.textContent).toContain('32 bytes, as HS256 makes')
    expect(bytesIn(signature.querySelector('code')!)).toHaveLength(32)
    expect((await within(await step('The signature your secret makes')).findByRole('status')).textContent).toContain('matches the token’s signature')
  })

  it('sets the signature a wrong secret makes beside the token’s and says it does not match', async () => {
    const { user } = renderApp()
    await openSteps(user)
    await step('Signature')
    const secret = screen.getByRole('textbox', { name: 'Secret' })
    await user.clear(secret)
    await user.type(secret, 'not-the-secret')

    const made = await step('The signature your secret makes')
    expect((await within(made).findByRole('status')).textContent).toContain('does not match the token’s signature')
    const [inToken, fromSecret] = within(made).getAllByRole('definition')
    expect(within(made).getAllByRole('term').map((term) => term.textContent)).toEqual(['In the token', 'Made with your secret'])
    expect(bytesIn(inToken!)).toHaveLength(32)
    expect(bytesIn(fromSecret!)).toHaveLength(32)
    expect(fromSecret!.textContent).not.toBe(inToken!.textContent)
  })

  it('shows the r and s halves of an ES256 signature, 32 bytes each', async () => {
    const key = await generateKey('ES256')
    if (key.kind !== 'pair') throw new Error('ES256 makes a key pair')
    const token = await signToken({ alg: 'ES256', typ: 'JWT' }, { sub: 'ada' }, { text: key.privatePem })
    const { user } = renderApp({ token, publicKey: key.publicPem })
    await openSteps(user)

    const signature = await step('Signature')
    expect(signature.textContent).toContain('64 bytes, as ES256 makes')
    const halves = within(signature).getAllByRole('term').map((term) => term.textContent)
    expect(halves).toEqual(['r (first half), 32 bytes', 's (second half), 32 bytes'])
    const [r, s] = within(signature).getAllByRole('definition')
    expect(bytesIn(r!)).toHaveLength(32)
    expect(bytesIn(s!)).toHaveLength(32)
    expect(bytesIn(r!).concat(bytesIn(s!)).join('')).toBe(Buffer.from(token.split('.')[2]!, 'base64url').toString('hex'))
    expect((await step('Recipe')).textContent).toContain('ECDSA with P-256 and SHA-256 over the signing input, checked with the EC P-256 public key; the signature is R || S, 32 bytes each')
  })

  it('says when the signature is shorter than the algorithm makes, as if cut off when copied', async () => {
    const { user } = renderApp({ token: DEMO_TOKEN.slice(0, -8) })
    await openSteps(user)
    expect((await step('Signature')).textContent).toContain('bytes, but HS256 makes 32: cut off when copied?')
  })

  it('reads the recipe in Chinese when the page is in 简体中文', async () => {
    const { user, store } = renderApp()
    act(() => store.dispatch({ type: 'languageChanged', language: 'zh-CN' }))
    await openSteps(user, '签名是怎样生成的')
    expect((await step('算法步骤')).textContent).toContain('对签名输入计算使用 SHA-256 的 HMAC，以共享密钥文本的 UTF-8 字节为密钥（RFC 7518 §3.2）')
    expect((await step('签名')).textContent).toContain('32 字节，与 HS256 生成的一致')
  })
})
