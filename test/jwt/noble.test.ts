// @vitest-environment node
import { generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { ml_dsa44 } from '@noble/post-quantum/ml-dsa.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  NobleKeyError,
  nobleGenerateKey,
  noblePublicJwk,
  nobleSign,
  nobleVerify,
  type NobleAlgorithm,
} from '../../src/jwt/noble'
import type { Jwk } from '../../src/jwt/types'

const signingInput = new TextEncoder().encode('eyJhbGciOiJFUzI1NksifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0')

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'))
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')
const fromBase64url = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'base64url'))

function withByteFlipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice()
  copy[index] = (copy[index] ?? 0) ^ 0x01
  return copy
}

function exportJwk(key: KeyObject): Jwk {
  return key.export({ format: 'jwk' }) as Jwk
}

/** Runs `action`, expecting a NobleKeyError, and returns it. */
function keyError(action: () => unknown): NobleKeyError {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(NobleKeyError)
    return error as NobleKeyError
  }
  throw new Error('expected a NobleKeyError, but nothing was thrown')
}

// FIPS 204 Table 2, RFC 8812 §3.2 (via RFC 7518 §3.4), RFC 8032 §5.2.6.
const signatureLengths: Record<NobleAlgorithm, number> = {
  ES256K: 64,
  Ed448: 114,
  'ML-DSA-44': 2420,
  'ML-DSA-65': 3309,
  'ML-DSA-87': 4627,
}
const algorithms = Object.keys(signatureLengths) as NobleAlgorithm[]

describe.each(algorithms)('%s', (alg) => {
  const keys = nobleGenerateKey(alg)
  const otherKeys = nobleGenerateKey(alg)
  const signature = nobleSign(alg, keys.privateJwk, signingInput)
  const length = signatureLengths[alg]

  it('signs with the private JWK and verifies with the public JWK', () => {
    expect(signature).toHaveLength(length)
    expect(nobleVerify(alg, keys.publicJwk, signature, signingInput)).toBe(true)
  })

  it('also verifies with the private JWK', () => {
    expect(nobleVerify(alg, keys.privateJwk, signature, signingInput)).toBe(true)
  })

  it('rejects the signature over a tampered signing input', () => {
    const tampered = withByteFlipped(signingInput, 10)
    expect(nobleVerify(alg, keys.publicJwk, signature, tampered)).toBe(false)
  })

  it('rejects a signature with a flipped bit at its start, middle or end', () => {
    for (const index of [0, Math.floor(length / 2), length - 1]) {
      expect(nobleVerify(alg, keys.publicJwk, withByteFlipped(signature, index), signingInput)).toBe(false)
    }
  })

  it('returns false for a signature one byte too short, one byte too long or empty', () => {
    const longer = new Uint8Array(length + 1)
    longer.set(signature)
    for (const wrong of [signature.subarray(0, length - 1), longer, new Uint8Array(0)]) {
      expect(nobleVerify(alg, keys.publicJwk, wrong, signingInput)).toBe(false)
    }
  })

  it('rejects the signature under another key', () => {
    expect(nobleVerify(alg, otherKeys.publicJwk, signature, signingInput)).toBe(false)
  })

  it('returns a boolean and never throws, whatever the signature bytes', () => {
    const anyBytes = fc.oneof(
      fc.uint8Array({ maxLength: 128 }),
      fc.uint8Array({ minLength: length, maxLength: length }),
    )
    fc.assert(
      fc.property(anyBytes, (bytes) => nobleVerify(alg, keys.publicJwk, bytes, signingInput) === false),
      { numRuns: alg.startsWith('ML-DSA') ? 15 : 60 },
    )
  })

  it('derives the public JWK of the key pair from the private JWK', () => {
    expect(noblePublicJwk(keys.privateJwk)).toEqual(keys.publicJwk)
  })

  it('derives the public members when the private JWK holds only the private member', () => {
    const { kty, crv, alg: jwkAlg, d, priv } = keys.privateJwk
    const bare = Object.fromEntries(
      Object.entries({ kty, crv, alg: jwkAlg, d, priv }).filter(([, value]) => value !== undefined),
    ) as Jwk
    expect(noblePublicJwk(bare)).toEqual(keys.publicJwk)
    expect(nobleVerify(alg, keys.publicJwk, nobleSign(alg, bare, signingInput), signingInput)).toBe(true)
  })
})

