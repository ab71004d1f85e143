// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { generateKeyPairSync, randomBytes, sign as nodeSign, type KeyObject } from 'node:crypto'
import { ALGORITHM_NAMES, generateKey, signToken, verifyToken, type GeneratedKey, type KeyInput } from '../../src/jwt'
import { encodeBase64urlText } from '../../src/jwt/base64url'
import { certificatePem } from '../fixtures/certificates'
import { RFC7515_A1, RFC7515_A3, RFC7515_A5 } from '../fixtures/rfc7515'
import { RFC8037_A4 } from '../fixtures/rfc8037'

const json = (value: unknown) => ({ text: JSON.stringify(value) })
const payload = '{"sub":"1234567890","name":"Ada","iat":1516239022}'
const SIGNING_ALGS = ALGORITHM_NAMES.filter((alg) => alg !== 'none')

const keys = new Map<string, Promise<GeneratedKey>>()
const keyFor = (alg: string) => {
  if (!keys.has(alg)) keys.set(alg, generateKey(alg))
  return keys.get(alg)!
}

type Pair = Extract<GeneratedKey, { kind: 'pair' }>
/** Every way a person may paste the keys of a pair: [signing key, verifying key]. */
const keyForms = (pair: Pair) => [
  ['PEM', pair.privatePem, pair.publicPem],
  ['JWK', JSON.stringify(pair.privateJwk), JSON.stringify(pair.publicJwk)],
  ['JWKS', JSON.stringify(pair.privateJwk), JSON.stringify({ keys: [{ ...pair.publicJwk, kid: 'k1' }] })],
  ['private key used to verify', pair.privatePem, pair.privatePem],
] as const

describe('verifyToken with RFC vectors', () => {
  it('verifies RFC 7515 A.1 (HS256) with its JWK secret', async () => {
    const result = await verifyToken(RFC7515_A1.token, json(RFC7515_A1.jwk))
    expect(result).toMatchObject({ valid: true, alg: 'HS256' })
  })

  it('verifies RFC 7515 A.1 with the secret given as base64url text', async () => {
    const result = await verifyToken(RFC7515_A1.token, { text: RFC7515_A1.jwk.k, encoding: 'base64url' })
    expect(result.valid).toBe(true)
    expect(result.keyUsed?.origin).toBe('the secret you typed, as base64url, 64 bytes')
  })

  it('verifies RFC 7515 A.3 (ES256) with its public JWK', async () => {
    expect(await verifyToken(RFC7515_A3.token, json(RFC7515_A3.publicJwk))).toMatchObject({ valid: true, alg: 'ES256' })
  })

  it('verifies RFC 8037 A.4 (EdDSA, Ed25519) and signs it byte for byte', async () => {
    expect((await verifyToken(RFC8037_A4.token, json(RFC8037_A4.publicJwk))).valid).toBe(true)
    expect(await signToken(RFC8037_A4.headerText, RFC8037_A4.payloadText, json(RFC8037_A4.privateJwk))).toBe(RFC8037_A4.token)
  })

  it('refuses to call an unsecured token verified', async () => {
    const result = await verifyToken(RFC7515_A5.token, { text: 'anything' })
    expect(result).toMatchObject({ valid: false, code: 'verify.alg-none' })
  })
})

