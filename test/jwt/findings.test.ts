// @vitest-environment node
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeToken } from '../../src/jwt/decode'
import { FINDING_CODES, findTokenRisks, type Finding, type FindingCode, type FindingInput } from '../../src/jwt/findings'
import type { Range } from '../../src/jwt/types'
import { matchWeakSecret, WEAK_SECRETS } from '../../src/jwt/weakSecrets'

const NOW = 1_750_000_000
const DAY = 86400

const b64 = (text: string) => Buffer.from(text).toString('base64url')
const json = (value: object | string) => (typeof value === 'string' ? value : JSON.stringify(value))
const jws = (header: object | string, payload: object | string, signature = 'c2ln') => `${b64(json(header))}.${b64(json(payload))}.${signature}`

const HEADER = { alg: 'HS256', typ: 'JWT' }
const PAYLOAD = { sub: 'user-1', iat: NOW - 60, exp: NOW + 600 }
/** A token with nothing to find, changed by the members given (undefined removes one). */
const token = (header: object = {}, payload: object = {}, signature?: string) => jws({ ...HEADER, ...header }, { ...PAYLOAD, ...payload }, signature)

const secretText = (text: string) => ({ text, bytes: new TextEncoder().encode(text) })
/** 32 characters, random, in no list. */
const STRONG = secretText('q8Vn3Lr0Zt6Yw1Ks5Hd9Jm2Pb7Xc4Fg0')

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const PEM_PUBLIC = ec.publicKey.export({ type: 'spki', format: 'pem' }) as string
const JWK_PUBLIC = JSON.stringify(ec.publicKey.export({ format: 'jwk' }))
const JWE = `${b64('{"alg":"RSA-OAEP","enc":"A256GCM","typ":"JWT"}')}.AAAA.AAAAAAAAAAAAAAAA.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA`

interface Case {
  readonly text: string
  readonly secret?: FindingInput['secret']
}

const risks = ({ text, secret = STRONG }: Case): Finding[] => findTokenRisks({ decoded: decodeToken(text), secret, now: NOW })
const codesOf = (c: Case) => risks(c).map((f) => f.code)
const findIn = (c: Case, code: FindingCode) => risks(c).find((f) => f.code === code)

