// @vitest-environment node
/**
 * Fixed vectors. The examples of RFC 7515 Appendix A and RFC 8037 Appendix A verify with the RFCs'
 * keys given in every form a person may paste them, and the deterministic ones (HMAC, RSASSA-PKCS1-v1_5,
 * Ed25519) are reproduced byte for byte. For algorithms no RFC has a JWS example of (HS384, HS512,
 * RS384, RS512, Ed448), a deterministic known answer from node:crypto (OpenSSL) stands in: the same
 * key and signing input must give the same signature from both implementations.
 */
import { describe, expect, it } from 'vitest'
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, type JsonWebKey } from 'node:crypto'
import { signToken, verifyToken, type KeyInput } from '../../src/jwt'
import { encodeBase64urlText } from '../../src/jwt/base64url'
import { RFC7515_A1, RFC7515_A2, RFC7515_A3, RFC7515_A4 } from '../fixtures/rfc7515'
import { RFC8037_A4 } from '../fixtures/rfc8037'

const jwkText = (jwk: object): KeyInput => ({ text: JSON.stringify(jwk) })
const privatePem = (jwk: object, type: 'pkcs8' | 'pkcs1' | 'sec1'): KeyInput => ({
  text: createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }).export({ type, format: 'pem' }) as string,
})
const publicPem = (jwk: object, type: 'spki' | 'pkcs1'): KeyInput => ({
  text: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }).export({ type, format: 'pem' }) as string,
})

/** The token with one character of its signature changed. */
function tamperSignature(token: string): string {
  const at = token.lastIndexOf('.') + 5
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1)
}

describe('RFC vectors verify with the RFC keys in every form', () => {
  const cases: [name: string, token: string, key: KeyInput, alg: string][] = [
    ['RFC 7515 §A.1 (HS256) with its JWK', RFC7515_A1.token, jwkText(RFC7515_A1.jwk), 'HS256'],
    ['RFC 7515 §A.1 with its key as base64url text', RFC7515_A1.token, { text: RFC7515_A1.jwk.k, encoding: 'base64url' }, 'HS256'],
    ['RFC 7515 §A.1 with its key as hex text', RFC7515_A1.token, { text: Buffer.from(RFC7515_A1.jwk.k, 'base64url').toString('hex'), encoding: 'hex' }, 'HS256'],
    ['RFC 7515 §A.2 (RS256) with its public JWK', RFC7515_A2.token, jwkText(RFC7515_A2.publicJwk), 'RS256'],
    ['RFC 7515 §A.2 with its public key as SPKI PEM', RFC7515_A2.token, publicPem(RFC7515_A2.publicJwk, 'spki'), 'RS256'],
    ['RFC 7515 §A.2 with its public key as PKCS#1 PEM (BEGIN RSA PUBLIC KEY)', RFC7515_A2.token, publicPem(RFC7515_A2.publicJwk, 'pkcs1'), 'RS256'],
    ['RFC 7515 §A.2 with its private JWK (public half derived)', RFC7515_A2.token, jwkText(RFC7515_A2.privateJwk), 'RS256'],
    ['RFC 7515 §A.2 with its private key as PKCS#1 PEM (BEGIN RSA PRIVATE KEY)', RFC7515_A2.token, privatePem(RFC7515_A2.privateJwk, 'pkcs1'), 'RS256'],
    ['RFC 7515 §A.2 with its public JWK in a JWKS', RFC7515_A2.token, jwkText({ keys: [RFC7515_A3.publicJwk, RFC7515_A2.publicJwk] }), 'RS256'],
    ['RFC 7515 §A.3 (ES256) with its public JWK', RFC7515_A3.token, jwkText(RFC7515_A3.publicJwk), 'ES256'],
    ['RFC 7515 §A.4 (ES512) with its public JWK', RFC7515_A4.token, jwkText(RFC7515_A4.publicJwk), 'ES512'],
    ['RFC 7515 §A.4 with its public key as SPKI PEM', RFC7515_A4.token, publicPem(RFC7515_A4.publicJwk, 'spki'), 'ES512'],
    ['RFC 7515 §A.4 with its private key as SEC1 PEM (BEGIN EC PRIVATE KEY)', RFC7515_A4.token, privatePem(RFC7515_A4.privateJwk, 'sec1'), 'ES512'],
    ['RFC 7515 §A.4 with its private JWK (public half derived)', RFC7515_A4.token, jwkText(RFC7515_A4.privateJwk), 'ES512'],
    ['RFC 8037 §A.4 (EdDSA, Ed25519) with its public JWK', RFC8037_A4.token, jwkText(RFC8037_A4.publicJwk), 'EdDSA'],
  ]

  it.each(cases)('verifies %s', async (_name, token, key, alg) => {
    expect(await verifyToken(token, key)).toMatchObject({ valid: true, alg })
  })

  it.each([
    ['RFC 7515 §A.2', RFC7515_A2.token, jwkText(RFC7515_A2.publicJwk)],
    ['RFC 7515 §A.4', RFC7515_A4.token, jwkText(RFC7515_A4.publicJwk)],
  ])('rejects %s with one signature character changed, or the payload changed', async (_name, token, key) => {
    expect(await verifyToken(tamperSignature(token), key)).toMatchObject({ valid: false, code: 'verify.bad-signature' })
    const [header, , signature] = token.split('.')
    expect((await verifyToken(`${header}.${encodeBase64urlText('Payload!')}.${signature}`, key)).valid).toBe(false)
  })

  it('says the RFC 7515 §A.4 signature is 132 bytes, R and S of 66 bytes each (RFC 7518 §3.4)', async () => {
    const signature = RFC7515_A4.token.split('.')[2]!
    expect(Buffer.from(signature, 'base64url').length).toBe(132)
    const cut = RFC7515_A4.token.slice(0, -4)
    expect(await verifyToken(cut, jwkText(RFC7515_A4.publicJwk))).toMatchObject({ valid: false, code: 'verify.signature-length' })
  })
})