describe('sign then verify, every algorithm', () => {
  it.each(SIGNING_ALGS)('%s round-trips in every key format', async (alg) => {
    const key = await keyFor(alg)
    const header = `{"alg":"${alg}","typ":"JWT","kid":"k1"}`
    if (key.kind === 'secret') {
      const token = await signToken(header, payload, { text: key.secret, encoding: 'base64url' })
      expect((await verifyToken(token, { text: key.secret, encoding: 'base64url' })).valid).toBe(true)
      expect((await verifyToken(token, { text: key.secret, encoding: 'utf8' })).valid).toBe(false)
      return
    }
    if (key.kind !== 'pair') throw new Error('expected a key pair')
    for (const [form, signingKey, verifyingKey] of keyForms(key)) {
      const token = await signToken(header, payload, { text: signingKey })
      const result = await verifyToken(token, { text: verifyingKey })
      expect({ form, ...result }).toMatchObject({ form, valid: true, alg })
    }
  })

  it.each(SIGNING_ALGS)('%s rejects a tampered header, payload and signature, and another key', async (alg) => {
    const key = await keyFor(alg)
    const signWith = key.kind === 'secret' ? { text: key.secret, encoding: 'base64url' as const } : { text: (key as Pair).privatePem }
    const verifyWith = key.kind === 'secret' ? signWith : { text: (key as Pair).publicPem }
    const token = await signToken(`{"alg":"${alg}"}`, payload, signWith)
    const [h, p, s] = token.split('.') as [string, string, string]
    const tamperedPayload = `${h}.${encodeBase64urlText(payload.replace('Ada', 'Eve'))}.${s}`
    const tamperedHeader = `${encodeBase64urlText(`{"alg":"${alg}","x":1}`)}.${p}.${s}`
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11)
    for (const bad of [tamperedPayload, tamperedHeader, `${h}.${p}.${flipped}`]) {
      expect((await verifyToken(bad, verifyWith)).valid).toBe(false)
    }
    const other = await generateKey(alg)
    const otherKey = other.kind === 'secret' ? { text: other.secret, encoding: 'base64url' as const } : { text: (other as Pair).publicPem }
    expect(await verifyToken(token, otherKey)).toMatchObject({ valid: false, code: 'verify.bad-signature' })
  })
})