describe('findTokenRisks', () => {
  it('finds nothing in a short-lived, typed HS256 token with a strong secret', () => {
    expect(risks({ text: token() })).toEqual([])
  })

  const cases: readonly [name: string, code: FindingCode, positive: Case, negative: Case][] = [
    ['alg none', 'finding.alg-none', { text: token({ alg: 'none' }, {}, '') }, { text: token() }],
    ['a secret shorter than the hash output', 'finding.secret-short', { text: token(), secret: secretText('k9Qz7Wx2Lm4Rt8Yp1Vb6') }, { text: token() }],
    ['a 32-byte secret for HS512, which needs 64', 'finding.secret-short', { text: token({ alg: 'HS512' }) }, { text: token({ alg: 'HS512' }), secret: secretText(STRONG.text + STRONG.text) }],
    ['a well-known weak secret', 'finding.secret-weak', { text: token(), secret: secretText('a-string-secret-at-least-256-bits-long') }, { text: token() }],
    ['a weak secret in another case, with spaces around it', 'finding.secret-weak', { text: token(), secret: secretText('  Your-256-Bit-Secret ') }, { text: token(), secret: secretText('your-256-bit-secret-but-longer-and-mine') }],
    ['a PEM public key as the HMAC secret', 'finding.secret-is-public-key', { text: token(), secret: secretText(PEM_PUBLIC) }, { text: token() }],
    ['a public JWK as the HMAC secret', 'finding.secret-is-public-key', { text: token(), secret: secretText(JWK_PUBLIC) }, { text: token(), secret: secretText(`{"kty":"oct","k":"${b64(STRONG.text)}"}`) }],
    ['no exp', 'finding.no-exp', { text: token({}, { exp: undefined }) }, { text: token() }],
    ['an access token living two days', 'finding.long-lifetime', { text: token({}, { iat: NOW, exp: NOW + 2 * DAY }) }, { text: token({}, { iat: NOW, exp: NOW + 2 * DAY, type: 'refresh' }) }],
    ['a token without iat expiring in two days', 'finding.long-lifetime', { text: token({}, { iat: undefined, exp: NOW + 2 * DAY }) }, { text: token({}, { iat: undefined, exp: NOW + DAY - 1 }) }],
    ['iat in the future', 'finding.iat-in-future', { text: token({}, { iat: NOW + 3600 }) }, { text: token({}, { iat: NOW + 30 }) }],
    ['nbf in the future', 'finding.nbf-in-future', { text: token({}, { nbf: NOW + 3600 }) }, { text: token({}, { nbf: NOW - 10 }) }],
    ['jku in the header', 'finding.key-url', { text: token({ jku: 'https://attacker.example/jwks.json' }) }, { text: token({ kid: 'k1' }) }],
    ['x5u in the header', 'finding.key-url', { text: token({ x5u: 'https://attacker.example/cert.pem' }) }, { text: token() }],
    ['jwk in the header', 'finding.embedded-key', { text: token({ jwk: JSON.parse(JWK_PUBLIC) as object }) }, { text: token() }],
    ['x5c in the header', 'finding.embedded-key', { text: token({ x5c: ['MIIBszCCAVmgAwIBAgIU'] }) }, { text: token() }],
    ['a kid climbing out of its folder', 'finding.kid-path-traversal', { text: token({ kid: '../../../dev/null' }) }, { text: token({ kid: 'keys/2024/signing' }) }],
    ['a kid that is an absolute path', 'finding.kid-path-traversal', { text: token({ kid: '/etc/passwd' }) }, { text: token({ kid: 'https-key-1' }) }],
    ['a kid with an SQL injection', 'finding.kid-sql', { text: token({ kid: "x' UNION SELECT 'secret" }) }, { text: token({ kid: 'key-update-2024' }) }],
    ['a kid ending an SQL statement', 'finding.kid-sql', { text: token({ kid: 'k1; DROP TABLE keys' }) }, { text: token({ kid: 'k1' }) }],
    ['crit naming an unknown extension', 'finding.unknown-crit', { text: token({ crit: ['http://example.com/ext'], 'http://example.com/ext': 1 }) }, { text: token({ b64: true, crit: ['b64'] }) }],
    ['an empty crit', 'finding.crit-malformed', { text: token({ crit: [] }) }, { text: token({ b64: true, crit: ['b64'] }) }],
    ['crit listing a registered parameter', 'finding.crit-malformed', { text: token({ crit: ['alg'] }) }, { text: token() }],
    ['crit listing a member the header lacks', 'finding.crit-malformed', { text: token({ crit: ['b64'] }) }, { text: token({ b64: true, crit: ['b64'] }) }],
    ['b64 false', 'finding.b64-false', { text: `${b64('{"alg":"HS256","typ":"JWT","b64":false,"crit":["b64"]}')}.{"sub":"user-1","iat":${NOW},"exp":${NOW + 60}}.c2ln` }, { text: token({ b64: true, crit: ['b64'] }) }],
    ['a duplicate header member', 'finding.duplicate-header-member', { text: jws('{"alg":"HS256","typ":"JWT","kid":"a","kid":"b"}', PAYLOAD) }, { text: token({ kid: 'a' }) }],
    ['a duplicate claim', 'finding.duplicate-claim', { text: jws(HEADER, `{"sub":"user-1","sub":"admin","iat":${NOW},"exp":${NOW + 60}}`) }, { text: token() }],
    ['a signature with non-zero unused bits', 'finding.non-canonical-base64url', { text: token({}, {}, 'AB') }, { text: token({}, {}, 'AA') }],
    ['a padded header', 'finding.non-canonical-base64url', { text: token().replace('.', '=.') }, { text: token() }],
    ['a password in the payload', 'finding.payload-credential', { text: token({}, { password: 'hunter2' }) }, { text: token({}, { password: '' }) }],
    ['an API key nested in the payload', 'finding.payload-credential', { text: token({}, { service: { api_key: 'k-123' } }) }, { text: token({}, { service: { has_api_key: true } }) }],
    ['a card number', 'finding.payload-card-number', { text: token({}, { card: '4111 1111 1111 1111' }) }, { text: token({}, { card: '4111 1111 1111 1112' }) }],
    ['a US Social Security number', 'finding.payload-ssn', { text: token({}, { tax: '123-45-6789' }) }, { text: token({}, { tax: '000-45-6789' }) }],
    ['an IBAN', 'finding.payload-iban', { text: token({}, { account: 'GB82 WEST 1234 5698 7654 32' }) }, { text: token({}, { account: 'GB82 WEST 1234 5698 7654 33' }) }],
    ['an email address', 'finding.payload-email', { text: token({}, { contact: 'alice@example.com' }) }, { text: token({}, { contact: 'alice at example' }) }],
    ['a phone number', 'finding.payload-phone', { text: token({}, { contact: ['+44 20 7946 0958'] }) }, { text: token({}, { contact: ['v1.2.3'] }) }],
    ['a date of birth', 'finding.payload-personal', { text: token({}, { date_of_birth: '1990-01-31' }) }, { text: token({}, { date_of_birth: null }) }],
    ['a JWE pasted as a JWS', 'finding.jwe-not-jws', { text: JWE }, { text: token() }],
    ['no typ', 'finding.no-typ', { text: token({ typ: undefined }) }, { text: token({ typ: 'application/at+jwt' }) }],
    ['a typ other than JWT', 'finding.unexpected-typ', { text: token({ typ: 'dpop+jwt' }) }, { text: token({ typ: 'at+jwt' }) }],
  ]

  it.each(cases)('reports %s (%s), and not its near miss', (_, code, positive, negative) => {
    expect(codesOf(positive)).toContain(code)
    expect(codesOf(negative)).not.toContain(code)
  })

  it('has a positive and a negative case for every code', () => {
    expect(new Set(cases.map(([, code]) => code))).toEqual(new Set(FINDING_CODES))
  })

  it.each([
    ['alg none', 'finding.alg-none', 'high'],
    ['a public key as secret', 'finding.secret-is-public-key', 'high'],
    ['a missing exp', 'finding.no-exp', 'medium'],
    ['a missing typ', 'finding.no-typ', 'info'],
  ] as const)('gives %s its severity', (_, code, severity) => {
    const row = cases.find(([, c]) => c === code)!
    expect(findIn(row[2], code)?.severity).toBe(severity)
  })

  it('lists the most severe findings first', () => {
    const found = risks({ text: token({ alg: 'none', typ: undefined }, { exp: undefined, email: 'a@example.com' }, '') })
    expect(found.map((f) => f.severity)).toEqual(['high', 'medium', 'low', 'info'])
  })

  it('names the unusual spelling of none, which filters miss', () => {
    const found = findIn({ text: token({ alg: 'nOnE' }, {}, '') }, 'finding.alg-none')
    expect(found?.params).toEqual({ alg: 'nOnE' })
    expect(found?.explanation).toContain('spelled "nOnE"')
  })

  it('says how short an HMAC secret is and what RFC 7518 §3.2 asks for', () => {
    const found = findIn({ text: token(), secret: secretText('k9Qz7Wx2Lm4Rt8Yp1Vb6') }, 'finding.secret-short')
    expect(found).toMatchObject({ severity: 'high', part: 'key', reference: 'RFC 7518 §3.2, RFC 8725 §3.5', params: { alg: 'HS256', bytes: 20, bits: 160, minimumBytes: 32, minimumBits: 256 } })
    expect(found?.range).toBeUndefined()
  })

  it('finds a weak secret in the bytes a base64 or hex secret stands for', () => {
    const base64 = { text: Buffer.from('keyboard cat').toString('base64'), bytes: new Uint8Array(Buffer.from('keyboard cat')) }
    const hex = { text: Buffer.from('shhhhh').toString('hex'), bytes: new Uint8Array(Buffer.from('shhhhh')) }
    expect(findIn({ text: token(), secret: base64 }, 'finding.secret-weak')?.params).toEqual({ match: 'keyboard cat', via: 'bytes' })
    expect(findIn({ text: token(), secret: hex }, 'finding.secret-weak')?.params).toEqual({ match: 'shhhhh', via: 'bytes' })
  })

  it('says which kind of key text was pasted as the secret', () => {
    expect(findIn({ text: token(), secret: secretText(PEM_PUBLIC) }, 'finding.secret-is-public-key')?.params).toEqual({ alg: 'HS256', form: 'pem-public-key' })
    expect(findIn({ text: token(), secret: secretText(JWK_PUBLIC) }, 'finding.secret-is-public-key')?.params).toEqual({ alg: 'HS256', form: 'jwk' })
    expect(findIn({ text: token(), secret: secretText(`{"keys":[${JWK_PUBLIC}]}`) }, 'finding.secret-is-public-key')?.params.form).toBe('jwks')
  })

  it('checks no secret when none was given, or when the token is not HMAC', () => {
    expect(findTokenRisks({ decoded: decodeToken(token()), now: NOW })).toEqual([])
    expect(findTokenRisks({ decoded: decodeToken(token()), secret: secretText(''), now: NOW })).toEqual([])
    expect(codesOf({ text: JWE, secret: secretText('secret') })).toEqual(['finding.jwe-not-jws'])
    expect(codesOf({ text: token({ alg: 'RS256' }), secret: secretText(PEM_PUBLIC) })).toEqual([])
  })

  it('gives the lifetime in seconds and says what it was measured from', () => {
    expect(findIn({ text: token({}, { iat: NOW, exp: NOW + 30 * DAY }) }, 'finding.long-lifetime')?.params).toEqual({ seconds: 30 * DAY, from: 'iat', role: 'unmarked' })
    expect(findIn({ text: token({ typ: 'at+jwt' }, { iat: undefined, exp: NOW + 2 * DAY }) }, 'finding.long-lifetime')?.params).toEqual({ seconds: 2 * DAY, from: 'now', role: 'access' })
    expect(findIn({ text: token({}, { iat: NOW, exp: NOW + 2 * DAY }) }, 'finding.long-lifetime')?.title).toBe('An access token valid for 2 days')
  })

  it('lets a refresh token live long, however it says it is one', () => {
    for (const mark of [{ refresh: true }, { type: 'refresh' }, { token_type: 'refresh' }]) {
      expect(codesOf({ text: token({}, { iat: NOW, exp: NOW + 30 * DAY, ...mark }) })).not.toContain('finding.long-lifetime')
    }
  })

  it('says how far ahead iat is', () => {
    expect(findIn({ text: token({}, { iat: NOW + 7200 }) }, 'finding.iat-in-future')?.params).toEqual({ iat: NOW + 7200, now: NOW, secondsAhead: 7200 })
  })

  it('names each unknown critical extension once', () => {
    const found = findIn({ text: token({ crit: ['x', 'y', 'x'], x: 1, y: 2 }) }, 'finding.unknown-crit')
    expect(found?.params).toEqual({ members: 'x, y', count: 2 })
  })

  it('says whether crit lists b64 for an unencoded payload', () => {
    const missing = `${b64('{"alg":"HS256","typ":"JWT","b64":false}')}.{"exp":${NOW + 60}}.c2ln`
    expect(findIn({ text: missing }, 'finding.b64-false')?.params).toEqual({ crit: 'missing' })
  })

  it('reuses the duplicate members decodeToken found, with their names', () => {
    const text = jws('{"alg":"HS256","typ":"JWT"}', `{"sub":"a","role":"user","role":"admin","exp":${NOW + 60},"iat":${NOW}}`)
    const decodeProblem = decodeToken(text).problems.find((p) => p.code === 'payload.duplicate-member')!
    const found = findIn({ text }, 'finding.duplicate-claim')
    expect(found).toMatchObject({ severity: 'medium', part: 'payload', range: decodeProblem.range, params: { name: 'role' } })
    expect(findIn({ text: jws('{"alg":"HS256","alg":"HS256","typ":"JWT"}', PAYLOAD) }, 'finding.duplicate-header-member')).toMatchObject({ severity: 'high', params: { name: 'alg' } })
  })

  it('rates non-canonical base64url higher in the signature, which it makes malleable', () => {
    const text = token({}, {}, 'AB')
    const found = findIn({ text }, 'finding.non-canonical-base64url')
    expect(found).toMatchObject({ severity: 'medium', part: 'signature', params: { part: 'signature', issue: 'unused-bits', offset: text.length - 1 }, range: [text.length - 1, text.length] })
    expect(findIn({ text: token().replace('.', '=.') }, 'finding.non-canonical-base64url')).toMatchObject({ severity: 'low', part: 'header', params: { issue: 'padding' } })
  })

  it('gives the path of personal data and no more of it than the last four card digits', () => {
    const found = findIn({ text: token({}, { billing: { cards: [{ number: '5555-5555-5555-4444' }] } }) }, 'finding.payload-card-number')
    expect(found?.params).toEqual({ path: 'billing.cards[0].number', last4: '4444' })
    expect(found?.explanation).not.toContain('5555-5555')
  })

  it('does not read identifier claims such as sub as personal data', () => {
    expect(codesOf({ text: token({}, { sub: 'alice@example.com', jti: '4111111111111111' }) })).toEqual([])
  })

  it('reports one finding per member, the credential before what its value looks like', () => {
    expect(codesOf({ text: token({}, { password: 'alice@example.com' }) })).toEqual(['finding.payload-credential'])
  })

  it('explains every finding in one title line, a paragraph and a reference', () => {
    for (const [, code, positive] of cases) {
      const found = findIn(positive, code)!
      expect(found.title).not.toMatch(/\n/)
      expect(found.explanation.length).toBeGreaterThan(found.title.length)
      expect(found.explanation).not.toMatch(/undefined|\[object Object\]|NaN/)
      expect(found.title).not.toMatch(/undefined|\[object Object\]|NaN/)
      expect(found.reference).toMatch(/^(?:RFC \d+|OWASP|PCI)/)
    }
  })
})

