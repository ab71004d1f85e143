// @vitest-environment node
import { createHash, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateKey, type GeneratedKey } from '../../src/jwt/generate'
import { buildJwks, describeKeyText, thumbprint, toJwk, toPem, toPublic } from '../../src/jwt/keyTools'
import { readKey, type KeyCandidate } from '../../src/jwt/keys'
import type { Jwk } from '../../src/jwt/types'
import { certificatePem } from '../fixtures/certificates'

type Pair = { publicKey: KeyObject; privateKey: KeyObject }

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const PAIRS: Record<string, Pair> = {
  'RSA 2048': rsa,
  'EC P-256': generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  'EC P-384': generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  'EC P-521': generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  'EC secp256k1': generateKeyPairSync('ec', { namedCurve: 'secp256k1' }),
  Ed25519: generateKeyPairSync('ed25519'),
  Ed448: generateKeyPairSync('ed448'),
}
const pair = (name: string) => PAIRS[name]!
const pemOf = (key: KeyObject, type: 'spki' | 'pkcs8' | 'pkcs1' | 'sec1') => key.export({ type, format: 'pem' } as never) as unknown as string
const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Jwk

async function candidateOf(text: string): Promise<KeyCandidate> {
  const read = await readKey({ text })
  expect(read.problems).toEqual([])
  return read.candidates[0]!
}

/** RFC 7638 §3.1's example: the RSA key of RFC 7517 Appendix A.1, with its expected thumbprint. */
const RFC7638_KEY: Jwk = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
}
const RFC7638_THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'