describe('sign then verify, every key format', () => {
  const pem = (key: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1' | 'spki'): KeyInput => ({ text: key.export({ type, format: 'pem' }) as string })
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ec = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve })
  const [p256, p384, p521, k1] = [ec('P-256'), ec('P-384'), ec('P-521'), ec('secp256k1')]
  const ed25519 = generateKeyPairSync('ed25519')
  const issuerKey = ec('P-256').privateKey
  /** An X.509 certificate (RFC 5280) for the key, pasted as the verification key. */
  const certificate = (subjectKey: KeyObject): KeyInput => ({
    text: certificatePem({
      subject: { organization: 'Demo', commonName: 'signer.example' },
      issuer: { organization: 'Demo CA', commonName: 'ca.example' },
      subjectKey,
      issuerKey,
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2045-01-01T00:00:00Z'),
    }),
  })
  // Starts with bytes that standard base64 writes as "++++////", and 64 bytes end in "==" padding.
  const secret = Buffer.concat([Buffer.from([0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff]), randomBytes(58)])
  const hex = (bytes: Buffer, spaced = false): KeyInput => ({ text: spaced ? bytes.toString('hex').replace(/(..)/g, '$1 ') : bytes.toString('hex'), encoding: 'hex' })
  const base64 = (bytes: Buffer): KeyInput => ({ text: bytes.toString('base64'), encoding: 'base64' })

  const cases: [alg: string, form: string, signWith: KeyInput, verifyWith: KeyInput, described: string][] = [
    ['RS256', 'PKCS#1 private PEM, PKCS#1 public PEM', pem(rsa.privateKey, 'pkcs1'), pem(rsa.publicKey, 'pkcs1'), 'RSA 2048-bit public key, PKCS#1 PEM'],
    ['RS256', 'PKCS#1 private PEM, X.509 certificate', pem(rsa.privateKey, 'pkcs1'), certificate(rsa.publicKey), 'X.509 certificate'],
    ['RS512', 'PKCS#1 private PEM, the same PKCS#1 private PEM', pem(rsa.privateKey, 'pkcs1'), pem(rsa.privateKey, 'pkcs1'), 'RSA 2048-bit private key, PKCS#1 PEM'],
    ['PS256', 'PKCS#1 private PEM, PKCS#1 public PEM', pem(rsa.privateKey, 'pkcs1'), pem(rsa.publicKey, 'pkcs1'), 'PKCS#1 PEM'],
    ['PS384', 'PKCS#1 private PEM, X.509 certificate', pem(rsa.privateKey, 'pkcs1'), certificate(rsa.publicKey), 'X.509 certificate'],
    ['ES256', 'SEC1 private PEM, SPKI public PEM', pem(p256.privateKey, 'sec1'), pem(p256.publicKey, 'spki'), 'EC P-256 public key, SPKI PEM'],
    ['ES256', 'SEC1 private PEM, X.509 certificate', pem(p256.privateKey, 'sec1'), certificate(p256.publicKey), 'X.509 certificate'],
    ['ES256', 'SEC1 private PEM, the same SEC1 private PEM', pem(p256.privateKey, 'sec1'), pem(p256.privateKey, 'sec1'), 'EC P-256 private key, SEC1 PEM'],
    ['ES384', 'SEC1 private PEM, X.509 certificate', pem(p384.privateKey, 'sec1'), certificate(p384.publicKey), 'X.509 certificate'],
    ['ES512', 'SEC1 private PEM, SPKI public PEM', pem(p521.privateKey, 'sec1'), pem(p521.publicKey, 'spki'), 'EC P-521 public key'],
    ['ES256K', 'SEC1 private PEM, SPKI public PEM', pem(k1.privateKey, 'sec1'), pem(k1.publicKey, 'spki'), 'EC secp256k1 public key'],
    ['EdDSA', 'PKCS#8 private PEM, X.509 certificate', pem(ed25519.privateKey, 'pkcs8'), certificate(ed25519.publicKey), 'X.509 certificate'],
    ['HS256', 'base64 secret, hex secret', base64(secret), hex(secret), 'shared secret, 64 bytes'],
    ['HS384', 'hex secret, base64 secret', hex(secret), base64(secret), 'shared secret, 64 bytes'],
    ['HS512', 'hex secret with spaces, base64 secret', hex(secret, true), base64(secret), 'shared secret, 64 bytes'],
  ]

  it.each(cases)('%s: signs with a %s and verifies', async (alg, _form, signWith, verifyWith, described) => {
    const token = await signToken(`{"alg":"${alg}","typ":"JWT"}`, payload, signWith)
    const result = await verifyToken(token, verifyWith)
    expect(result).toMatchObject({ valid: true, alg })
    expect(`${result.keyUsed?.description} (${result.keyUsed?.origin})`).toContain(described)
  })

  it('reads a base64 secret with its "+", "/" and "=" as the same bytes as its hex', () => {
    expect(base64(secret).text).toMatch(/^\+\+\+\+\/\/\/\/.*==$/)
  })

  it('does not verify when the secret is read with the wrong encoding', async () => {
    const token = await signToken('{"alg":"HS256"}', payload, base64(secret))
    expect((await verifyToken(token, { text: base64(secret).text, encoding: 'utf8' })).valid).toBe(false)
  })
})

