// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { generateKeyPairSync } from 'node:crypto'
import { decodeSecret, detectKeyFormat, MAX_KEY_LENGTH, readKey } from '../../src/jwt/keys'

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })

describe('detectKeyFormat', () => {
  it.each([
    ['', 'empty'],
    ['  \n', 'empty'],
    ['-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----', 'pem'],
    ['{"kty":"EC"}', 'jwk'],
    [' {"keys":[]}', 'jwks'],
    ['my-secret', 'secret'],
  ])('reads %j as %s', (text, format) => {
    expect(detectKeyFormat(text)).toBe(format)
  })
})

describe('decodeSecret', () => {
  it('reads a secret in each encoding', () => {
    const bytes = (result: ReturnType<typeof decodeSecret>) => ('bytes' in result ? [...result.bytes] : result.problem.message)
    expect(bytes(decodeSecret('hé', 'utf8'))).toEqual([0x68, 0xc3, 0xa9])
    expect(bytes(decodeSecret('00ff10', 'hex'))).toEqual([0, 255, 16])
    expect(bytes(decodeSecret('_-8', 'base64url'))).toEqual([0xff, 0xef])
    expect(bytes(decodeSecret('/+8=', 'base64'))).toEqual([0xff, 0xef])
  })

  it('says which character at which offset is not in the alphabet', () => {
    const result = decodeSecret('abcd%fgh', 'base64')
    expect('problem' in result && result.problem).toMatchObject({ offset: 4, message: 'base64 text has the character "%" at offset 4 that is not in the alphabet' })
    const hex = decodeSecret('00fg', 'hex')
    expect('problem' in hex && hex.problem.offset).toBe(3)
    expect('problem' in decodeSecret('abc', 'hex')).toBe(true)
  })

  it('points a person at the other base64 alphabet', () => {
    const result = decodeSecret('ab+d', 'base64url')
    expect('problem' in result && result.problem.message).toContain('choose the base64 encoding')
  })
})

describe('readKey', () => {
  it('describes PEM keys in one line', async () => {
    const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string
    expect((await readKey({ text: pkcs1 })).summary).toBe('RSA 2048-bit private key, PKCS#1 PEM')
    const sec1 = ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string
    expect((await readKey({ text: sec1 })).summary).toBe('EC P-256 private key, SEC1 PEM')
    const spki = ec.publicKey.export({ type: 'spki', format: 'pem' }) as string
    expect((await readKey({ text: spki })).summary).toBe('EC P-256 public key, SPKI PEM')
  })

  it('describes a JWK and a JWK set', async () => {
    const jwk = ec.publicKey.export({ format: 'jwk' })
    expect((await readKey({ text: JSON.stringify(jwk) })).summary).toBe('EC P-256 public key, JWK')
    const set = { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'a1', alg: 'RS256' }, { ...jwk, kid: 'b2', alg: 'ES256' }, { ...jwk }] }
    const read = await readKey({ text: JSON.stringify(set) })
    expect(read.summary).toBe('JWK set of 3 keys: kid a1 (RS256), kid b2 (ES256), no kid (EC)')
    expect(read.candidates).toHaveLength(3)
  })

  it.each([
    ['{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"}', 'JWK of kty EC lacks y'],
    ['{"crv":"P-256"}', 'The JWK has no "kty" member'],
    ['{"kty":"XYZ"}', 'kty "XYZ" is not one this page reads'],
    ['{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}', 'x must be 32 bytes, found 1'],
    ['{"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"}', 'Private JWK of kty RSA lacks p, q, dp, dq, qi'],
    ['{"kty":"oct","k":"a+b"}', 'must be base64url without padding; it has "+" at offset 1'],
    ['{"kty":', 'not valid JSON'],
  ])('explains what is wrong with the JWK %s', async (text, message) => {
    const read = await readKey({ text })
    expect(read.candidates).toEqual([])
    expect(read.problems[0]?.message).toContain(message)
  })

  it('refuses key text one character beyond 1 MiB with both exact lengths in the message', async () => {
    const read = await readKey({ text: 'k'.repeat(MAX_KEY_LENGTH + 1) })
    expect(read.problems).toEqual([expect.objectContaining({ code: 'key.too-large', message: 'The key text is 1,048,577 characters; the page reads keys up to 1,048,576 characters (1 MiB)' })])
    expect(read.summary).toBe('key text too large')
  })

  it('says how long key text far beyond the limit is', async () => {
    const read = await readKey({ text: 'k'.repeat(3 * 1024 * 1024 + 512) })
    expect(read.problems[0]?.message).toBe('The key text is 3,146,240 characters; the page reads keys up to 1,048,576 characters (1 MiB)')
  })

  it('reads key text of exactly 1 MiB', async () => {
    const read = await readKey({ text: 'k'.repeat(MAX_KEY_LENGTH) })
    expect(read.problems.map((p) => p.code)).not.toContain('key.too-large')
    expect(read.candidates).toHaveLength(1)
  })

  it('reads a JWK of kty oct as a shared secret', async () => {
    const read = await readKey({ text: '{"kty":"oct","k":"c2VjcmV0"}' })
    expect(read.candidates[0]).toMatchObject({ type: 'secret', bytes: new TextEncoder().encode('secret') })
  })

  it('never rejects and keeps every problem inside the key text', async () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string
    const cut = fc.nat({ max: pem.length }).map((n) => pem.slice(0, n))
    const jsonish = fc.oneof(fc.json(), fc.dictionary(fc.constantFrom('kty', 'crv', 'x', 'y', 'n', 'e', 'd', 'keys', 'k'), fc.oneof(fc.string(), fc.constantFrom('EC', 'RSA', 'OKP', 'P-256', 'AQAB'), fc.array(fc.object()))).map((o) => JSON.stringify(o)))
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), cut, jsonish), fc.constantFrom('auto', 'pem', 'jwk', 'jwks', 'secret'), fc.constantFrom('utf8', 'base64url', 'base64', 'hex'), async (text, format, encoding) => {
        const read = await readKey({ text, format, encoding })
        for (const problem of read.problems) {
          expect(problem.range[0]).toBeGreaterThanOrEqual(0)
          expect(problem.range[1]).toBeLessThanOrEqual(text.length)
        }
      }),
      { numRuns: 300 },
    )
  })
})
