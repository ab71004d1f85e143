// @vitest-environment node
/**
 * signToken refuses a key that cannot sign the algorithm with a sentence naming both sides, the way
 * verifyToken does; and a wrong key never makes the core give up on WebCrypto for the session.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { SigningError, readKey, signToken, verifyToken, type KeyCandidate, type KeyInput } from '../../src/jwt'
import { algorithmOf } from '../../src/jwt/algorithms'
import { verifySignature } from '../../src/jwt/crypto'
import { nobleGenerateKey } from '../../src/jwt/noble'
import { RFC7515_A3 } from '../fixtures/rfc7515'

const pem = (key: KeyObject, type: 'pkcs8' | 'spki' | 'sec1'): KeyInput => ({ text: key.export({ type, format: 'pem' }) as string })
const jwkText = (jwk: object): KeyInput => ({ text: JSON.stringify(jwk) })
const payload = '{"sub":"1234567890"}'
/** Node 20 has no ML-DSA in WebCrypto; a runtime that has it skips the fallback test. */
const webCryptoLacksMlDsa87 = await crypto.subtle.generateKey({ name: 'ML-DSA-87' }, false, ['sign', 'verify']).then(
  () => false,
  () => true,
)

describe('signToken names both sides when the key does not fit', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const ed25519 = generateKeyPairSync('ed25519')
  const mlDsa = nobleGenerateKey('ML-DSA-44')

  const cases: [alg: string, key: string, given: KeyInput, message: string][] = [
    ['ES256', 'an RSA private key', pem(rsa.privateKey, 'pkcs8'), 'ES256 needs an EC P-256 private key; this is an RSA 2048-bit private key'],
    ['ES256', 'an EC public key of the right curve', pem(p256.publicKey, 'spki'), 'ES256 needs an EC P-256 private key; this is an EC P-256 public key'],
    ['ES384', 'a SEC1 key on another curve', pem(p256.privateKey, 'sec1'), 'ES384 needs an EC P-384 private key; this is an EC P-256 private key'],
    ['RS256', 'an EC private key', pem(p256.privateKey, 'pkcs8'), 'RS256 needs an RSA private key of at least 2048 bits; this is an EC P-256 private key'],
    ['PS512', 'an RSA public JWK', jwkText(rsa.publicKey.export({ format: 'jwk' })), 'PS512 needs an RSA private key of at least 2048 bits; this is an RSA 2048-bit public key'],
    ['EdDSA', 'an EC private key', pem(p256.privateKey, 'pkcs8'), 'EdDSA needs an Ed25519 or Ed448 private key; this is an EC P-256 private key'],
    ['Ed448', 'an Ed25519 private key', pem(ed25519.privateKey, 'pkcs8'), 'Ed448 needs an Ed448 private key; this is an Ed25519 private key'],
    ['ML-DSA-44', 'an Ed25519 private key', pem(ed25519.privateKey, 'pkcs8'), 'ML-DSA-44 needs an ML-DSA-44 private key; this is an Ed25519 private key'],
    ['ML-DSA-65', 'an ML-DSA-44 private JWK', jwkText(mlDsa.privateJwk), 'ML-DSA-65 needs an ML-DSA-65 private key; this is an ML-DSA-44 private key'],
    ['RS256', 'a shared secret', { text: 'a-demo-secret-that-is-32-bytes!!' }, 'RS256 needs a private key (PEM or JWK); this is a shared secret'],
    ['HS256', 'an RSA private PEM', pem(rsa.privateKey, 'pkcs8'), 'HS256 needs a shared secret; this is an RSA 2048-bit private key, PKCS#8 PEM'],
    ['ES256', 'a JWK with only the public half', jwkText(RFC7515_A3.publicJwk), 'ES256 needs an EC P-256 private key; this is an EC P-256 public key'],
    ['ES256', 'a JWKS of public keys', jwkText({ keys: [rsa.publicKey.export({ format: 'jwk' }), RFC7515_A3.publicJwk] }), 'No key in the set can sign: ES256 needs an EC P-256 private key; this is an EC P-256 public key'],
  ]

  it.each(cases)('%s refuses %s', async (alg, _key, given, message) => {
    const error = await signToken({ alg }, payload, given).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SigningError)
    expect(error).toMatchObject({ name: 'SigningError', code: 'sign.key-mismatch', message })
  })

  it('says what verifyToken says about the same key, with "private" added for signing', async () => {
    const verified = await verifyToken(RFC7515_A3.token, pem(rsa.publicKey, 'spki'))
    expect(verified.reason).toBe('ES256 needs an EC P-256 key; this is an RSA 2048-bit key')
    await expect(signToken({ alg: 'ES256' }, payload, pem(rsa.privateKey, 'pkcs8'))).rejects.toThrow('ES256 needs an EC P-256 private key; this is an RSA 2048-bit private key')
  })

  it('signs with the first key of a set that fits, skipping the others', async () => {
    const jwks = jwkText({ keys: [rsa.privateKey.export({ format: 'jwk' }), p256.privateKey.export({ format: 'jwk' })] })
    const token = await signToken({ alg: 'ES256' }, payload, jwks)
    expect((await verifyToken(token, pem(p256.publicKey, 'spki'))).valid).toBe(true)
  })

  it('still says why when the key text cannot be read at all', async () => {
    await expect(signToken({ alg: 'ES256' }, payload, { text: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' })).rejects.toMatchObject({ code: 'sign.unusable-key', message: expect.stringMatching(/^ES256 signs with a private key; /) })
  })
})

describe('the WebCrypto or @noble choice for ML-DSA', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const candidateOf = async (key: KeyInput): Promise<KeyCandidate> => (await readKey(key)).candidates[0]!
  const bytes = (text: string) => new TextEncoder().encode(text)

  /** Makes WebCrypto act as if it had `name`: a stand-in key, and a verify that says true. */
  function pretendWebCryptoHas(name: string) {
    const subtle = crypto.subtle
    const importKey = subtle.importKey.bind(subtle)
    const verify = subtle.verify.bind(subtle)
    const nameOf = (algorithm: unknown) => (typeof algorithm === 'string' ? algorithm : (algorithm as { name?: string }).name)
    const fakeKey = { type: 'public', algorithm: { name }, usages: ['verify'], extractable: false } as unknown as CryptoKey
    vi.spyOn(subtle, 'importKey').mockImplementation(((...args: Parameters<typeof importKey>) =>
      nameOf(args[2]) === name ? Promise.resolve(fakeKey) : importKey(...args)) as typeof subtle.importKey)
    return vi.spyOn(subtle, 'verify').mockImplementation((algorithm, key, signature, data) => (nameOf(algorithm) === name ? Promise.resolve(true) : verify(algorithm, key, signature, data)))
  }

  it('treats a wrong key for ML-DSA as a key error and keeps using WebCrypto afterwards', async () => {
    const webCryptoVerify = pretendWebCryptoHas('ML-DSA-65')
    const algorithm = algorithmOf('ML-DSA-65')!
    // An EC key handed straight to the backend: jose refuses it with ERR_JOSE_NOT_SUPPORTED.
    const wrong = await candidateOf(jwkText(RFC7515_A3.publicJwk))
    await expect(verifySignature(algorithm, wrong, bytes('input'), new Uint8Array(3309))).rejects.toMatchObject({ code: 'ERR_JOSE_NOT_SUPPORTED' })
    // A right key still goes to WebCrypto, which (pretending) says valid; @noble would say invalid.
    const right = await candidateOf(jwkText(nobleGenerateKey('ML-DSA-65').publicJwk))
    expect(await verifySignature(algorithm, right, bytes('input'), new Uint8Array(3309))).toBe(true)
    expect(webCryptoVerify).toHaveBeenCalledWith({ name: 'ML-DSA-65' }, expect.anything(), expect.anything(), expect.anything())
  })

  it.skipIf(!webCryptoLacksMlDsa87)('uses @noble for the session once WebCrypto says NotSupportedError', async () => {
    const { publicJwk, privateJwk } = nobleGenerateKey('ML-DSA-87')
    // The first use tries WebCrypto, which lacks ML-DSA here, and falls back to @noble.
    const token = await signToken({ alg: 'ML-DSA-87' }, payload, jwkText(privateJwk))
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    expect((await verifyToken(token, jwkText(publicJwk))).valid).toBe(true)
    expect(importKey).not.toHaveBeenCalled()
  })
})