describe('algorithm confusion with a JWK', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicJwk = rsa.publicKey.export({ format: 'jwk' })
  const ecJwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' })
  const texts: [what: string, text: string, formats: readonly ('auto' | 'jwk' | 'jwks' | 'secret')[]][] = [
    ['a public RSA JWK', JSON.stringify(publicJwk), ['secret', 'auto', 'jwk']],
    ['a public EC JWK', JSON.stringify(ecJwk, null, 2), ['secret', 'auto', 'jwk']],
    ['a JWKS of public keys', JSON.stringify({ keys: [{ ...publicJwk, kid: 'r1' }, ecJwk] }), ['secret', 'auto', 'jwks']],
    ['a private RSA JWK', JSON.stringify(rsa.privateKey.export({ format: 'jwk' })), ['secret', 'auto', 'jwk']],
  ]
  const cases = texts.flatMap(([what, text, formats]) => formats.map((format) => [what, format, text] as const))

  it.each(cases)('refuses %s as an HMAC secret with key format %s, as it refuses a PEM', async (_what, format, text) => {
    // The forgery: an HS256 token whose "secret" is the key text itself.
    const forged = await signToken('{"alg":"HS256"}', payload, { text, format: 'secret' })
    const result = await verifyToken(forged, { text, format })
    expect(result).toMatchObject({ valid: false, code: 'verify.algorithm-confusion' })
    expect(result.reason).toMatch(/^Refused: the HMAC secret is a JWK /)
    const pemRefusal = (await verifyToken(forged, { text: rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string })).reason!
    const explanation = (reason: string) => reason.slice(reason.indexOf('. '))
    expect(explanation(result.reason!)).toBe(explanation(pemRefusal))
    expect(explanation(pemRefusal)).toContain('algorithm confusion, RFC 8725 §2.1 and §3.1')
  })

  it('names the kind of JWK text it refused', async () => {
    const forged = await signToken('{"alg":"HS256"}', payload, { text: 'x' })
    const reasonFor = async (text: string) => (await verifyToken(forged, { text })).reason
    expect(await reasonFor(texts[0]![1])).toMatch(/^Refused: the HMAC secret is a JWK public key\. /)
    expect(await reasonFor(texts[2]![1])).toMatch(/^Refused: the HMAC secret is a JWK set of public keys\. /)
    expect(await reasonFor(texts[3]![1])).toMatch(/^Refused: the HMAC secret is a JWK private key\. /)
  })

  it('accepts a JWK or JWKS that holds a shared secret (kty oct), even beside public keys', async () => {
    const k = randomBytes(32).toString('base64url')
    const token = await signToken('{"alg":"HS256"}', payload, { text: k, encoding: 'base64url' })
    expect((await verifyToken(token, { text: JSON.stringify({ kty: 'oct', k }) })).valid).toBe(true)
    const jwks = JSON.stringify({ keys: [publicJwk, { kty: 'oct', k, kid: 's' }] })
    expect(await verifyToken(token, { text: jwks, format: 'auto' })).toMatchObject({ valid: true, keyUsed: { origin: 'key 2 of 2 in the JWKS (kid s), a 32-byte secret' } })
  })
})

