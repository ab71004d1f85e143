import { beforeAll, describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import { decodeToken } from '../../src/jwt/decode'
import { FINDING_CODES, findTokenRisks, type FindingCode } from '../../src/jwt/findings'
import { loadLanguage, messagesFor } from '../../src/i18n'
import { findingText, loadFindingMessages } from '../../src/i18n/findings'
import { renderApp } from './renderApp'

const NOW = Math.floor(Date.now() / 1000)
const b64 = (text: string) => Buffer.from(text).toString('base64url')
const jws = (header: object, payload: object, signature = 'c2ln') => `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.${signature}`
const CLAIMS = { sub: 'user-1', iat: NOW - 60, exp: NOW + 600 }

/** The finding under a title, found by its name once the panel's body has loaded. */
const finding = async (title: string) => screen.findByRole('listitem', { name: title })
const summary = async (text: string) => screen.findByText(text, { selector: '.findings-summary' })

describe('the security findings panel', () => {
  it('shows an unsigned token as a high finding with its reference', async () => {
    renderApp({ token: jws({ alg: 'none', typ: 'JWT' }, CLAIMS, '') })
    expect(screen.getByRole('heading', { name: 'Security findings' })).toBeTruthy()
    const item = await finding('The token is unsigned ("alg": "none")')
    expect(within(item).getByText('High')).toBeTruthy()
    expect(within(item).getByText('RFC 8725 §3.1, RFC 7518 §3.6')).toBeTruthy()
    expect(item.textContent).toContain('Give your verifier an explicit list of algorithms')
    await summary('1 finding: 1 high')
  })

  it('says the example’s secret changed to "secret" is a well-known weak secret', async () => {
    const { user } = renderApp()
    await screen.findByRole('list', { name: 'Findings, most severe first' })
    expect(screen.queryByRole('listitem', { name: /well-known weak secret/ })).toBeNull()
    const secret = screen.getByRole('textbox', { name: 'Secret' })
    await user.clear(secret)
    await user.type(secret, 'secret')
    const item = await finding('The secret "secret" is a well-known weak secret')
    expect(within(item).getByText('High')).toBeTruthy()
    expect(within(item).getByText('RFC 8725 §3.5, RFC 8725 §2.2')).toBeTruthy()
    await finding('The secret is 6 bytes, shorter than the 32 bytes HS256 needs')
  })

  it('says "No findings" for a short-lived, typed token', async () => {
    renderApp({ token: jws({ alg: 'HS256', typ: 'JWT' }, CLAIMS) })
    await summary('No findings')
    expect(screen.queryByRole('list', { name: 'Findings, most severe first' })).toBeNull()
  })

  it('finds jku in the header and selects exactly its member in the encoded token', async () => {
    const header = { alg: 'HS256', typ: 'JWT', jku: 'https://attacker.example/jwks.json' }
    const token = jws(header, CLAIMS)
    const { user } = renderApp({ token })
    const item = await finding('The header says where to fetch the key (jku)')
    await user.click(within(item).getByRole('button', { name: 'Show in token' }))

    // The member's bytes in the header's JSON, and the base64url characters that carry them (4 per 3 bytes).
    const json = JSON.stringify(header)
    const start = json.indexOf('"jku"')
    const end = json.indexOf('"}') + 1
    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Encoded token' })
    expect(document.activeElement).toBe(field)
    expect([field.selectionStart, field.selectionEnd]).toEqual([Math.floor((start * 4) / 3), Math.ceil((end * 4) / 3)])
    expect(Buffer.from(token.slice(0, field.selectionEnd), 'base64url').toString().slice(start)).toBe('"jku":"https://attacker.example/jwks.json"')
  })

  it('says a token without exp never expires', async () => {
    renderApp({ token: jws({ alg: 'HS256', typ: 'JWT' }, { sub: 'user-1', iat: NOW }) })
    const item = await finding('The token never expires: it has no exp claim')
    expect(within(item).getByText('Medium')).toBeTruthy()
    expect(within(item).queryByRole('button', { name: 'Show in token' })).toBeNull()
    await summary('1 finding: 1 medium')
  })

  it('lists the most severe first and counts each severity', async () => {
    renderApp({ token: jws({ alg: 'none' }, { sub: 'user-1', iat: NOW }, '') })
    await summary('3 findings: 1 high, 1 medium, 1 info')
    const list = screen.getByRole('list', { name: 'Findings, most severe first' })
    const titles = within(list).getAllByRole('heading').map((heading) => heading.textContent)
    expect(titles).toEqual(['The token is unsigned ("alg": "none")', 'The token never expires: it has no exp claim', 'The header has no typ'])
  })

  it('in 简体中文 gives the titles, severities and summary in Chinese', async () => {
    renderApp({ token: jws({ alg: 'none', typ: 'JWT' }, { sub: 'user-1', iat: NOW }, ''), language: 'zh-CN' })
    expect(screen.getByRole('heading', { name: '安全问题' })).toBeTruthy()
    const item = await finding('令牌没有签名（"alg": "none"）')
    expect(within(item).getByText('高危')).toBeTruthy()
    expect(within(item).getByText('RFC 8725 §3.1, RFC 7518 §3.6')).toBeTruthy()
    await finding('令牌永不过期：没有 exp 声明')
    await summary('发现 2 个问题：高危 1 个、中危 1 个')
  })

  it('can be folded away and opened again', async () => {
    const { user } = renderApp({ token: jws({ alg: 'none', typ: 'JWT' }, CLAIMS, '') })
    await finding('The token is unsigned ("alg": "none")')
    await user.click(screen.getByRole('heading', { name: 'Security findings' }))
    expect(screen.queryByRole('listitem', { name: 'The token is unsigned ("alg": "none")' })).toBeNull()
    await user.click(screen.getByRole('heading', { name: 'Security findings' }))
    await finding('The token is unsigned ("alg": "none")')
  })
})

describe('the findings in each language', () => {
  beforeAll(() => Promise.all([loadLanguage('zh-CN'), loadFindingMessages('zh-CN')]))

  /** A token for each code, so the translations are built from real params. */
  const SAMPLES: readonly string[] = [
    jws({ alg: 'none' }, { sub: 'a' }, ''),
    jws({ alg: 'NONE', typ: 'JWT' }, CLAIMS, ''),
    jws({ alg: 'HS256', typ: 'x', jku: 'https://a.example/k', x5u: 'https://a.example/c', jwk: { kty: 'EC' }, x5c: ['MII'], kid: "../x' OR 1=1", crit: ['ext', 'alg'], ext: 1 }, { sub: 'a', iat: NOW + 3600, nbf: NOW + 3600, exp: NOW + 9 * 86400 }),
    `${b64('{"alg":"HS256","b64":false}')}.{"sub":"a"}.c2ln`,
    `${b64('{"alg":"HS256","kid":"a","kid":"b"}')}.${b64('{"sub":"a","sub":"b"}')}.AB`,
    jws({ alg: 'HS256', typ: 'JWT', crit: [] }, { ...CLAIMS, password: 'x', card: '4111 1111 1111 1111', tax: '123-45-6789', account: 'GB82 WEST 1234 5698 7654 32', mail: 'a@example.com', phone: '+44 20 7946 0958', birthdate: '1990-01-01' }),
    `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.AAAA.AAAAAAAAAAAAAAAA.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA`,
  ]
  const secrets = ['secret', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----']
  const found = SAMPLES.flatMap((text) => secrets.flatMap((secret) => findTokenRisks({ decoded: decodeToken(text), secret: { text: secret, bytes: new TextEncoder().encode(secret) }, now: NOW })))

  it('has a sample finding of every code', () => {
    const missing = FINDING_CODES.filter((code) => !found.some((f) => f.code === code))
    expect(missing).toEqual([] as FindingCode[])
  })

  it('reads the core’s own English in English', () => {
    for (const f of found) expect(findingText('en', f, messagesFor('en').span)).toEqual({ title: f.title, explanation: f.explanation })
  })

  it('translates every finding into Chinese, keeping its parameters in Latin script', () => {
    for (const f of found) {
      const { title, explanation } = findingText('zh-CN', f, messagesFor('zh-CN').span)
      expect(title, f.code).toMatch(/[\u4e00-\u9fff]/)
      expect(explanation, f.code).toMatch(/[\u4e00-\u9fff]/)
      expect(explanation, f.code).not.toMatch(/undefined|NaN|\b(?:seconds?|minutes?|hours?|days?)\b/)
      for (const rfc of f.explanation.match(/RFC \d+/g) ?? []) expect(explanation, `${f.code}: ${rfc}`).toContain(rfc)
    }
  })
})
