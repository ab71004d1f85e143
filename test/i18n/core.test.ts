import { describe, expect, expectTypeOf, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { signToken, verifyToken, type KeyInput } from '../../src/jwt'
import { diagnose } from '../../src/jwt/diagnose'
import { predictFrameworks } from '../../src/jwt/frameworks'
import { predictPyJwt, runJose, type Expectations } from '../../src/jwt/libraries'
import type { Sentence, SentenceCode } from '../../src/jwt/sentences'
import { translateSentence } from '../../src/i18n/core'
import { zhCNCore } from '../../src/i18n/core.zh-CN'

const CJK = /[\u4e00-\u9fff]/

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
      expect((build as (params: object) => string)(anything), code).toMatch(CJK)
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
})