describe('verifyToken explains', () => {
  it('says what is missing when no key is given', async () => {
    expect((await verifyToken(RFC7515_A1.token, { text: '' })).reason).toBe('Enter the secret to verify')
    expect((await verifyToken(RFC7515_A3.token, { text: ' ' })).reason).toBe('Enter the public key to verify')
  })

  it('names both sides when the key does not fit the algorithm', async () => {
    const rsa = (await keyFor('RS256')) as Pair
    const result = await verifyToken(RFC7515_A3.token, { text: rsa.publicPem })
    expect(result.reason).toBe('ES256 needs an EC P-256 key; this is an RSA 2048-bit key')
  })

  it('refuses a public key pasted as an HMAC secret and explains algorithm confusion', async () => {
    const rsa = (await keyFor('RS256')) as Pair
    const token = await signToken('{"alg":"HS256"}', payload, { text: rsa.publicPem, format: 'secret' })
    const result = await verifyToken(token, { text: rsa.publicPem, format: 'secret' })
    expect(result).toMatchObject({ valid: false, code: 'verify.algorithm-confusion' })
    expect(result.reason).toContain('algorithm confusion')
  })

  it('flags an HMAC secret shorter than the hash output but still verifies', async () => {
    const token = await signToken('{"alg":"HS256"}', payload, { text: 'secret' })
    const result = await verifyToken(token, { text: 'secret' })
    expect(result.valid).toBe(true)
    expect(result.keyProblems.map((p) => p.code)).toEqual(['key.short-secret'])
  })

  it('says a DER-encoded ECDSA signature is not the raw R || S that JWS uses', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const signingInput = `${encodeBase64urlText('{"alg":"ES256"}')}.${encodeBase64urlText(payload)}`
    const der = nodeSign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'der' })
    const token = `${signingInput}.${der.toString('base64url')}`
    const result = await verifyToken(token, { text: publicKey.export({ type: 'spki', format: 'pem' }) as string })
    expect(result).toMatchObject({ valid: false, code: 'verify.der-signature' })
    const raw = nodeSign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' })
    expect((await verifyToken(`${signingInput}.${raw.toString('base64url')}`, { text: publicKey.export({ type: 'spki', format: 'pem' }) as string })).valid).toBe(true)
  })

  it('picks the key with the token kid from a JWKS and says which one verified', async () => {
    const [a, b] = [(await keyFor('ES256')) as Pair, (await generateKey('ES256')) as Pair]
    const jwks = JSON.stringify({ keys: [{ ...b.publicJwk, kid: 'b' }, { ...a.publicJwk, kid: 'a' }] })
    const token = await signToken('{"alg":"ES256","kid":"a"}', payload, { text: a.privatePem })
    const result = await verifyToken(token, { text: jwks })
    expect(result.valid).toBe(true)
    expect(result.keyUsed).toMatchObject({ kid: 'a', origin: 'key 2 of 2 in the JWKS (kid a)' })
  })

  it('lists the kids a JWKS has when none is the token kid, and still tries each fitting key', async () => {
    const [a, b] = [(await keyFor('ES256')) as Pair, (await generateKey('ES256')) as Pair]
    const jwks = JSON.stringify({ keys: [{ ...b.publicJwk, kid: 'old' }, { ...a.publicJwk, kid: 'current' }] })
    const token = await signToken('{"alg":"ES256","kid":"rotated"}', payload, { text: a.privatePem })
    const result = await verifyToken(token, { text: jwks })
    expect(result.keyProblems.map((p) => p.message)).toContain('No key in the set has kid "rotated" (it has "old", "current"); trying every key that fits ES256')
    expect(result.keyUsed?.origin).toBe('key 2 of 2 in the JWKS (kid current)')
  })

  it('tries each fitting key of a JWKS when the token has no kid', async () => {
    const [a, b] = [(await keyFor('ES256')) as Pair, (await generateKey('ES256')) as Pair]
    const rsa = (await keyFor('RS256')) as Pair
    const jwks = JSON.stringify({ keys: [rsa.publicJwk, b.publicJwk, a.publicJwk] })
    const token = await signToken('{"alg":"ES256"}', payload, { text: a.privatePem })
    expect((await verifyToken(token, { text: jwks })).keyUsed?.origin).toBe('key 3 of 3 in the JWKS')
  })

  it('says the public key was derived when a private key verifies', async () => {
    const pair = (await keyFor('ES256')) as Pair
    const token = await signToken('{"alg":"ES256"}', payload, { text: pair.privatePem })
    expect((await verifyToken(token, { text: pair.privatePem })).keyUsed?.origin).toBe('public key derived from the private key in the PEM you pasted')
  })

  it('verifies with a key embedded in the header only when asked, and says it proves nothing', async () => {
    const pair = (await keyFor('ES256')) as Pair
    const token = await signToken({ alg: 'ES256', jwk: pair.publicJwk }, payload, { text: pair.privatePem })
    expect((await verifyToken(token, { text: '' })).valid).toBe(false)
    const result = await verifyToken(token, { text: '' }, { useEmbeddedKey: true })
    expect(result).toMatchObject({ valid: true, code: 'verify.embedded-key', keyUsed: { embedded: true } })
    expect(result.reason).toContain('proves nothing')
  })

  it('verifies with the certificate of an x5c header only when asked, and says it proves nothing', async () => {
    const { X509Certificate } = await import('node:crypto')
    const { execFileSync } = await import('node:child_process')
    const { mkdtempSync, readFileSync } = await import('node:fs')
    const dir = mkdtempSync('/tmp/x5c-')
    // A throwaway self-signed demo certificate, made at test time.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-subj', '/CN=demo', '-days', '1'], { stdio: 'ignore' })
    const certificate = new X509Certificate(readFileSync(`${dir}/cert.pem`))
    const token = await signToken({ alg: 'ES256', x5c: [certificate.raw.toString('base64')] }, payload, { text: readFileSync(`${dir}/key.pem`, 'utf8') })
    const result = await verifyToken(token, { text: '' }, { useEmbeddedKey: true })
    expect(result).toMatchObject({ valid: true, code: 'verify.embedded-key', keyUsed: { origin: "the certificate in the token's own x5c header", embedded: true } })
  })

  it('reports a signature cut short when copied', async () => {
    const pair = (await keyFor('RS256')) as Pair
    const token = await signToken('{"alg":"RS256"}', payload, { text: pair.privatePem })
    const result = await verifyToken(token.slice(0, -20), { text: pair.publicPem })
    expect(result).toMatchObject({ valid: false, code: 'verify.signature-length' })
  })

  it('rejects an algorithm not in the accepted list', async () => {
    expect((await verifyToken(RFC7515_A1.token, json(RFC7515_A1.jwk), { algorithms: ['RS256'] })).code).toBe('verify.alg-not-allowed')
  })

  it('validates claims when asked, apart from the signature verdict', async () => {
    const result = await verifyToken(RFC7515_A1.token, json(RFC7515_A1.jwk), { claims: { now: new Date('2026-11-22T10:00:00Z') } })
    expect(result.valid).toBe(true)
    expect(result.claims?.valid).toBe(false)
    expect(result.claims?.checks[0]).toMatchObject({ claim: 'exp', status: 'fail' })
  })

  it('never rejects on garbage', async () => {
    for (const [token, key] of [['', ''], ['a.b.c', '-----BEGIN PUBLIC KEY-----\nxx'], [RFC7515_A3.token, '{"kty":"EC"}'], [RFC7515_A3.token, '{"keys":[1,{}]}']]) {
      const result = await verifyToken(token!, { text: key! })
      expect(result.valid).toBe(false)
      expect(result.reason).toBeTruthy()
    }
  })
})