describe('ES256K', () => {
  const node = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  const nodePrivateJwk = exportJwk(node.privateKey)
  const nodePublicJwk = exportJwk(node.publicKey)
  const n = secp256k1.Point.Fn.ORDER

  it('verifies a signature made by node:crypto (OpenSSL) with a JWK exported by it', () => {
    const signature = cryptoSign('sha256', signingInput, { key: node.privateKey, dsaEncoding: 'ieee-p1363' })
    expect(nobleVerify('ES256K', nodePublicJwk, signature, signingInput)).toBe(true)
  })

  it('signs so that node:crypto (OpenSSL) verifies', () => {
    const signature = nobleSign('ES256K', nodePrivateJwk, signingInput)
    const valid = cryptoVerify('sha256', signingInput, { key: node.publicKey, dsaEncoding: 'ieee-p1363' }, signature)
    expect(valid).toBe(true)
  })

  it('produces low-S signatures', () => {
    for (let index = 0; index < 16; index++) {
      const message = new TextEncoder().encode(`message ${index}`)
      const s = BigInt(`0x${toHex(nobleSign('ES256K', nodePrivateJwk, message).subarray(32))}`)
      expect(s <= n / 2n).toBe(true)
    }
  })

  it('accepts a high-S signature, which RFC 8812 allows', () => {
    const low = nobleSign('ES256K', nodePrivateJwk, signingInput)
    const s = BigInt(`0x${toHex(low.subarray(32))}`)
    const high = new Uint8Array(64)
    high.set(low.subarray(0, 32))
    high.set(hex((n - s).toString(16).padStart(64, '0')), 32)
    expect(nobleVerify('ES256K', nodePublicJwk, high, signingInput)).toBe(true)
    expect(cryptoVerify('sha256', signingInput, { key: node.publicKey, dsaEncoding: 'ieee-p1363' }, high)).toBe(true)
  })

  it('rejects a DER-encoded signature, which is not a JWS signature', () => {
    const der = cryptoSign('sha256', signingInput, { key: node.privateKey, dsaEncoding: 'der' })
    expect(nobleVerify('ES256K', nodePublicJwk, der, signingInput)).toBe(false)
  })

  it('rejects signatures whose r or s is zero or not below the group order', () => {
    const order = hex(n.toString(16).padStart(64, '0'))
    const zero = new Uint8Array(32)
    const one = hex('01'.padStart(64, '0'))
    for (const [r, s] of [[zero, one], [one, zero], [order, one], [one, order]] as const) {
      const signature = new Uint8Array([...r, ...s])
      expect(nobleVerify('ES256K', nodePublicJwk, signature, signingInput)).toBe(false)
    }
  })
})

describe('Ed448', () => {
  const node = generateKeyPairSync('ed448')

  it('verifies a signature made by node:crypto (OpenSSL) with a JWK exported by it', () => {
    const signature = cryptoSign(null, signingInput, node.privateKey)
    expect(nobleVerify('Ed448', exportJwk(node.publicKey), signature, signingInput)).toBe(true)
  })

  it('signs so that node:crypto (OpenSSL) verifies', () => {
    const signature = nobleSign('Ed448', exportJwk(node.privateKey), signingInput)
    expect(cryptoVerify(null, signingInput, node.publicKey, signature)).toBe(true)
  })

  // RFC 8032 §7.4, the tests without a context, in the RFC's 64-digit lines.
  const vectors = [
    {
      name: '-----Blank',
      secret: [
        '6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3',
        '528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b',
      ].join(''),
      public: [
        '5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778',
        'edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180',
      ].join(''),
      message: '',
      signature: [
        '533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f',
        '2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a',
        '9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4db',
        'b61149f05a7363268c71d95808ff2e652600',
      ].join(''),
    },
    {
      name: '-----1 octet',
      secret: [
        'c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463a',
        'fbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e',
      ].join(''),
      public: [
        '43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c086',
        '6aea01eb00742802b8438ea4cb82169c235160627b4c3a9480',
      ].join(''),
      message: '03',
      signature: [
        '26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f435',
        '2541b143c4b981b7e18f62de8ccdf633fc1bf037ab7cd779805e0dbcc0aae1cb',
        'cee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0f',
        'f3348ab21aa4adafd1d234441cf807c03a00',
      ].join(''),
    },
  ]

  it.each(vectors)('reproduces the RFC 8032 §7.4 test $name', (vector) => {
    const privateJwk: Jwk = { kty: 'OKP', crv: 'Ed448', d: base64url(hex(vector.secret)) }
    const publicJwk = noblePublicJwk(privateJwk)
    expect(publicJwk).toEqual({ kty: 'OKP', crv: 'Ed448', x: base64url(hex(vector.public)) })
    expect(toHex(nobleSign('Ed448', privateJwk, hex(vector.message)))).toBe(vector.signature)
    expect(nobleVerify('Ed448', publicJwk, hex(vector.signature), hex(vector.message))).toBe(true)
  })

  it('accepts alg EdDSA or Ed448 on the JWK', () => {
    const { publicJwk, privateJwk } = nobleGenerateKey('Ed448')
    const signature = nobleSign('Ed448', { ...privateJwk, alg: 'EdDSA' }, signingInput)
    expect(nobleVerify('Ed448', { ...publicJwk, alg: 'Ed448' }, signature, signingInput)).toBe(true)
  })
})