describe('describeKeyText', () => {
  it.each([
    ['an RSA SPKI PEM', pemOf(rsa.publicKey, 'spki'), 'RSA 2048-bit public key, SPKI PEM', ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
    ['an RSA PKCS#1 private key', pemOf(rsa.privateKey, 'pkcs1'), 'RSA 2048-bit private key, PKCS#1 PEM', ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
    ['an EC SEC1 private key', pemOf(pair('EC P-256').privateKey, 'sec1'), 'EC P-256 private key, SEC1 PEM', ['ES256']],
    ['an EC PKCS#8 private key', pemOf(pair('EC P-384').privateKey, 'pkcs8'), 'EC P-384 private key, PKCS#8 PEM', ['ES384']],
    ['a secp256k1 public key', pemOf(pair('EC secp256k1').publicKey, 'spki'), 'EC secp256k1 public key, SPKI PEM', ['ES256K']],
    ['an Ed25519 public key', pemOf(pair('Ed25519').publicKey, 'spki'), 'Ed25519 public key, SPKI PEM', ['EdDSA', 'Ed25519']],
    ['an Ed448 private key', pemOf(pair('Ed448').privateKey, 'pkcs8'), 'Ed448 private key, PKCS#8 PEM', ['EdDSA', 'Ed448']],
    ['an EC JWK', JSON.stringify(jwkOf(pair('EC P-521').publicKey)), 'EC P-521 public key, JWK', ['ES512']],
  ])('says what %s is in one line and which algorithms it fits, from the algorithm table', async (_name, text, summary, algorithms) => {
    const described = await describeKeyText({ text })
    expect(described.summary).toBe(summary)
    expect(described.problems).toEqual([])
    expect(described.keys).toHaveLength(1)
    expect(described.keys[0]!.algorithms.map((a) => a.alg)).toEqual(algorithms)
    expect(described.keys[0]!.algorithms.every((a) => a.caution === undefined)).toBe(true)
  })

  it('gives the kind, size, half and container of each key', async () => {
    const [key] = (await describeKeyText({ text: pemOf(pair('EC P-256').privateKey, 'sec1') })).keys
    expect(key).toMatchObject({ kind: 'EC', size: 'P-256', half: 'private', container: 'SEC1 PEM', origin: 'the PEM you pasted' })
    const [rsaKey] = (await describeKeyText({ text: pemOf(rsa.publicKey, 'pkcs1') })).keys
    expect(rsaKey).toMatchObject({ kind: 'RSA', size: '2048 bits', half: 'public', container: 'PKCS#1 PEM' })
  })

  it('describes an ML-DSA-44 key and fits it to ML-DSA-44 only', async () => {
    const key = (await generateKey('ML-DSA-44')) as Extract<GeneratedKey, { kind: 'pair' }>
    const described = await describeKeyText({ text: JSON.stringify(key.publicJwk) })
    expect(described.summary).toBe('ML-DSA-44 public key, JWK')
    expect(described.keys[0]).toMatchObject({ kind: 'AKP', size: 'ML-DSA-44', algorithms: [{ alg: 'ML-DSA-44' }] })
  })

  it('lets an RSA key under 2048 bits fit, with a caution citing RFC 7518', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const [key] = (await describeKeyText({ text: pemOf(small.publicKey, 'spki') })).keys
    expect(key!.algorithms[0]).toEqual({ alg: 'RS256', caution: 'RS256 wants at least 2048 bits (RFC 7518 §3.3)' })
    expect(key!.algorithms[3]).toEqual({ alg: 'PS256', caution: 'PS256 wants at least 2048 bits (RFC 7518 §3.5)' })
  })

  it('reads a secret in each encoding and cautions where it is shorter than the hash', async () => {
    const hex = await describeKeyText({ text: 'ab'.repeat(48), encoding: 'hex', format: 'secret' })
    expect(hex.summary).toBe('shared secret, 48 bytes (hex)')
    expect(hex.keys[0]).toMatchObject({ kind: 'secret', size: '48 bytes (384 bits)', half: 'secret', container: 'hex text' })
    expect(hex.keys[0]!.algorithms).toEqual([{ alg: 'HS256' }, { alg: 'HS384' }, { alg: 'HS512', caution: 'HS512 wants at least 64 bytes (RFC 7518 §3.2)' }])
    const utf8 = await describeKeyText({ text: 'secret' })
    expect(utf8.keys[0]).toMatchObject({ container: 'UTF-8 text', size: '6 bytes (48 bits)' })
    expect((await describeKeyText({ text: 'c2VjcmV0', encoding: 'base64url' })).keys[0]).toMatchObject({ container: 'base64url text', size: '6 bytes (48 bits)' })
    expect((await describeKeyText({ text: 'c2VjcmV0', encoding: 'base64' })).keys[0]).toMatchObject({ container: 'base64 text' })
  })

  it('describes a JWK set key by key, with each kid', async () => {
    const keys = [
      { ...jwkOf(rsa.publicKey), kid: 'a1', alg: 'RS256' },
      { ...jwkOf(pair('EC P-256').publicKey), kid: 'b2', alg: 'ES256' },
      jwkOf(pair('Ed25519').publicKey),
    ]
    const described = await describeKeyText({ text: JSON.stringify({ keys }) })
    expect(described.summary).toBe('JWK set of 3 keys: kid a1 (RS256), kid b2 (ES256), no kid (OKP)')
    expect(described.keys.map((k) => [k.kid, k.container, k.origin])).toEqual([
      ['a1', 'JWK set', 'key 1 of 3 in the JWKS (kid a1)'],
      ['b2', 'JWK set', 'key 2 of 3 in the JWKS (kid b2)'],
      [undefined, 'JWK set', 'key 3 of 3 in the JWKS'],
    ])
  })

  describe('certificates', () => {
    const issuerKey = pair('EC P-256')
    const text = certificatePem({
      subject: { organization: 'Demo', commonName: 'api.example' },
      issuer: { organization: 'Demo', commonName: 'Demo CA' },
      subjectKey: rsa.publicKey,
      issuerKey: issuerKey.privateKey,
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2026-01-01T00:00:00Z'),
    })

    it('builds a certificate Node accepts (so the test input is real X.509)', () => {
      expect(new X509Certificate(text).verify(issuerKey.publicKey)).toBe(true)
    })

    it('gives the subject, issuer and validity dates of a certificate, and whether it is valid at the time given', async () => {
      const during = await describeKeyText({ text }, { now: new Date('2025-06-01T00:00:00Z') })
      expect(during.summary).toBe('RSA 2048-bit public key, X.509 certificate')
      expect(during.keys[0]).toMatchObject({ container: 'X.509 certificate', algorithms: expect.arrayContaining([{ alg: 'RS256' }]) })
      expect(during.keys[0]!.certificate).toEqual({
        subject: 'CN=api.example, O=Demo',
        issuer: 'CN=Demo CA, O=Demo',
        notBefore: new Date('2025-01-01T00:00:00Z'),
        notAfter: new Date('2026-01-01T00:00:00Z'),
        serialNumber: '5A:17',
        validity: 'valid',
      })
      expect((await describeKeyText({ text }, { now: new Date('2024-12-31T23:59:59Z') })).keys[0]!.certificate?.validity).toBe('not yet valid')
      expect((await describeKeyText({ text }, { now: new Date('2026-01-01T00:00:00Z') })).keys[0]!.certificate?.validity).toBe('valid')
      expect((await describeKeyText({ text }, { now: new Date('2026-01-01T00:00:01Z') })).keys[0]!.certificate?.validity).toBe('expired')
    })
  })

  it.each([
    ['a certificate request', '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n', {}, 'This PEM is a certificate request (PKCS #10, RFC 2986), not a key.', 0],
    ['a JWK that lacks y', '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"}', {}, 'JWK of kty EC lacks y', 0],
    ['base64 with a stray character', `${'A'.repeat(57)}%AAA`, { encoding: 'base64' as const }, 'base64 text has the character "%" at offset 57 that is not in the alphabet', 57],
  ])('says what is wrong with %s, where it is', async (_name, text, options, message, offset) => {
    const described = await describeKeyText({ text, ...options })
    expect(described.keys).toEqual([])
    expect(described.problems[0]).toMatchObject({ message, offset })
  })
})

describe('converting between PEM and JWK', () => {
  const names = Object.keys(PAIRS)

  it.each(names)('%s: SPKI PEM made by node:crypto → JWK → PEM is byte-identical', async (name) => {
    const spki = pemOf(pair(name).publicKey, 'spki')
    const candidate = await candidateOf(spki)
    const jwk = await toJwk(candidate)
    expect(jwk).toEqual(jwkOf(pair(name).publicKey))
    expect(await toPem(await candidateOf(JSON.stringify(jwk)), 'public')).toBe(spki)
  })

  it.each(names)('%s: PKCS#8 PEM made by node:crypto → JWK → PEM is byte-identical', async (name) => {
    const pkcs8 = pemOf(pair(name).privateKey, 'pkcs8')
    const jwk = await toJwk(await candidateOf(pkcs8))
    expect(jwk).toEqual(jwkOf(pair(name).privateKey))
    expect(await toPem(await candidateOf(JSON.stringify(jwk)), 'private')).toBe(pkcs8)
  })

  it.each(names)('%s: JWK → PEM → JWK gives the same members, public and private', async (name) => {
    for (const [key, which] of [[pair(name).publicKey, 'public'], [pair(name).privateKey, 'private']] as const) {
      const jwk = jwkOf(key)
      const pem = await toPem(await candidateOf(JSON.stringify(jwk)), which)
      expect(await toJwk(await candidateOf(pem))).toEqual(jwk)
    }
  })

  it.each(['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'])('%s: JWK → PEM → JWK gives the same members, and PEM → JWK → PEM the same text', async (alg) => {
    const key = (await generateKey(alg)) as Extract<GeneratedKey, { kind: 'pair' }>
    for (const [jwk, which] of [[key.publicJwk, 'public'], [key.privateJwk, 'private']] as const) {
      const pem = await toPem(await candidateOf(JSON.stringify(jwk)), which)
      expect(pem).toBe(which === 'public' ? key.publicPem : key.privatePem)
      expect(await toJwk(await candidateOf(pem))).toEqual(jwk)
    }
  })

  it('turns PKCS#1 and SEC1 into PKCS#8 and SPKI, as Node writes them', async () => {
    const fromPkcs1 = await candidateOf(pemOf(rsa.privateKey, 'pkcs1'))
    expect(await toPem(fromPkcs1, 'private')).toBe(pemOf(rsa.privateKey, 'pkcs8'))
    expect(await toPem(fromPkcs1, 'public')).toBe(pemOf(rsa.publicKey, 'spki'))
    const fromSec1 = await candidateOf(pemOf(pair('EC P-256').privateKey, 'sec1'))
    expect(await toPem(fromSec1, 'private')).toBe(pemOf(pair('EC P-256').privateKey, 'pkcs8'))
  })

  it('writes a shared secret as a JWK of kty oct', async () => {
    const read = await readKey({ text: 'c2VjcmV0', encoding: 'base64url' })
    expect(await toJwk(read.candidates[0]!, { alg: 'HS256' })).toEqual({ kty: 'oct', alg: 'HS256', k: 'c2VjcmV0' })
  })

  it('refuses with TypeError what cannot be written', async () => {
    const secret = (await readKey({ text: 'secret' })).candidates[0]!
    await expect(toPem(secret, 'public')).rejects.toThrow(TypeError)
    const publicKey = await candidateOf(pemOf(rsa.publicKey, 'spki'))
    await expect(toPem(publicKey, 'private')).rejects.toThrow('cannot write a private key: this is RSA 2048-bit public key, SPKI PEM')
    await expect(toJwk(publicKey, { alg: 'ES256' })).rejects.toThrow('cannot set alg: ES256 needs an EC P-256 key; this is an RSA 2048-bit key')
    expect(() => toPublic(secret)).toThrow(TypeError)
  })
})

describe('taking the public half', () => {
  it.each(Object.keys(PAIRS))('%s: the private key becomes the public key Node derives', async (name) => {
    const half = toPublic(await candidateOf(pemOf(pair(name).privateKey, 'pkcs8')))
    expect(half.isPrivate).toBe(false)
    expect(await toJwk(half)).toEqual(jwkOf(pair(name).publicKey))
    expect(await toPem(half, 'public')).toBe(pemOf(pair(name).publicKey, 'spki'))
    expect(half.origin).toBe('the public half of the PEM you pasted')
  })

  it('leaves a public key as it is', async () => {
    const candidate = await candidateOf(pemOf(rsa.publicKey, 'spki'))
    expect(toPublic(candidate)).toBe(candidate)
  })
})

describe('kid, alg and use', () => {
  it('adds the thumbprint as kid, and alg and use, after kty', async () => {
    const candidate = await candidateOf(pemOf(pair('EC P-256').publicKey, 'spki'))
    const jwk = await toJwk(candidate, { kid: 'thumbprint', alg: 'ES256', use: 'sig' })
    expect(Object.keys(jwk)).toEqual(['kty', 'kid', 'use', 'alg', 'crv', 'x', 'y'])
    expect(jwk.kid).toBe(await thumbprint(jwkOf(pair('EC P-256').publicKey)))
    expect((await toJwk(candidate, { kid: 'signing-2025' })).kid).toBe('signing-2025')
  })

  it('keeps a kid the key already has unless told otherwise', async () => {
    const candidate = await candidateOf(JSON.stringify({ ...jwkOf(rsa.publicKey), kid: 'old' }))
    expect((await toJwk(candidate)).kid).toBe('old')
    expect((await toJwk(candidate, { kid: 'new' })).kid).toBe('new')
  })
})

describe('thumbprint (RFC 7638)', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')

  it('gives the value of RFC 7638 §3.1 for its example RSA key', async () => {
    expect(await thumbprint(RFC7638_KEY)).toBe(RFC7638_THUMBPRINT)
  })

  it('gives a private key the thumbprint of its public key (RFC 7638 §3.2.1: only public members count)', async () => {
    for (const { publicKey, privateKey } of Object.values(PAIRS)) expect(await thumbprint(jwkOf(privateKey))).toBe(await thumbprint(jwkOf(publicKey)))
  })

  it('hashes the required members of each kty in lexicographic order (RFC 7638 §3.2, RFC 8037 §2)', async () => {
    const ec = jwkOf(pair('EC P-256').publicKey)
    expect(await thumbprint({ ...ec, kid: 'ignored' })).toBe(sha256(`{"crv":"P-256","kty":"EC","x":"${ec.x}","y":"${ec.y}"}`))
    const okp = jwkOf(pair('Ed25519').publicKey)
    expect(await thumbprint(okp)).toBe(sha256(`{"crv":"Ed25519","kty":"OKP","x":"${okp.x}"}`))
    expect(await thumbprint({ kty: 'oct', k: 'c2VjcmV0', alg: 'HS256' })).toBe(sha256('{"k":"c2VjcmV0","kty":"oct"}'))
  })

  it('hashes alg, kty and pub for an AKP (ML-DSA) key, as jose does, so the seed is never included', async () => {
    const key = (await generateKey('ML-DSA-44')) as Extract<GeneratedKey, { kind: 'pair' }>
    const expected = sha256(`{"alg":"ML-DSA-44","kty":"AKP","pub":"${key.publicJwk.pub}"}`)
    expect(await thumbprint(key.publicJwk)).toBe(expected)
    expect(await thumbprint(key.privateJwk)).toBe(expected)
  })
})