describe('finding ranges', () => {
  /** The token range that carries `member` of the JSON in segment `index`, computed from its UTF-8 bytes. */
  function expectedRange(text: string, index: number, jsonText: string, member: string, unencoded = false): Range {
    const segment = decodeToken(text).segments[index]!
    const at = jsonText.lastIndexOf(member)
    expect(at).toBeGreaterThanOrEqual(0)
    if (unencoded) return [segment.range[0] + at, segment.range[0] + at + member.length]
    const startByte = Buffer.byteLength(jsonText.slice(0, at))
    const endByte = startByte + Buffer.byteLength(member)
    return [segment.range[0] + Math.floor((startByte * 4) / 3), segment.range[0] + Math.ceil((endByte * 4) / 3)]
  }

  /** What the characters decode to, widened to whole groups of four. */
  function decodedAround(text: string, index: number, range: Range): string {
    const segment = decodeToken(text).segments[index]!
    const start = segment.range[0] + Math.floor((range[0] - segment.range[0]) / 4) * 4
    const end = Math.min(segment.range[0] + Math.ceil((range[1] - segment.range[0]) / 4) * 4, segment.range[1])
    return Buffer.from(text.slice(start, end), 'base64url').toString()
  }

  const headerOf = (header: object) => JSON.stringify({ ...HEADER, ...header })
  const payloadOf = (payload: object) => JSON.stringify({ ...PAYLOAD, ...payload })

  const rows: readonly [name: string, code: FindingCode, header: string, payload: string, index: 0 | 1, member: string][] = [
    ['alg', 'finding.alg-none', headerOf({ alg: 'none' }), payloadOf({}), 0, '"alg":"none"'],
    ['jku', 'finding.key-url', headerOf({ jku: 'https://a.example/k' }), payloadOf({}), 0, '"jku":"https://a.example/k"'],
    ['x5c', 'finding.embedded-key', headerOf({ x5c: ['MIIB'] }), payloadOf({}), 0, '"x5c":["MIIB"]'],
    ['kid after multi-byte text', 'finding.kid-sql', headerOf({ note: 'Zoë ✓ 🔑', kid: "1' OR '1'='1" }), payloadOf({}), 0, `"kid":"1' OR '1'='1"`],
    ['crit', 'finding.unknown-crit', headerOf({ crit: ['ext'], ext: true }), payloadOf({}), 0, '"crit":["ext"]'],
    ['typ', 'finding.unexpected-typ', headerOf({ typ: 'JOSE' }), payloadOf({}), 0, '"typ":"JOSE"'],
    ['the last of two kids', 'finding.kid-path-traversal', '{"alg":"HS256","typ":"JWT","kid":"a","kid":"../b"}', payloadOf({}), 0, '"kid":"../b"'],
    ['exp', 'finding.long-lifetime', headerOf({}), payloadOf({ exp: NOW + 9 * DAY }), 1, `"exp":${NOW + 9 * DAY}`],
    ['nbf', 'finding.nbf-in-future', headerOf({}), payloadOf({ nbf: NOW + DAY }), 1, `"nbf":${NOW + DAY}`],
    ['a nested password', 'finding.payload-credential', headerOf({}), payloadOf({ name: 'Zoë', db: { password: 'p' } }), 1, '"password":"p"'],
    ['an email in an array', 'finding.payload-email', headerOf({}), payloadOf({ to: ['ünïcode', 'bob@example.org'] }), 1, '"bob@example.org"'],
  ]

  it.each(rows)('points at the characters that carry %s', (_, code, header, payload, index, member) => {
    for (const prefix of ['', 'Bearer ']) {
      const text = `${prefix}${b64(header)}.${b64(payload)}.c2ln`
      const found = findIn({ text }, code)
      expect(found?.range).toEqual(expectedRange(text, index, index === 0 ? header : payload, member))
      expect(decodedAround(text, index, found!.range!)).toContain(member)
    }
  })

  it('points at the characters themselves in an unencoded (b64: false) payload', () => {
    const payload = `{"sub":"user-1","iat":${NOW},"exp":${NOW + 9 * DAY}}`
    const text = `${b64('{"alg":"HS256","typ":"JWT","b64":false,"crit":["b64"]}')}.${payload}.c2ln`
    const range = findIn({ text }, 'finding.long-lifetime')?.range
    expect(range).toEqual(expectedRange(text, 1, payload, `"exp":${NOW + 9 * DAY}`, true))
    expect(text.slice(...range!)).toBe(`"exp":${NOW + 9 * DAY}`)
  })

  it('leaves out the range of a finding about something absent', () => {
    expect(findIn({ text: token({}, { exp: undefined }) }, 'finding.no-exp')?.range).toBeUndefined()
  })

  it('still finds data in a payload too large to place, without a range', () => {
    const text = token({}, { padding: 'x'.repeat(1_100_000), password: 'p' })
    const found = findIn({ text }, 'finding.payload-credential')
    expect(found?.params).toEqual({ member: 'password', path: 'password' })
    expect(found?.range).toBeUndefined()
  })

  it('walks a payload nested 10,000 levels and shortens the path', () => {
    const deep = '{"a":'.repeat(10_000) + '{"password":"p"}' + '}'.repeat(10_000)
    const found = findIn({ text: jws(HEADER, deep) }, 'finding.payload-credential')
    expect(found?.params.path).toBe('….a.a.a.a.a.password')
  })
})

