// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { constants, generateKeyPairSync, sign as nodeSign } from 'node:crypto'
import { signToken, verifyToken, type KeyInput } from '../../src/jwt'
import { changedMembers, derToRaw, diagnose, editedSinceVerified } from '../../src/jwt/diagnose'
import { encodeBase64urlText } from '../../src/jwt/base64url'

const payload = '{"sub":"diagnosed"}'
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const rsaPublic = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string
const rsaPrivate = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string

async function explain(token: string, key: KeyInput) {
  return diagnose(token, key, await verifyToken(token, key))
}
const codes = async (token: string, key: KeyInput) => (await explain(token, key)).hypotheses.map((h) => h.code)

describe('diagnose', () => {
  it('finds a secret read as UTF-8 that is really base64url, and offers the fix', async () => {
    const secret = 'c2VjcmV0LWJ5dGVzLW9mLWEtZGVtby1rZXktMzItYnl0ZXM'
    const token = await signToken('{"alg":"HS256"}', payload, { text: secret, encoding: 'base64url' })
    const { hypotheses } = await explain(token, { text: secret, encoding: 'utf8' })
    expect(hypotheses).toEqual([expect.objectContaining({ code: 'diagnose.secret-encoding', fix: { encoding: 'base64url' } })])
    expect(hypotheses[0]!.message).toMatch(/^Would verify if the secret were read as base64url \(35 bytes\) instead of UTF-8 text$/)
  })

  it('finds a trailing line break pasted with the secret', async () => {
    const token = await signToken('{"alg":"HS256"}', payload, { text: 'a-demo-secret-of-32-bytes-length' })
    const { hypotheses } = await explain(token, { text: 'a-demo-secret-of-32-bytes-length\n' })
    expect(hypotheses).toEqual([expect.objectContaining({ code: 'diagnose.secret-text', fix: { secret: 'a-demo-secret-of-32-bytes-length' } })])
  })

  it('finds quotes around the secret', async () => {
    const token = await signToken('{"alg":"HS256"}', payload, { text: 'a-demo-secret-of-32-bytes-length' })
    expect(await codes(token, { text: '"a-demo-secret-of-32-bytes-length"' })).toEqual(['diagnose.secret-text'])
  })

  it('finds an RS256 token whose signature is PS256, and the reverse', async () => {
    const signedAs = (alg: string, padding: 'pss' | 'pkcs1') => {
      const signingInput = `${encodeBase64urlText(JSON.stringify({ alg }))}.${encodeBase64urlText(payload)}`
      const options = padding === 'pss' ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : {}
      return `${signingInput}.${nodeSign('sha256', Buffer.from(signingInput), { key: rsa.privateKey, ...options }).toString('base64url')}`
    }
    const rs256WithPss = await explain(signedAs('RS256', 'pss'), { text: rsaPublic })
    expect(rs256WithPss.hypotheses).toEqual([expect.objectContaining({ code: 'diagnose.rsa-padding', message: expect.stringContaining('Would verify as PS256') })])
    const ps256WithPkcs1 = await explain(signedAs('PS256', 'pkcs1'), { text: rsaPublic })
    expect(ps256WithPkcs1.hypotheses).toEqual([expect.objectContaining({ code: 'diagnose.rsa-padding', message: expect.stringContaining('Would verify as RS256') })])
  })

  it('finds an ECDSA signature in DER', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const signingInput = `${encodeBase64urlText('{"alg":"ES256"}')}.${encodeBase64urlText(payload)}`
    const der = nodeSign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'der' })
    expect(await codes(`${signingInput}.${der.toString('base64url')}`, { text: publicKey.export({ type: 'spki', format: 'pem' }) as string })).toEqual(['diagnose.ecdsa-der'])
  })

  it('finds the key of another kid in a JWKS that verifies', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const jwks = JSON.stringify({ keys: [{ ...other.publicKey.export({ format: 'jwk' }), kid: 'named' }, { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'real' }] })
    const token = await signToken('{"alg":"RS256","kid":"named"}', payload, { text: rsaPrivate })
    const { hypotheses } = await explain(token, { text: jwks })
    expect(hypotheses).toEqual([expect.objectContaining({ code: 'diagnose.other-kid', message: expect.stringContaining('key 2 of 2 in the JWKS (kid real)') })])
  })

  it('says plainly when no usual cause applies', async () => {
    const token = await signToken('{"alg":"HS256"}', payload, { text: 'a-demo-secret-of-32-bytes-length' })
    const diagnosis = await explain(token, { text: 'another-secret-entirely-32-bytes' })
    expect(diagnosis).toEqual({ hypotheses: [], conclusion: expect.stringContaining('None of the usual causes applies'), conclusionSentence: expect.objectContaining({ code: 'diagnose.no-cause' }) })
    const rs = await signToken('{"alg":"RS256"}', payload, { text: rsaPrivate })
    expect((await explain(rs, { text: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string })).hypotheses).toEqual([])
  })

  it('explains nothing for a valid token or a missing key', async () => {
    const token = await signToken('{"alg":"HS256"}', payload, { text: 'a-demo-secret-of-32-bytes-length' })
    expect(await explain(token, { text: 'a-demo-secret-of-32-bytes-length' })).toEqual({ hypotheses: [] })
    expect(await explain(token, { text: '' })).toEqual({ hypotheses: [] })
  })

  it('converts DER to raw R || S, refusing what is not DER', () => {
    const der = Uint8Array.from([0x30, 0x08, 0x02, 0x02, 0x00, 0x81, 0x02, 0x02, 0x01, 0x02])
    expect([...derToRaw(der, 2)!]).toEqual([0x00, 0x81, 0x01, 0x02])
    expect(derToRaw(Uint8Array.from([1, 2, 3]), 2)).toBeUndefined()
    expect(derToRaw(Uint8Array.from([0x30, 0x04, 0x02, 0x03, 1, 2, 3]), 2)).toBeUndefined()
  })
})

describe('a token edited since it verified', () => {
  const signed = () => signToken('{"alg":"RS256","typ":"JWT"}', '{"sub":"ada","role":"user","exp":2000000000}', { text: rsaPrivate })
  const edit = (token: string, payloadText: string) => {
    const [header, , signature] = token.split('.')
    return `${header}.${encodeBase64urlText(payloadText)}.${signature}`
  }

  it('names the payload claims that changed, added or removed since the token verified', async () => {
    const token = await signed()
    const edited = edit(token, '{"sub":"ada","role":"admin","iat":1}')
    const { hypotheses } = await diagnose(edited, { text: rsaPublic }, await verifyToken(edited, { text: rsaPublic }), { verifiedToken: token })
    expect(hypotheses).toEqual([expect.objectContaining({ code: 'diagnose.edited' })])
    expect(hypotheses[0]!.message).toContain('Changed in the payload: role, iat, exp')
  })

  it('is not claimed for a token with another signature, which is another token, not an edit', async () => {
    const token = await signed()
    const other = await signToken('{"alg":"RS256","typ":"JWT"}', '{"sub":"bob"}', { text: rsaPrivate })
    expect(editedSinceVerified(token, other)).toBeUndefined()
    expect(editedSinceVerified(token, token)).toBeUndefined()
  })

  it('lists members by name whatever their order or spacing', () => {
    expect(changedMembers({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([])
    expect(changedMembers({ a: 1 }, { a: 2, c: 3 })).toEqual(['a', 'c'])
    expect(changedMembers('not an object', { a: 1 })).toEqual(['a'])
  })
})
