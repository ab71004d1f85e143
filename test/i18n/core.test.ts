import { describe, expect, expectTypeOf, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { decodeToken, readKey, signToken, validateClaims, verifyToken, type ClaimOptions, type KeyInput, type Problem } from '../../src/jwt'
import { diagnose } from '../../src/jwt/diagnose'
import { predictFrameworks } from '../../src/jwt/frameworks'
import { predictPyJwt, runJose, type Expectations } from '../../src/jwt/libraries'
import type { Sentence, SentenceCode } from '../../src/jwt/sentences'
import { translateSentence } from '../../src/i18n/core'
import { zhCNCore } from '../../src/i18n/core.zh-CN'
import { readExpectations, NO_EXPECTATIONS } from '../../src/state/expectations'
import { initialState, reducer } from '../../src/state/debugger'

const CJK = /[\u4e00-\u9fff]/
/**
 * Sentences that may read without Chinese characters: a quoted character, JSON's null and an OID's
 * name (words inside other sentences), and a JWKS member's place joined to its problem (each
 * checked on its own).
 */
const FRAGMENTS = new Set<SentenceCode>(['json.at.char', 'json.type', 'pem.oid', 'key.in-jwks'])

/** Every sentence in a result: fields holding one, hypotheses (which are their own), and nested params. */
function sentencesIn(value: unknown, found: Sentence[] = []): Sentence[] {
  if (typeof value !== 'object' || value === null) return found
  const record = value as Record<string, unknown>
  if (typeof record.code === 'string' && typeof record.params === 'object') found.push({ ...record, text: String(record.text ?? record.message) } as Sentence)
  for (const member of Object.values(record)) sentencesIn(member, found)
  return found
}

describe('the core’s sentences in Simplified Chinese', () => {
  it('have an entry for every code the core can emit', () => {
    // A code added to SentenceParams without a zh-CN entry fails `satisfies CoreMessages`; this says so too.
    expectTypeOf<keyof typeof zhCNCore>().toEqualTypeOf<SentenceCode>()
    const anything = new Proxy({}, { get: () => 'X' })
    for (const [code, build] of Object.entries(zhCNCore)) {
      if (!FRAGMENTS.has(code as SentenceCode)) expect((build as (params: object) => string)(anything), code).toMatch(CJK)
    }
  })

  it('translate what verification, diagnosis and the library predictions say', async () => {
    const secret = 'a-demo-secret-of-32-bytes-length'
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const ecPrivate = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const jwk = { ...ec.publicKey.export({ format: 'jwk' }), kid: 'a1' }
    const hs = await signToken({ alg: 'HS256' }, { sub: 'ada', exp: 1, type: 'refresh' }, { text: secret })
    const es = await signToken({ alg: 'ES256', kid: 'a1' }, { sub: 'ada', aud: 'x' }, { text: ecPrivate })
    const embedded = await signToken({ alg: 'ES256', jwk }, { identity: 1 }, { text: ecPrivate })
    const cases: [string, KeyInput][] = [
      [hs, { text: secret }],
      [hs, { text: `${secret}\n` }],
      [hs, { text: 'another secret entirely, 32 bytes' }],
      [hs, { text: '' }],
      [hs, { text: ecPrivate }],
      [es, { text: ecPrivate }],
      [es, { text: JSON.stringify({ keys: [{ kty: 'oct', k: 'AAAA' }, jwk] }) }],
      [es, { text: secret }],
      ['eyJhbGciOiJub25lIn0.e30.', { text: '' }],
    ]
    const found: Sentence[] = []
    for (const [token, key] of cases) {
      const result = await verifyToken(token, key)
      sentencesIn(result, found)
      sentencesIn(await diagnose(token, key, result), found)
      for (const expectations of [{ algorithms: ['HS256', 'ES256'] }, { algorithms: ['ES256'], issuer: 'me', audience: 'y' }, {}] satisfies Expectations[]) {
        sentencesIn(await predictPyJwt(token, key, expectations), found)
        sentencesIn(await runJose(token, key, expectations), found)
        sentencesIn(await predictFrameworks(token, key, expectations, { payload: { sub: 'ada', type: 'refresh' } }), found)
      }
    }
    sentencesIn(await verifyToken(embedded, { text: '' }, { useEmbeddedKey: true }), found)
    const codes = new Set(found.map((s) => s.code))
    expect(codes.size).toBeGreaterThan(30)
    for (const sentence of found) {
      const chinese = translateSentence('zh-CN', sentence)
      expect(chinese, sentence.code).toMatch(CJK)
      expect(chinese, sentence.code).not.toContain('[object Object]')
      expect(translateSentence('en', sentence)).toBe(sentence.text)
    }
  })

  /** Every found sentence reads in Chinese, never as the object it came from, and as the core's English in English. */
  function expectChinese(found: readonly Sentence[]) {
    for (const sentence of found) {
      const chinese = translateSentence('zh-CN', sentence)
      if (!FRAGMENTS.has(sentence.code)) expect(chinese, `${sentence.code}: ${sentence.text}`).toMatch(CJK)
      expect(chinese, sentence.code).not.toContain('[object Object]')
      expect(chinese, sentence.code).not.toContain('undefined')
      expect(translateSentence('en', sentence)).toBe(sentence.text)
    }
  }

  /** A problem's sentence is its message, byte for byte. */
  const withSentences = (problems: readonly Problem[]) => {
    for (const problem of problems) expect(problem.sentence?.text, problem.code).toBe(problem.message)
    return problems
  }

  it('translate the decoder’s problems with broken tokens, keeping offsets and characters', () => {
    const b64 = (value: string) => Buffer.from(value).toString('base64url')
    const header = b64('{"alg":"HS256"}')
    const tokens = [
      `${header}.${b64('{"sub":"a"}')}.sig`,
      `Bearer ${header}.e30.sig`,
      `Authorization: "Bearer ${header}.e30.sig";`,
      `token=${header}.e30.sig`,
      `'${header}.e30.sig`,
      `${header}.e30.sig"`,
      `${header}.e3*0.sig`,
      `${header}.e30=.sig`,
      `${header}.e3+0/.sig`,
      `${header}.e3 0.sig`,
      `${header}.e31.sig`,
      `${header}.e30a1.sig`,
      `${header}.${b64('{"sub":"a","sub":"b","n":12345678901234567890,"s":"\\ud800","z":"\u200b"}')}.sig`,
      `${header}.${b64('{"a":1,}')}.sig`,
      `${header}.${b64('{"a":01}')}.sig`,
      `${header}.${b64("{'a':1}")}.sig`,
      `${header}.${b64('{"a" 1}')}.sig`,
      `${header}.${b64('{"a":1 "b":2}')}.sig`,
      `${header}.${b64('[1,2')}.sig`,
      `${header}.${b64('{"a":"x')}.sig`,
      `${header}.${b64('{"a":"\\q"}')}.sig`,
      `${header}.${b64('{"a":"\\u12"}')}.sig`,
      `${header}.${b64('{"a":-x}')}.sig`,
      `${header}.${b64('{"a":tru}')}.sig`,
      `${header}.${b64('{"a":1} x')}.sig`,
      `${header}.${b64('{"a":"line\nbreak"}')}.sig`,
      `${header}.${b64('[1,]')}.sig`,
      `${header}.${b64('{"a":')}.sig`,
      `${header}.${b64('hello')}.sig`,
      `${header}.${b64('[1]')}.sig`,
      `${header}..sig`,
      `${header}.${Buffer.from([0xff, 0xc3]).toString('base64url')}.sig`,
      `${Buffer.from([0xe2, 0x82]).toString('base64url')}.e30.sig`,
      `${Buffer.from([0xc3, 0x28]).toString('base64url')}.e30.sig`,
      `.e30.sig`,
      `${b64('[1]')}.e30.sig`,
      `${b64('{"typ":"JWT"}')}.e30.sig`,
      `${b64('{"alg":3}')}.e30.sig`,
      `${b64('{"alg":"hs256"}')}.e30.sig`,
      `${b64('{"alg":"XY1"}')}.e30.sig`,
      `${b64('{"alg":"none"}')}.e30.sig`,
      `${header}.e30.`,
      `${header}.e30`,
      `${header}`,
      `${header}.e30.sig.`,
      `${header}.a.b.c.d.e`,
      `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`,
      '',
      'x'.repeat(16 * 1024 * 1024 + 1),
    ]
    const found: Sentence[] = []
    for (const token of tokens) sentencesIn(withSentences(decodeToken(token).problems), found)
    const codes = new Set(found.map((s) => s.code))
    for (const code of ['token.bearer-prefix', 'token.authorization-header', 'token.assignment', 'token.quotes', 'token.trailing-punctuation', 'token.dot-count', 'token.no-dots', 'token.too-large', 'token.empty', 'token.jwe'] as const) {
      expect(codes, code).toContain(code)
    }
    for (const code of ['base64.alphabet', 'base64.padding', 'base64.standard', 'base64.whitespace', 'base64.non-canonical', 'base64.length', 'decode.invisible', 'decode.json', 'decode.utf8'] as const) expect(codes, code).toContain(code)
    for (const code of ['json.duplicate-member', 'json.unsafe-integer', 'json.lone-surrogate', 'json.trailing-comma', 'json.bad-number', 'json.expected-name', 'json.expected-colon', 'json.expected-separator'] as const) expect(codes, code).toContain(code)
    for (const code of ['json.ends-unclosed', 'json.unclosed-string', 'json.bad-escape', 'json.unicode-escape', 'json.expected-digit', 'json.expected-value', 'json.trailing-text', 'json.control-in-string', 'json.ends-in-value'] as const) expect(codes, code).toContain(code)
    for (const code of ['utf8.bad-lead', 'utf8.truncated', 'utf8.bad-continuation', 'header.empty', 'header.not-object', 'header.missing-alg', 'header.alg-not-string', 'header.unknown-alg'] as const) expect(codes, code).toContain(code)
    for (const code of ['payload.empty', 'payload.not-json', 'payload.not-object', 'signature.not-empty-for-none', 'signature.empty', 'json.type', 'json.position'] as const) expect(codes, code).toContain(code)
    expectChinese(found)

    const star = decodeToken(`${header}.e3*0.sig`).problems.find((p) => p.code === 'payload.base64-alphabet')!
    expect(translateSentence('zh-CN', star.sentence!)).toBe(`载荷在偏移 ${header.length + 3} 处有字符 "*"，它不在 base64url 字母表（A-Z、a-z、0-9、'-' 和 '_'）中`)
  })

  it('translate every claim check, with its time span said in Chinese', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0, 0) / 1000
    const cases: [unknown, ClaimOptions][] = [
      [{ exp: now - 180, nbf: now + 3600, iat: now + 86400 }, { now }],
      [{ exp: now + 9 * 365 * 86400, nbf: now - 60, iat: now - 7200 }, { now, leeway: 30 }],
      [{ iat: now - 7200 }, { now, maxAge: 60 }],
      [{}, { now, maxAge: 60, issuer: ['a', 'b'], audience: 'x', subject: 's', jti: 'j', typ: 'at+jwt', header: {}, required: ['exp'] }],
      [{ iss: 'a', aud: ['x', 'y'], sub: 's', jti: 'j', exp: '2026-01-01' }, { now, issuer: 'a', audience: 'y', subject: 's', jti: 'j', typ: 'JWT', header: { typ: 'JWT' } }],
      [{ iss: 'c', aud: 'z', sub: 't', jti: 'k', nbf: 'soon' }, { now, issuer: 'a', audience: ['x', 'y'], subject: 's', jti: 'j', typ: 'JWT', header: { typ: 'at+jwt' } }],
      [{ aud: 3 }, { now, audience: 'x' }],
      [{ aud: 'x' }, { now }],
      [[1], { now }],
    ]
    const found: Sentence[] = []
    for (const [payload, options] of cases) {
      for (const check of validateClaims(payload, options).checks) {
        expect(check.sentence?.text, check.code).toBe(check.message)
        found.push(check.sentence!)
      }
    }
    expect(new Set(found.map((s) => s.code)).size).toBeGreaterThanOrEqual(22)
    expectChinese(found)
    const [expired, notYet, future] = validateClaims(cases[0]![0], cases[0]![1]).checks
    expect(translateSentence('zh-CN', expired!.sentence!)).toBe('已于 3 分钟前过期（exp 2026-11-22 09:57:00 UTC），宽限 0 秒')
    expect(translateSentence('zh-CN', notYet!.sentence!)).toBe('尚未生效：将于 1 小时后生效（nbf 2026-11-22 11:00:00 UTC），宽限 0 秒')
    expect(translateSentence('zh-CN', future!.sentence!)).toContain('1 天之后')
    const nine = validateClaims(cases[1]![0], cases[1]![1]).checks[0]!
    expect(translateSentence('zh-CN', nine.sentence!)).toMatch(/^将于 9 年后过期（exp \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC），宽限 30 秒$/)
  })

  /** PEM text that is broken, or holds what the page does not read. */
  function pems(): string[] {
    const block = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`
    const pem = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) => key.export({ type: 'spki', format: 'pem' }) as string
    const spki = (hex: string) => block('PUBLIC KEY', Buffer.from(hex, 'hex').toString('base64'))
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('hex')
    return [
      '-----BEGIN PUBLIC KEY-----\nMFkw',
      '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PRIVATE KEY-----',
      block('FOO BAR', 'AAAA'),
      block('CERTIFICATE REQUEST', 'AAAA'),
      block('RSA PRIVATE KEY', 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA'),
      block('PUBLIC KEY', 'AA==AA'),
      block('PUBLIC KEY', '=AAA'),
      block('PUBLIC KEY', 'AA*A'),
      block('PUBLIC KEY', ''),
      block('PUBLIC KEY', 'AAAAA'),
      block('PUBLIC KEY', 'AA='),
      block('PUBLIC KEY', 'AAAA'),
      pem(generateKeyPairSync('x25519').publicKey),
      pem(generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey),
      pem(generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }).publicKey),
      pem(generateKeyPairSync('ec', { namedCurve: 'secp224r1' }).publicKey),
      spki(`3029300506032b6570032000${'11'.repeat(31)}`),
      spki(`${p256.slice(0, 52)}05${p256.slice(54)}`),
      spki(`3039301306072a8648ce3d020106082a8648ce3d03010703220002${'ff'.repeat(32)}`),
      spki('3003'),
    ]
  }

  it('translate what is wrong with a key, and why it does not fit the algorithm', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const rsaPublic = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string
    const ecJwk = ec.publicKey.export({ format: 'jwk' })
    const keys: KeyInput[] = [
      { text: 'zz12', encoding: 'hex' },
      { text: 'abc', encoding: 'hex' },
      { text: 'ab*c', encoding: 'base64url' },
      { text: 'abcde', encoding: 'base64url' },
      { text: 'ab+c', encoding: 'base64url' },
      { text: 'ab-c', encoding: 'base64' },
      { text: '{"kty": ' },
      { text: '[1]', format: 'jwk' },
      { text: '{"n": "x"}' },
      { text: '{"kty": "XYZ"}' },
      { text: '{"kty": "RSA", "n": "AQAB"}' },
      { text: '{"kty": "RSA", "n": "AQAB", "e": "AQAB", "d": "AQAB"}' },
      { text: '{"kty": "RSA", "n": "AQ+B", "e": "AQAB"}' },
      { text: JSON.stringify({ ...ecJwk, crv: 'P-999' }) },
      { text: JSON.stringify({ ...ecJwk, x: 'AQAB' }) },
      { text: JSON.stringify({ kty: 'OKP', crv: 'X9', x: 'AQAB' }) },
      { text: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'AQAB' }) },
      { text: JSON.stringify({ kty: 'AKP', alg: 'ML-DSA-1', pub: 'AQAB' }) },
      { text: JSON.stringify({ keys: [1, { kty: 'EC' }] }) },
      { text: 'x'.repeat(1024 * 1024 + 1) },
      ...pems().map((text) => ({ text })),
    ]
    const found: Sentence[] = []
    for (const key of keys) sentencesIn(withSentences((await readKey(key)).problems), found)
    const token = await signToken({ alg: 'HS256' }, {}, { text: 'short' })
    const es = await signToken({ alg: 'ES256', kid: 'nope' }, {}, { text: ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string })
    const verified = [
      await verifyToken(token, { text: 'short' }),
      await verifyToken(es, { text: JSON.stringify({ keys: [{ ...ecJwk, kid: 'a1' }] }) }),
      await verifyToken(es, { text: rsaPublic }),
      await verifyToken(es, { text: '{"kty": "RSA"}' }),
      await verifyToken('eyJhbGciOiJIUzI1NiJ9.e30', { text: 'x' }),
    ]
    for (const result of verified) sentencesIn(result, found)
    const codes = new Set(found.map((s) => s.code))
    for (const code of ['key.hex-alphabet', 'key.hex-length', 'key.secret-alphabet', 'key.secret-dangling', 'key.secret-other-alphabet', 'key.invalid-json', 'key.not-object', 'key.jwk-no-kty', 'key.jwk-unknown-kty'] as const) expect(codes, code).toContain(code)
    for (const code of ['key.jwk-lacks', 'key.jwk-private-lacks', 'key.jwk-base64url', 'key.jwk-curve', 'key.jwk-size', 'key.jwk-akp-alg', 'key.jwks-member-not-object', 'key.in-jwks', 'key.too-large'] as const) expect(codes, code).toContain(code)
    for (const code of ['pem.no-end', 'pem.label-mismatch', 'pem.not-a-key', 'pem.encrypted', 'pem.after-padding', 'pem.early-padding', 'pem.base64-alphabet', 'pem.no-base64', 'pem.base64-dangling'] as const) expect(codes, code).toContain(code)
    for (const code of ['pem.size', 'pem.ec-point', 'pem.invalid-key-bytes'] as const) expect(codes, code).toContain(code)
    for (const code of ['pem.base64-padding', 'pem.der', 'pem.rsa-pss', 'pem.key-agreement', 'pem.unsupported-algorithm', 'pem.unsupported-curve', 'pem.oid'] as const) expect(codes, code).toContain(code)
    for (const code of ['key.short-secret', 'key.kid-not-found', 'key.mismatch', 'key.requirement', 'key.shape', 'verify.unreadable-key', 'verify.malformed'] as const) expect(codes, code).toContain(code)
    expectChinese(found)
    const mismatch = found.find((s) => s.code === 'key.mismatch')!
    expect(mismatch.text).toBe('ES256 needs an EC P-256 key; this is an RSA 2048-bit key')
    expect(translateSentence('zh-CN', mismatch)).toBe('ES256 需要 EC P-256 密钥；而这是 RSA 2048 位密钥')
  })

  it('translate the leeway error and the note a cleaned paste leaves', () => {
    const read = readExpectations({ ...NO_EXPECTATIONS, leeway: 'soon' }, 'HS256')
    expect(read.errorSentences.leeway?.text).toBe(read.errors.leeway)
    const state = reducer(initialState(), { type: 'tokenPasted', text: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig,' })
    const note = state.notes.at(-1)!
    expect(note.sentence?.text).toBe(note.text)
    expectChinese([read.errorSentences.leeway!, note.sentence!])
    expect(translateSentence('zh-CN', note.sentence!)).toBe("已清理粘贴的令牌：已去掉令牌前的 'Authorization:' 头部名称；已去掉 'Bearer' 前缀：它属于 Authorization 头部，而不是令牌的一部分；已忽略令牌后的 ','。")
  })
})