describe('deterministic RFC vectors are reproduced byte for byte', () => {
  const cases: [name: string, header: string, payload: string, key: KeyInput, token: string][] = [
    ['RFC 7515 §A.1 (HS256) from its JWK', RFC7515_A1.headerText, RFC7515_A1.payloadText, jwkText(RFC7515_A1.jwk), RFC7515_A1.token],
    // RFC 8017 §8.2.1: RSASSA-PKCS1-v1_5 has no randomness, so the RFC's signature is the only right one.
    ['RFC 7515 §A.2 (RS256) from its private JWK', RFC7515_A2.headerText, RFC7515_A2.payloadText, jwkText(RFC7515_A2.privateJwk), RFC7515_A2.token],
    ['RFC 7515 §A.2 from its private key as PKCS#8 PEM', RFC7515_A2.headerText, RFC7515_A2.payloadText, privatePem(RFC7515_A2.privateJwk, 'pkcs8'), RFC7515_A2.token],
    ['RFC 7515 §A.2 from its private key as PKCS#1 PEM', RFC7515_A2.headerText, RFC7515_A2.payloadText, privatePem(RFC7515_A2.privateJwk, 'pkcs1'), RFC7515_A2.token],
    // RFC 8032 §5.1.6: Ed25519 signatures are deterministic.
    ['RFC 8037 §A.4 (Ed25519) from its private JWK', RFC8037_A4.headerText, RFC8037_A4.payloadText, jwkText(RFC8037_A4.privateJwk), RFC8037_A4.token],
  ]

  it.each(cases)('signs %s', async (_name, header, payload, key, token) => {
    expect(await signToken(header, payload, key)).toBe(token)
  })

  it('signs with the RFC 7515 §A.4 key a token that its public key verifies (ECDSA is randomised, RFC 7518 §3.4)', async () => {
    const token = await signToken(RFC7515_A4.headerText, RFC7515_A4.payloadText, privatePem(RFC7515_A4.privateJwk, 'sec1'))
    expect(token.startsWith('eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.')).toBe(true)
    expect(await verifyToken(token, jwkText(RFC7515_A4.publicJwk))).toMatchObject({ valid: true, alg: 'ES512' })
  })
})

describe('known answers from node:crypto where no RFC has a JWS example', () => {
  const payload = RFC7515_A1.payloadText
  const signingInputOf = (alg: string) => `${encodeBase64urlText(`{"alg":"${alg}"}`)}.${encodeBase64urlText(payload)}`
  const hmacKey = Buffer.from(RFC7515_A1.jwk.k, 'base64url')
  const rsaKey = createPrivateKey({ key: RFC7515_A2.privateJwk as JsonWebKey, format: 'jwk' })
  const ed448 = generateKeyPairSync('ed448')

  // RFC 7518 §3.2 (HMAC), §3.3 (RSASSA-PKCS1-v1_5); RFC 8037 §3.1 with RFC 8032 §5.2.6 (Ed448).
  const cases: [alg: string, theirs: (input: string) => Buffer, signWith: KeyInput, verifyWith: KeyInput][] = [
    ['HS384', (input) => createHmac('sha384', hmacKey).update(input).digest(), { text: hmacKey.toString('hex'), encoding: 'hex' }, jwkText(RFC7515_A1.jwk)],
    ['HS512', (input) => createHmac('sha512', hmacKey).update(input).digest(), jwkText(RFC7515_A1.jwk), { text: hmacKey.toString('base64'), encoding: 'base64' }],
    ['RS256', (input) => nodeSign('sha256', Buffer.from(input), rsaKey), jwkText(RFC7515_A2.privateJwk), publicPem(RFC7515_A2.publicJwk, 'pkcs1')],
    ['RS384', (input) => nodeSign('sha384', Buffer.from(input), rsaKey), jwkText(RFC7515_A2.privateJwk), publicPem(RFC7515_A2.publicJwk, 'spki')],
    ['RS512', (input) => nodeSign('sha512', Buffer.from(input), rsaKey), privatePem(RFC7515_A2.privateJwk, 'pkcs1'), jwkText(RFC7515_A2.publicJwk)],
    ['Ed448', (input) => nodeSign(null, Buffer.from(input), ed448.privateKey), { text: ed448.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }, { text: ed448.publicKey.export({ type: 'spki', format: 'pem' }) as string }],
  ]

  it.each(cases)('%s: our signature is the one OpenSSL makes, and verifies', async (alg, theirs, signWith, verifyWith) => {
    const signingInput = signingInputOf(alg)
    const ours = await signToken(`{"alg":"${alg}"}`, payload, signWith)
    expect(ours).toBe(`${signingInput}.${theirs(signingInput).toString('base64url')}`)
    expect(await verifyToken(ours, verifyWith)).toMatchObject({ valid: true, alg })
  })

  it('node:crypto agrees with RFC 7515 §A.2, so its known answers are worth trusting', () => {
    const [header, body, signature] = RFC7515_A2.token.split('.')
    expect(nodeSign('sha256', Buffer.from(`${header}.${body}`), rsaKey).toString('base64url')).toBe(signature)
  })
})