describe('ML-DSA', () => {
  const seed = Uint8Array.from({ length: 32 }, (_, index) => index)
  const mlDsa = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const
  const privateJwkOf = (alg: (typeof mlDsa)[number]): Jwk => ({ kty: 'AKP', alg, priv: base64url(seed) })

  // FIPS 204 Table 2.
  it.each([
    ['ML-DSA-44', 1312, 2420],
    ['ML-DSA-65', 1952, 3309],
    ['ML-DSA-87', 2592, 4627],
  ] as const)('derives %s keys deterministically from the seed, with FIPS 204 sizes', (alg, pubLength, sigLength) => {
    const publicJwk = noblePublicJwk(privateJwkOf(alg))
    expect(noblePublicJwk(privateJwkOf(alg))).toEqual(publicJwk)
    expect(publicJwk).toEqual({ kty: 'AKP', alg, pub: expect.any(String) })
    expect(fromBase64url(publicJwk.pub ?? '')).toHaveLength(pubLength)
    const signature = nobleSign(alg, privateJwkOf(alg), signingInput)
    expect(signature).toHaveLength(sigLength)
    expect(nobleVerify(alg, publicJwk, signature, signingInput)).toBe(true)
  })

  it('expands the seed as ML-DSA.KeyGen_internal does (FIPS 204 Algorithm 6)', () => {
    const publicJwk = noblePublicJwk(privateJwkOf('ML-DSA-44'))
    expect(publicJwk.pub).toBe(base64url(ml_dsa44.keygen(seed).publicKey))
  })

  it('rejects a signature made with one parameter set under another', () => {
    for (const signer of mlDsa) {
      const signature = nobleSign(signer, privateJwkOf(signer), signingInput)
      for (const verifier of mlDsa.filter((alg) => alg !== signer)) {
        const publicJwk = noblePublicJwk(privateJwkOf(verifier))
        expect(nobleVerify(verifier, publicJwk, signature, signingInput)).toBe(false)
      }
    }
  })

  it('uses pure ML-DSA with an empty context', () => {
    const { secretKey, publicKey } = ml_dsa44.keygen(seed)
    const publicJwk: Jwk = { kty: 'AKP', alg: 'ML-DSA-44', pub: base64url(publicKey) }
    const pure = ml_dsa44.sign(signingInput, secretKey)
    const withContext = ml_dsa44.sign(signingInput, secretKey, { context: Uint8Array.of(1) })
    const preHashed = ml_dsa44.prehash(sha256).sign(signingInput, secretKey)
    expect(nobleVerify('ML-DSA-44', publicJwk, pure, signingInput)).toBe(true)
    expect(nobleVerify('ML-DSA-44', publicJwk, withContext, signingInput)).toBe(false)
    expect(nobleVerify('ML-DSA-44', publicJwk, preHashed, signingInput)).toBe(false)
    const ours = nobleSign('ML-DSA-44', privateJwkOf('ML-DSA-44'), signingInput)
    expect(ml_dsa44.verify(ours, signingInput, publicKey)).toBe(true)
  })

  it('signs with fresh randomness each time (hedged signing)', () => {
    const first = nobleSign('ML-DSA-65', privateJwkOf('ML-DSA-65'), signingInput)
    const second = nobleSign('ML-DSA-65', privateJwkOf('ML-DSA-65'), signingInput)
    expect(toHex(first)).not.toBe(toHex(second))
  })
})