describe('weak secrets', () => {
  it('lists a few hundred distinct, trimmed, lower-case secrets', () => {
    expect(WEAK_SECRETS.length).toBeGreaterThanOrEqual(300)
    expect(WEAK_SECRETS.length).toBeLessThan(1500)
    expect(new Set(WEAK_SECRETS).size).toBe(WEAK_SECRETS.length)
    for (const secret of WEAK_SECRETS) expect(secret).toBe(secret.trim().toLowerCase())
  })

  it.each(['secret', 'password', 'changeme', '123456', 'admin', 'qwerty', 'your-256-bit-secret', 'your-secret-key', 'mysecret', 'secretkey', 'jwt_secret', 'shhhhh', 'keyboard cat', 'supersecret', 'change-this-secret', 'secret123', 'JWT_SECRET_KEY', 'MySuperSecretKey'])('knows %s', (secret) => {
    expect(matchWeakSecret(secret)).toBe(secret.toLowerCase())
  })

  it('matches only the whole secret, after trimming', () => {
    expect(matchWeakSecret('\t Secret \n')).toBe('secret')
    expect(matchWeakSecret('secretive')).toBeUndefined()
    expect(matchWeakSecret(STRONG.text)).toBeUndefined()
  })
})

describe('findTokenRisks on any input', () => {
  const member = fc.constantFrom('alg', 'typ', 'kid', 'jku', 'x5u', 'jwk', 'x5c', 'crit', 'b64', 'enc', 'exp', 'iat', 'nbf', 'sub', 'type', 'refresh', 'password', 'email', 'card', 'dob', '__proto__')
  const interesting = fc.constantFrom<unknown>('none', 'NONE', 'HS256', 'at+jwt', '../x', "a' or 1=1", '4111 1111 1111 1111', '123-45-6789', 'GB82 WEST 1234 5698 7654 32', 'a@b.co', '+44 20 7946 0958', ['b64'], ['x', 1], [], false, true, null, NOW, NOW + 10 * DAY, 1e308, -1)
  const value = fc.oneof(interesting, fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 20 }), fc.double())
  const object = fc.dictionary(member, value, { maxKeys: 6 }).map((o) => JSON.stringify(o))
  const jsonish = fc.oneof(object, fc.json({ maxDepth: 2 }), fc.string({ maxLength: 30 }), fc.tuple(member, value, value).map(([k, a, b]) => `{"${k}":${JSON.stringify(a) ?? 1},"${k}":${JSON.stringify(b) ?? 2}}`))
  const signature = fc.oneof(fc.base64String({ maxLength: 12 }), fc.string({ maxLength: 6 }), fc.constant(''))
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.tuple(fc.constantFrom('', 'Bearer ', '"', ' '), jsonish, jsonish, signature).map(([prefix, h, p, s]) => `${prefix}${b64(h)}.${b64(p)}.${s}`),
    fc.tuple(object, fc.string({ maxLength: 30 }).map((p) => p.replace(/\./g, ''))).map(([h, p]) => `${b64(h.replace(/^\{/, '{"b64":false,'))}.${p}.c2ln`),
    fc.tuple(jsonish, fc.array(fc.base64String({ maxLength: 12 }), { minLength: 4, maxLength: 4 })).map(([h, rest]) => [b64(h), ...rest].join('.')),
  )
  const secret = fc.option(
    fc.oneof(
      fc.string({ maxLength: 40 }).map(secretText),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ text: Buffer.from(bytes).toString('base64'), bytes })),
      fc.constantFrom(PEM_PUBLIC, JWK_PUBLIC, 'secret', '  SECRET ').map(secretText),
    ),
    { nil: undefined },
  )
  const now = fc.oneof(fc.integer({ min: 0, max: 4_000_000_000 }), fc.double())
  const codes: ReadonlySet<string> = new Set(FINDING_CODES)
  const order = { high: 0, medium: 1, low: 2, info: 3 }

  it('never throws, and places every finding inside the text', () => {
    fc.assert(
      fc.property(text, secret, now, (input, key, at) => {
        const found = findTokenRisks({ decoded: decodeToken(input), secret: key, now: at })
        for (const f of found) {
          expect(codes.has(f.code)).toBe(true)
          expect(['header', 'payload', 'signature', 'key', 'token']).toContain(f.part)
          if (f.range) expect(f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= input.length).toBe(true)
          expect(f.title).not.toContain('\n')
          expect(f.explanation.length).toBeGreaterThan(0)
          for (const param of Object.values(f.params)) expect(['string', 'number']).toContain(typeof param)
        }
        expect(found.map((f) => order[f.severity])).toEqual(found.map((f) => order[f.severity]).sort((a, b) => a - b))
      }),
      { numRuns: 500 },
    )
  })
})