describe('signToken', () => {
  it('signs exactly the header and payload text it is given', async () => {
    const header = '{"typ":"JWT", "alg":"HS256"}'
    const body = '{"n":3.0,"big":12345678901234567890,"z":1,"a":2}'
    const token = await signToken(header, body, { text: 'a-demo-secret-that-is-32-bytes!!' })
    const [h, p] = token.split('.')
    expect(Buffer.from(h!, 'base64url').toString()).toBe(header)
    expect(Buffer.from(p!, 'base64url').toString()).toBe(body)
  })

  it('makes an unsecured JWT for alg none', async () => {
    expect(await signToken({ alg: 'none' }, { sub: 'a' })).toBe(`${encodeBase64urlText('{"alg":"none"}')}.${encodeBase64urlText('{"sub":"a"}')}.`)
  })

  it('rejects with a typed error saying what is wrong', async () => {
    await expect(signToken('{"alg":', '{}', { text: 's' })).rejects.toMatchObject({ code: 'sign.invalid-header' })
    await expect(signToken('{"alg":"HS256"}', '{}')).rejects.toMatchObject({ code: 'sign.no-key' })
    const pair = (await keyFor('ES256')) as Pair
    await expect(signToken('{"alg":"ES256"}', '{}', { text: pair.publicPem })).rejects.toMatchObject({ code: 'sign.key-mismatch', message: 'ES256 needs an EC P-256 private key; this is an EC P-256 public key' })
  })
})

describe('verifyToken on hostile input', () => {
  it('never rejects for random tokens and keys, and always gives a reason when not valid', async () => {
    const { default: fc } = await import('fast-check')
    const pair = (await keyFor('ES256')) as Pair
    const header = fc.constantFrom(...ALGORITHM_NAMES).map((alg) => encodeBase64urlText(JSON.stringify({ alg })))
    const token = fc.oneof(fc.string(), fc.tuple(header, fc.base64String(), fc.base64String()).map((parts) => parts.join('.')))
    const key = fc.oneof(fc.string(), fc.constant(pair.publicPem), fc.nat({ max: pair.publicPem.length }).map((n) => pair.publicPem.slice(0, n)), fc.json())
    await fc.assert(
      fc.asyncProperty(token, key, async (t, k) => {
        const result = await verifyToken(t, { text: k })
        if (!result.valid) expect(result.reason).toBeTruthy()
        expect(result.code).not.toBe('verify.internal')
      }),
      { numRuns: 300 },
    )
  })
})