describe('NobleKeyError', () => {
  const es256k = nobleGenerateKey('ES256K')

  it('names the missing member of a secp256k1 JWK without y', () => {
    const withoutY: Jwk = { ...es256k.publicJwk }
    delete withoutY.y
    const error = keyError(() => nobleVerify('ES256K', withoutY, new Uint8Array(64), signingInput))
    expect(error.code).toBe('key.invalid-jwk')
    expect(error.member).toBe('y')
    expect(error.message).toBe('JWK member "y" is missing: it should hold a secp256k1 y coordinate, 32 bytes.')
  })

  it('names the wrong curve of a JWK used for ES256K', () => {
    const error = keyError(() => nobleSign('ES256K', { ...es256k.privateJwk, crv: 'P-256' }, signingInput))
    expect(error.member).toBe('crv')
    expect(error.message).toBe('JWK member "crv" is "P-256", expected "secp256k1" for ES256K.')
  })

  it('gives expected and found lengths for a priv that is not the 32-byte seed', () => {
    const short = keyError(() =>
      nobleSign('ML-DSA-44', { kty: 'AKP', alg: 'ML-DSA-44', priv: base64url(new Uint8Array(31)) }, signingInput),
    )
    expect(short.member).toBe('priv')
    expect(short.message).toBe('JWK member "priv" must be 32 bytes (the ML-DSA-44 seed), found 31 bytes.')
    const expanded = keyError(() =>
      noblePublicJwk({ kty: 'AKP', alg: 'ML-DSA-44', priv: base64url(ml_dsa44.keygen(new Uint8Array(32)).secretKey) }),
    )
    expect(expanded.message).toBe(
      'JWK member "priv" must be 32 bytes (the ML-DSA-44 seed), found 2560 bytes ' +
        '(an expanded ML-DSA-44 private key; JOSE stores the 32-byte seed instead).',
    )
  })

  it('gives expected and found lengths for an Ed448 x of the wrong length', () => {
    const shortX: Jwk = { kty: 'OKP', crv: 'Ed448', x: base64url(new Uint8Array(32)) }
    const error = keyError(() => nobleVerify('Ed448', shortX, new Uint8Array(114), signingInput))
    expect(error.message).toBe('JWK member "x" must be 57 bytes (an Ed448 public key), found 32 bytes.')
  })

  it('says why a member is not base64url', () => {
    const padded = keyError(() => noblePublicJwk({ ...es256k.publicJwk, x: `${es256k.publicJwk.x ?? ''}=` }))
    expect(padded.message).toMatch(/^JWK member "x" is not base64url: .*"=" padding/)
    const plus = `+${(es256k.publicJwk.y ?? '').slice(1)}`
    const standard = keyError(() => noblePublicJwk({ ...es256k.publicJwk, y: plus }))
    expect(standard.message).toBe(
      'JWK member "y" is not base64url: "+" at character 1 is standard base64; base64url uses "-" and "_".',
    )
    const notString = keyError(() => noblePublicJwk({ ...es256k.publicJwk, x: 42 as unknown as string }))
    expect(notString.message).toBe('JWK member "x" must be a base64url string, found number.')
  })

  it('rejects x and y that are not a point on secp256k1', () => {
    const y = fromBase64url(es256k.publicJwk.y ?? '')
    const error = keyError(() => noblePublicJwk({ ...es256k.publicJwk, y: base64url(withByteFlipped(y, 31)) }))
    expect(error.message).toBe('JWK members "x" and "y" are not a point on the secp256k1 curve.')
  })

  it('rejects public members that do not belong to the private member', () => {
    const other = nobleGenerateKey('ML-DSA-44')
    const mixed = { ...nobleGenerateKey('ML-DSA-44').privateJwk, pub: other.publicJwk.pub }
    const error = keyError(() => nobleSign('ML-DSA-44', mixed, signingInput))
    expect(error.member).toBe('pub')
    expect(error.message).toBe('JWK member "pub" does not match the public key derived from "priv".')
  })

  it('asks for the private member when signing with a public JWK', () => {
    const error = keyError(() => nobleSign('ES256K', es256k.publicJwk, signingInput))
    expect(error.message).toBe('JWK member "d" is missing: signing with ES256K needs the private key.')
  })

  it('rejects a key whose alg names another algorithm or parameter set', () => {
    const wrongAlg = keyError(() => nobleSign('ES256K', { ...es256k.privateJwk, alg: 'ES256' }, signingInput))
    expect(wrongAlg.message).toBe('JWK member "alg" is "ES256", expected "ES256K" or no "alg".')
    const mlDsa65 = nobleGenerateKey('ML-DSA-65')
    const wrongSet = keyError(() => nobleVerify('ML-DSA-44', mlDsa65.publicJwk, new Uint8Array(2420), signingInput))
    expect(wrongSet.message).toBe('JWK member "alg" is "ML-DSA-65", expected "ML-DSA-44" for ML-DSA-44.')
  })

  it('rejects a key of a type this module does not handle', () => {
    const error = keyError(() => noblePublicJwk({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }))
    expect(error.member).toBe('kty')
    expect(error.message).toBe('JWK with kty "EC" and crv "P-256" is not a secp256k1, Ed448 or ML-DSA key.')
  })

  it('rejects a secp256k1 d that is zero', () => {
    const zero: Jwk = { kty: 'EC', crv: 'secp256k1', d: base64url(new Uint8Array(32)) }
    const error = keyError(() => nobleSign('ES256K', zero, signingInput))
    expect(error.member).toBe('d')
    expect(error.message).toBe('JWK member "d" is not a secp256k1 private key: it must lie between 1 and n − 1.')
  })
})
