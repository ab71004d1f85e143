import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import { signToken } from '../../src/jwt'
import { renderApp } from './renderApp'

const setup = (options: Parameters<typeof renderApp>[0] = {}) => {
  const app = renderApp({ language: 'zh-CN', ...options })
  return app
}

const b64 = (value: string) => Buffer.from(value).toString('base64url')

describe('problems and claim checks in Simplified Chinese', () => {
  it('says in Chinese that the token has a character outside base64url, at the same offset', async () => {
    const header = b64('{"alg":"HS256","typ":"JWT"}')
    const token = `${header}.e3*0.c2ln`
    const offset = header.length + 3
    setup({ token })
    const problems = await screen.findByRole('list', { name: '令牌中的问题' })
    await waitFor(() => expect(problems.textContent).toContain(`载荷在偏移 ${offset} 处有字符 "*"，它不在 base64url 字母表`))
    expect(problems.textContent).not.toContain('not in the base64url alphabet')
  })

  it('reads every claim check, its time spans and the claims’ meanings in Chinese', async () => {
    const now = Math.floor(Date.now() / 1000)
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'ada', iat: now - 7200, exp: now - 180 }, { text: 'a-demo-secret-of-32-bytes-length' })
    setup({ token })
    const summary = await screen.findByRole('status', { name: '声明校验' })
    await waitFor(() => expect(summary.textContent).toMatch(/已于 3 分钟前过期（exp \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC），宽限 0 秒/))
    const checks = screen.getByRole('list', { name: '声明检查' })
    expect(checks.textContent).toContain('签发于 2 小时前（iat ')
    expect(checks.textContent).not.toMatch(/Expired|Issued/)
    expect(screen.getByRole('table').textContent).toContain('此令牌关于谁')
  })
})