describe('buildJwks', () => {
  const rsaJwk = jwkOf(rsa.publicKey)
  const ecJwk = jwkOf(pair('EC P-256').publicKey)

  it('gathers public keys into {"keys": [...]} in the order given', async () => {
    const result = await buildJwks([{ ...rsaJwk, kid: 'r' }, { ...ecJwk, kid: 'e' }])
    expect(result.jwks).toEqual({ keys: [{ ...rsaJwk, kid: 'r' }, { ...ecJwk, kid: 'e' }] })
    expect(JSON.parse(result.text)).toEqual(result.jwks)
    expect(result.messages).toEqual([])
  })

  it('leaves out a key that is already in the set, by thumbprint, whatever its kid', async () => {
    const result = await buildJwks([{ ...rsaJwk, kid: 'a' }, ecJwk, { ...rsaJwk, kid: 'b' }])
    expect(result.jwks.keys.map((k) => k.kid)).toEqual(['a', undefined])
    expect(result.messages).toEqual(['Key 3 is the same key as key 1 (same RFC 7638 thumbprint), so it was left out'])
  })

  it('refuses private keys and secrets, saying why', async () => {
    const result = await buildJwks([jwkOf(rsa.privateKey), { kty: 'oct', k: 'c2VjcmV0' }, ecJwk])
    expect(result.jwks.keys).toEqual([ecJwk])
    expect(result.messages).toEqual([
      'Key 1 is a private key (it has "d", "p", "q", "dp", "dq", "qi"); publish only its public key, so it was left out',
      'Key 2 is a shared secret (kty oct), which must never be published in a JWK set, so it was left out',
    ])
  })

  it('keeps only the public members, and says why an unreadable key was left out', async () => {
    const result = await buildJwks([{ ...ecJwk, key_ops: ['verify', 'sign'] }, { kty: 'EC', crv: 'P-256', x: ecJwk.x }])
    expect(result.jwks.keys).toEqual([{ ...ecJwk, key_ops: ['verify'] }])
    expect(result.messages).toEqual(['Key 2 was left out: JWK of kty EC lacks y'])
  })
})
