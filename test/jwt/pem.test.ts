// @vitest-environment node
import {
  X509Certificate,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto'
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import {
  DerTag,
  encodeBitString,
  encodeExplicit,
  encodeImplicit,
  encodeInteger,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSet,
  encodeString,
  encodeTime,
  readChildren,
  readSingle,
} from '../../src/jwt/der'
import { jwkToPem, looksLikePem, readPem, spkiFromCertificate, type PemKey, type PemReadResult } from '../../src/jwt/pem'
import type { Jwk, Problem } from '../../src/jwt/types'

// ---------------------------------------------------------------------------------------------
// Keys, made once per run; Node's JWK export is the reference the reader is compared with.

type Pair = { publicKey: KeyObject; privateKey: KeyObject }

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const EC_CURVES = {
  'P-256': { oid: '1.2.840.10045.3.1.7', size: 32 },
  'P-384': { oid: '1.3.132.0.34', size: 48 },
  'P-521': { oid: '1.3.132.0.35', size: 66 },
  secp256k1: { oid: '1.3.132.0.10', size: 32 },
} as const
type Curve = keyof typeof EC_CURVES
const curves = Object.keys(EC_CURVES) as Curve[]
const ec = Object.fromEntries(curves.map((crv) => [crv, generateKeyPairSync('ec', { namedCurve: crv })])) as Record<Curve, Pair>
const okp = {
  Ed25519: generateKeyPairSync('ed25519'),
  Ed448: generateKeyPairSync('ed448'),
  X25519: generateKeyPairSync('x25519'),
  X448: generateKeyPairSync('x448'),
}
const EC_PUBLIC_KEY = '1.2.840.10045.2.1'

const pemOf = (key: KeyObject, type: 'pkcs1' | 'spki' | 'pkcs8' | 'sec1') => key.export({ type, format: 'pem' } as never) as unknown as string
const derOf = (key: KeyObject, type: 'pkcs1' | 'spki' | 'pkcs8' | 'sec1') => new Uint8Array(key.export({ type, format: 'der' } as never) as unknown as Buffer)
const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Jwk
const b64u = (text: unknown) => new Uint8Array(Buffer.from(String(text), 'base64url'))

function pem(label: string, der: Uint8Array): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** The raw TLVs (as bytes) of a top-level SEQUENCE, to rebuild it with a field left out. */
function fieldsOf(der: Uint8Array): Uint8Array[] {
  return readChildren(der, readSingle(der, [0, der.length], 'test input')).map((tlv) => der.subarray(tlv.offset, tlv.end))
}

const without = (jwk: Jwk, ...members: string[]): Jwk =>
  Object.fromEntries(Object.entries(jwk).filter(([member]) => !members.includes(member))) as Jwk

async function readOne(text: string): Promise<PemKey> {
  const { keys, problems } = await readPem(text)
  expect(problems).toEqual([])
  expect(keys).toHaveLength(1)
  return keys[0]!
}

async function readProblem(text: string): Promise<Problem> {
  const { keys, problems } = await readPem(text)
  expect(keys).toEqual([])
  expect(problems).toHaveLength(1)
  return problems[0]!
}

function expectRangesInside(text: string, { problems, keys }: PemReadResult) {
  for (const { range, offset } of problems) {
    expect(offset).toBe(range[0])
    expect(range[0]).toBeGreaterThanOrEqual(0)
    expect(range[1]).toBeGreaterThanOrEqual(range[0])
    expect(range[1]).toBeLessThanOrEqual(text.length)
  }
  for (const { range } of keys) expect(range[1]).toBeLessThanOrEqual(text.length)
}

// ---------------------------------------------------------------------------------------------

describe('reading RSA keys', () => {
  const expected = jwkOf(rsa.privateKey)
  const expectedPublic = without(expected, 'd', 'p', 'q', 'dp', 'dq', 'qi')

  it('reads a PKCS#1 RSA private key and fills in its public members', async () => {
    const key = await readOne(pemOf(rsa.privateKey, 'pkcs1'))
    expect(key).toMatchObject({ label: 'RSA PRIVATE KEY', container: 'pkcs1-private', isPrivate: true, shape: { kty: 'RSA', bits: 2048 } })
    expect(key.jwk).toEqual(expected)
  })

  it('reads a PKCS#1 RSA public key', async () => {
    const key = await readOne(pemOf(rsa.publicKey, 'pkcs1'))
    expect(key).toMatchObject({ label: 'RSA PUBLIC KEY', container: 'pkcs1-public', isPrivate: false })
    expect(key.jwk).toEqual(expectedPublic)
  })

  it('reads an RSA public key in SPKI', async () => {
    const key = await readOne(pemOf(rsa.publicKey, 'spki'))
    expect(key).toMatchObject({ label: 'PUBLIC KEY', container: 'spki', isPrivate: false, shape: { kty: 'RSA', bits: 2048 } })
    expect(key.jwk).toEqual(expectedPublic)
  })

  it('reads an RSA private key in PKCS#8', async () => {
    const key = await readOne(pemOf(rsa.privateKey, 'pkcs8'))
    expect(key).toMatchObject({ label: 'PRIVATE KEY', container: 'pkcs8', isPrivate: true })
    expect(key.jwk).toEqual(expected)
  })

  it('reads an RSASSA-PSS SPKI key as RSA and notes that it is for PSS only', async () => {
    const rsaPublicKey = encodeSequence(encodeInteger(b64u(expected.n)), encodeInteger(b64u(expected.e)))
    const spki = encodeSequence(encodeSequence(encodeOid('1.2.840.113549.1.1.10')), encodeBitString(rsaPublicKey))
    const { keys, problems } = await readPem(pem('PUBLIC KEY', spki))
    expect(keys[0]?.jwk).toEqual(expectedPublic)
    expect(problems).toMatchObject([{ code: 'key.rsa-pss', severity: 'info', part: 'key' }])
    expect(problems[0]?.message).toMatch(/PS256/)
  })
})

describe('reading EC keys', () => {
  it.each(curves)('reads a %s public key in SPKI', async (crv) => {
    const key = await readOne(pemOf(ec[crv].publicKey, 'spki'))
    expect(key.shape).toEqual({ kty: 'EC', crv })
    expect(key.jwk).toEqual(jwkOf(ec[crv].publicKey))
  })

  it.each(curves)('reads a %s private key in PKCS#8', async (crv) => {
    const key = await readOne(pemOf(ec[crv].privateKey, 'pkcs8'))
    expect(key).toMatchObject({ container: 'pkcs8', isPrivate: true, shape: { kty: 'EC', crv } })
    expect(key.jwk).toEqual(jwkOf(ec[crv].privateKey))
  })

  it.each(curves)('reads a %s SEC1 private key with its public key', async (crv) => {
    const key = await readOne(pemOf(ec[crv].privateKey, 'sec1'))
    expect(key).toMatchObject({ label: 'EC PRIVATE KEY', container: 'sec1', isPrivate: true })
    expect(key.jwk).toEqual(jwkOf(ec[crv].privateKey))
  })

  it.each(curves)('computes the public point of a %s SEC1 key that leaves out [1]', async (crv) => {
    const [version, privateKey, parameters] = fieldsOf(derOf(ec[crv].privateKey, 'sec1'))
    const stripped = encodeSequence(version!, privateKey!, parameters!)
    const key = await readOne(pem('EC PRIVATE KEY', stripped))
    expect(key.jwk).toEqual(jwkOf(ec[crv].privateKey))
  })

  it.each(curves)('computes the public point of a %s PKCS#8 key without a public key', async (crv) => {
    const jwk = jwkOf(ec[crv].privateKey)
    const ecPrivateKey = encodeSequence(encodeInteger(1), encodeOctetString(b64u(jwk.d)))
    const algorithm = encodeSequence(encodeOid(EC_PUBLIC_KEY), encodeOid(EC_CURVES[crv].oid))
    const key = await readOne(pem('PRIVATE KEY', encodeSequence(encodeInteger(0), algorithm, encodeOctetString(ecPrivateKey))))
    expect(key.jwk).toEqual(jwk)
  })

  it.each(curves)('decompresses a compressed %s point in SPKI', async (crv) => {
    const jwk = jwkOf(ec[crv].publicKey)
    const y = b64u(jwk.y)
    const compressed = Uint8Array.of(0x02 | (y[y.length - 1]! & 1), ...b64u(jwk.x))
    const algorithm = encodeSequence(encodeOid(EC_PUBLIC_KEY), encodeOid(EC_CURVES[crv].oid))
    const key = await readOne(pem('PUBLIC KEY', encodeSequence(algorithm, encodeBitString(compressed))))
    expect(key.jwk).toEqual(jwk)
  })

  it('left-pads a P-521 private key whose leading zero bytes were dropped', async () => {
    // A 66-byte scalar with a zero first byte, as some writers shorten it (RFC 5915 §3 says full size).
    const d = new Uint8Array(66)
    d.set(b64u(jwkOf(ec['P-256'].privateKey).d), 34)
    const sec1 = encodeSequence(encodeInteger(1), encodeOctetString(d.subarray(1)), encodeExplicit(0, encodeOid(EC_CURVES['P-521'].oid)))
    const key = await readOne(pem('EC PRIVATE KEY', sec1))
    expect(b64u(key.jwk.d)).toEqual(d)
    const viaNode = createPrivateKey({ key: key.jwk as never, format: 'jwk' })
    expect(jwkOf(viaNode)).toEqual(key.jwk)
  })
})

describe('reading OKP keys', () => {
  it.each(['Ed25519', 'Ed448'] as const)('reads %s keys in SPKI and PKCS#8, computing x from the private key', async (crv) => {
    const publicKey = await readOne(pemOf(okp[crv].publicKey, 'spki'))
    expect(publicKey.shape).toEqual({ kty: 'OKP', crv })
    expect(publicKey.jwk).toEqual(jwkOf(okp[crv].publicKey))
    const privateKey = await readOne(pemOf(okp[crv].privateKey, 'pkcs8'))
    expect(privateKey.isPrivate).toBe(true)
    expect(privateKey.jwk).toEqual(jwkOf(okp[crv].privateKey))
  })

  it('reads an Ed25519 OneAsymmetricKey v2 and takes x from its [1] publicKey', async () => {
    const jwk = jwkOf(okp.Ed25519.privateKey)
    const der = encodeSequence(
      encodeInteger(1),
      encodeSequence(encodeOid('1.3.101.112')),
      encodeOctetString(encodeOctetString(b64u(jwk.d))),
      encodeImplicit(1, encodeBitString(b64u(jwk.x))),
    )
    expect((await readOne(pem('PRIVATE KEY', der))).jwk).toEqual(jwk)
  })

  it.each(['X25519', 'X448'] as const)('reads an %s key and warns that it is for key agreement, not signatures', async (crv) => {
    const { keys, problems } = await readPem(pemOf(okp[crv].privateKey, 'pkcs8'))
    expect(keys[0]?.shape).toEqual({ kty: 'OKP', crv })
    expect(keys[0]?.jwk).toEqual(jwkOf(okp[crv].privateKey))
    expect(problems).toMatchObject([{ code: 'key.key-agreement', severity: 'warning' }])
    expect(problems[0]?.message).toBe(`This is an ${crv} key, which is for key agreement (ECDH-ES, RFC 8037 §3.2), not for signatures: it cannot sign or verify a JWS.`)
  })
})

describe('computing public members without WebCrypto', () => {
  it('falls back to noble for P-256, P-521 and Ed25519 when crypto.subtle is missing, as on a page served over http', async () => {
    const texts = [
      pem('EC PRIVATE KEY', encodeSequence(...fieldsOf(derOf(ec['P-256'].privateKey, 'sec1')).slice(0, 3))),
      pem('EC PRIVATE KEY', encodeSequence(...fieldsOf(derOf(ec['P-521'].privateKey, 'sec1')).slice(0, 3))),
      pemOf(okp.Ed25519.privateKey, 'pkcs8'),
    ]
    // Insecure contexts keep crypto.getRandomValues (which noble's blinding needs) but drop subtle.
    const { getRandomValues } = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) })
    try {
      const { keys, problems } = await readPem(texts.join(''))
      expect(problems).toEqual([])
      expect(keys.map((key) => key.jwk)).toEqual([ec['P-256'].privateKey, ec['P-521'].privateKey, okp.Ed25519.privateKey].map(jwkOf))
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('reading ML-DSA keys', () => {
  const schemes = [
    ['ML-DSA-44', ml_dsa44, '2.16.840.1.101.3.4.3.17'],
    ['ML-DSA-65', ml_dsa65, '2.16.840.1.101.3.4.3.18'],
    ['ML-DSA-87', ml_dsa87, '2.16.840.1.101.3.4.3.19'],
  ] as const
  const seed = Uint8Array.from({ length: 32 }, (_, i) => i * 7)
  const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')

  it.each(schemes)('writes %s keys as SPKI and PKCS#8 (seed) and reads them back, computing pub from the seed', async (alg, scheme) => {
    const { publicKey } = scheme.keygen(seed)
    const jwk: Jwk = { kty: 'AKP', alg, pub: b64url(publicKey), priv: b64url(seed) }
    const publicJwk = without(jwk, 'priv')
    const readPublic = await readOne(jwkToPem(jwk, 'public'))
    expect(readPublic).toMatchObject({ container: 'spki', isPrivate: false, shape: { kty: 'AKP', alg } })
    expect(readPublic.jwk).toEqual(publicJwk)
    const privatePem = jwkToPem(jwk, 'private')
    // RFC 9881 seed-only form: 30 34 02 01 00 30 0b 06 09 <OID> 04 22 80 20 <seed>.
    const oidLetter = { 'ML-DSA-44': 'R', 'ML-DSA-65': 'S', 'ML-DSA-87': 'T' }[alg]
    expect(privatePem.split('\n')[1]).toMatch(new RegExp(`^MDQCAQAwCwYJYIZIAWUDBAM${oidLetter}BCKAI`))
    const readPrivate = await readOne(privatePem)
    expect(readPrivate.jwk).toEqual(jwk)
  })

  it.each(schemes)('reads the %s "both" form, keeping the seed', async (alg, scheme, oid) => {
    const { publicKey, secretKey } = scheme.keygen(seed)
    const both = encodeSequence(encodeOctetString(seed), encodeOctetString(secretKey))
    const key = await readOne(pem('PRIVATE KEY', encodeSequence(encodeInteger(0), encodeSequence(encodeOid(oid)), encodeOctetString(both))))
    expect(key.jwk).toEqual({ kty: 'AKP', alg, pub: b64url(publicKey), priv: b64url(seed) })
  })

  it('explains that an expanded-only ML-DSA private key cannot become a JWK', async () => {
    const { secretKey } = ml_dsa44.keygen(seed)
    const der = encodeSequence(encodeInteger(0), encodeSequence(encodeOid(schemes[0][2])), encodeOctetString(encodeOctetString(secretKey)))
    const problem = await readProblem(pem('PRIVATE KEY', der))
    expect(problem.code).toBe('key.ml-dsa-expanded-only')
    expect(problem.message).toMatch(/^Expected the 32-byte seed in this ML-DSA-44 private key, found only the 2560-byte expanded key/)
  })

  it('takes pub from the OneAsymmetricKey [1] publicKey when present', async () => {
    const { publicKey } = ml_dsa44.keygen(seed)
    const der = encodeSequence(
      encodeInteger(1),
      encodeSequence(encodeOid(schemes[0][2])),
      encodeOctetString(encodeImplicit(0, encodeOctetString(seed))),
      encodeImplicit(1, encodeBitString(publicKey)),
    )
    expect((await readOne(pem('PRIVATE KEY', der))).jwk.pub).toBe(b64url(publicKey))
  })
})

describe('writing JWKs as PEM', () => {
  const pairs: [string, Pair][] = [
    ['RSA', rsa],
    ...curves.map((crv): [string, Pair] => [crv, ec[crv]]),
    ...Object.entries(okp),
  ]

  it.each(pairs)('round-trips a %s private key through PKCS#8: readPem gives the JWK back and Node reads the same key', async (_name, pair) => {
    const jwk = jwkOf(pair.privateKey)
    const text = jwkToPem(jwk, 'private')
    expect(text.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true)
    expect((await readPem(text)).keys[0]?.jwk).toEqual(jwk)
    expect(jwkOf(createPrivateKey(text))).toEqual(jwk)
  })

  it.each(pairs)('round-trips a %s public key through SPKI, matching what Node writes', async (_name, pair) => {
    const jwk = jwkOf(pair.publicKey)
    const text = jwkToPem(jwk, 'public')
    expect(text).toBe(pemOf(pair.publicKey, 'spki'))
    expect((await readPem(text)).keys[0]?.jwk).toEqual(jwk)
    expect(jwkOf(createPublicKey(text))).toEqual(jwk)
  })

  it('writes the public key of a private JWK when asked for public', () => {
    expect(jwkToPem(jwkOf(ec['P-256'].privateKey), 'public')).toBe(pemOf(ec['P-256'].publicKey, 'spki'))
  })

  it('wraps the base64 at 64 characters per line', () => {
    const lines = jwkToPem(jwkOf(rsa.privateKey), 'private').trimEnd().split('\n')
    expect(lines.slice(1, -2).every((line) => line.length === 64)).toBe(true)
    expect(lines.at(-2)!.length).toBeLessThanOrEqual(64)
    expect(lines.at(-1)).toBe('-----END PRIVATE KEY-----')
  })

  it('throws TypeError for a JWK it cannot encode', () => {
    expect(() => jwkToPem({ kty: 'oct', k: 'AAAA' }, 'public')).toThrow(TypeError)
    expect(() => jwkToPem({ kty: 'EC', crv: 'P-192', x: 'AA', y: 'AA' }, 'public')).toThrow(/crv "P-192"/)
    expect(() => jwkToPem(jwkOf(rsa.publicKey), 'private')).toThrow(/expected member "d" as a string, found none/)
    expect(() => jwkToPem({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, 'public')).toThrow(/expected member "x" of 32 bytes, found 3/)
    expect(() => jwkToPem({ kty: 'RSA', n: 'A+A', e: 'AQAB' }, 'public')).toThrow(/not base64url/)
    expect(() => jwkToPem(without(jwkOf(rsa.privateKey), 'qi'), 'private')).toThrow(/"qi"/)
  })
})

describe('reading certificates', () => {
  const CN = '2.5.4.3'
  const O = '2.5.4.10'
  const C = '2.5.4.6'
  const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2' // RFC 5758 §3.2
  const ED25519 = '1.3.101.112' // RFC 8410 §3

  const nameOf = (...rdns: [string, string][]) =>
    encodeSequence(...rdns.map(([oid, value]) => encodeSet(encodeSequence(encodeOid(oid), encodeString(value, oid === C ? DerTag.PrintableString : DerTag.UTF8String)))))

  function certificate(options: { subject: Uint8Array; issuer: Uint8Array; subjectKey: KeyObject; issuerKey: KeyObject; serial: Uint8Array; notBefore: Date; notAfter: Date }) {
    const ed = options.issuerKey.asymmetricKeyType === 'ed25519'
    const algorithm = encodeSequence(encodeOid(ed ? ED25519 : ECDSA_WITH_SHA256))
    const tbs = encodeSequence(
      encodeExplicit(0, encodeInteger(2)),
      encodeInteger(options.serial),
      algorithm,
      options.issuer,
      encodeSequence(encodeTime(options.notBefore), encodeTime(options.notAfter)),
      options.subject,
      derOf(options.subjectKey, 'spki'),
    )
    const signature = sign(ed ? null : 'sha256', tbs, options.issuerKey)
    return encodeSequence(tbs, algorithm, encodeBitString(signature))
  }

  const caName = nameOf([C, 'DE'], [O, 'Demo'], [CN, 'Demo CA'])
  const ca = certificate({
    subject: caName,
    issuer: caName,
    subjectKey: ec['P-256'].publicKey,
    issuerKey: ec['P-256'].privateKey,
    serial: Uint8Array.of(0x8f, 0x01, 0x02),
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2054-01-01T00:00:00Z'),
  })
  const leaf = certificate({
    subject: nameOf([O, 'Demo'], [CN, 'example, "quoted"']),
    issuer: caName,
    subjectKey: okp.Ed25519.publicKey,
    issuerKey: ec['P-256'].privateKey,
    serial: Uint8Array.of(0x01),
    notBefore: new Date('2025-03-04T05:06:07Z'),
    notAfter: new Date('2026-03-04T05:06:07Z'),
  })

  it('builds certificates that Node accepts and verifies (so the test input is real X.509)', () => {
    const node = new X509Certificate(ca)
    expect(node.verify(ec['P-256'].publicKey)).toBe(true)
    expect(node.serialNumber).toBe('8F0102')
    expect(new X509Certificate(leaf).verify(ec['P-256'].publicKey)).toBe(true)
  })

  it('reads a self-signed certificate: its key, subject, issuer, validity and serial number', async () => {
    const key = await readOne(pem('CERTIFICATE', ca))
    expect(key).toMatchObject({ label: 'CERTIFICATE', container: 'x509', isPrivate: false, shape: { kty: 'EC', crv: 'P-256' } })
    expect(key.jwk).toEqual(jwkOf(ec['P-256'].publicKey))
    expect(key.certificate).toEqual({
      subject: 'CN=Demo CA, O=Demo, C=DE',
      issuer: 'CN=Demo CA, O=Demo, C=DE',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2054-01-01T00:00:00Z'),
      serialNumber: '8F:01:02',
    })
  })

  it('reads every certificate of a chain, with text around and between them', async () => {
    const text = `subject=CN=example\n${pem('CERTIFICATE', leaf)}\nissuer follows\n${pem('CERTIFICATE', ca)}trailing`
    const { keys, problems } = await readPem(text)
    expect(problems).toEqual([])
    expect(keys.map((key) => key.certificate?.subject)).toEqual(['CN=example\\, \\"quoted\\", O=Demo', 'CN=Demo CA, O=Demo, C=DE'])
    expect(keys[0]?.jwk).toEqual(jwkOf(okp.Ed25519.publicKey))
    expect(text.slice(...keys[1]!.range)).toBe(pem('CERTIFICATE', ca).trimEnd())
  })

  it('takes the SPKI out of a certificate', () => {
    expect(spkiFromCertificate(ca)).toEqual({ ok: true, value: derOf(ec['P-256'].publicKey, 'spki') })
    expect(spkiFromCertificate(ca.subarray(0, 100))).toMatchObject({ ok: false })
  })
})

describe('reading several blocks and untidy text', () => {
  it('reads a private key followed by a public key, giving each block its range', async () => {
    const first = pemOf(ec['P-256'].privateKey, 'pkcs8')
    const second = pemOf(rsa.publicKey, 'spki')
    const text = `Here are my keys:\n\n${first}\nand the other one:\n${second}`
    const { keys, problems } = await readPem(text)
    expect(problems).toEqual([])
    expect(keys.map((key) => [key.container, key.isPrivate])).toEqual([['pkcs8', true], ['spki', false]])
    expect(text.slice(...keys[0]!.range)).toBe(first.trimEnd())
    expect(text.slice(...keys[1]!.range)).toBe(second.trimEnd())
  })

  it('tolerates CRLF line ends, indentation and blank lines', async () => {
    const lines = pemOf(ec['P-384'].publicKey, 'spki').trimEnd().split('\n')
    const text = lines.map((line, i) => (i === 2 ? `\r\n    ${line}  ` : `    ${line}`)).join('\r\n')
    expect((await readOne(text)).jwk).toEqual(jwkOf(ec['P-384'].publicKey))
  })

  it('reads base64 that lacks its = padding', async () => {
    const original = pemOf(ec['P-256'].publicKey, 'spki') // 91 bytes: the last group ends in "=="
    const text = original.replace(/==\n/, '\n')
    expect(text.length).toBe(original.length - 2)
    expect((await readOne(text)).jwk).toEqual(jwkOf(ec['P-256'].publicKey))
  })

  it('reads the key after the EC PARAMETERS block that openssl ecparam -genkey writes, with only a note about the parameters', async () => {
    const parameters = pem('EC PARAMETERS', encodeOid(EC_CURVES['P-256'].oid))
    const { keys, problems } = await readPem(parameters + pemOf(ec['P-256'].privateKey, 'sec1'))
    expect(keys[0]?.jwk).toEqual(jwkOf(ec['P-256'].privateKey))
    expect(problems).toMatchObject([{ code: 'key.unsupported-pem', severity: 'info', offset: 0 }])
  })

  it('finds PEM text and ignores text without it', async () => {
    expect(looksLikePem(pemOf(rsa.publicKey, 'spki'))).toBe(true)
    expect(looksLikePem('  -----BEGIN CERTIFICATE-----')).toBe(true)
    expect(looksLikePem('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe(false)
    expect(await readPem('no keys here')).toEqual({ keys: [], problems: [] })
  })
})

describe('reporting problems', () => {
  const edPem = pemOf(okp.Ed25519.publicKey, 'spki')

  it('names a PEM label that is not a key', async () => {
    const problem = await readProblem('-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n')
    expect(problem).toMatchObject({ code: 'key.unsupported-pem', severity: 'error', part: 'key', offset: 0, range: [0, 19] })
    expect(problem.message).toBe(
      'This PEM is labelled "FOO", which is not a key this page reads; expected PUBLIC KEY, PRIVATE KEY, RSA PUBLIC KEY, RSA PRIVATE KEY, EC PRIVATE KEY or CERTIFICATE.',
    )
  })

  it.each([
    ['CERTIFICATE REQUEST', 'This PEM is a certificate request (PKCS #10, RFC 2986), not a key.'],
    ['NEW CERTIFICATE REQUEST', 'This PEM is a certificate request (PKCS #10, RFC 2986), not a key.'],
    ['PGP PUBLIC KEY BLOCK', 'This PEM is an OpenPGP armored block (PGP PUBLIC KEY BLOCK), not a key this page reads.'],
    ['OPENSSH PRIVATE KEY', /^This PEM is an OpenSSH private key/],
  ])('says what a %s is and that it is not a key this page reads', async (label, message) => {
    const problem = await readProblem(`-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----`)
    expect(problem.code).toBe('key.unsupported-pem')
    expect(problem.message).toMatch(message)
  })

  it('says an encrypted PKCS#8 key must be decrypted first', async () => {
    const text = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'secret' }) as string
    const problem = await readProblem(text)
    expect(problem.code).toBe('key.unsupported-pem')
    expect(problem.message).toMatch(/^This PEM is an encrypted PKCS #8 private key .* decrypt it first, e.g. with openssl pkey\.$/)
  })

  it('says a legacy encrypted PEM must be decrypted first, pointing at its Proc-Type header', async () => {
    const text = rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'secret' }) as string
    const problem = await readProblem(text)
    expect(problem.code).toBe('key.unsupported-pem')
    expect(problem.message).toBe('This private key is encrypted (Proc-Type 4,ENCRYPTED); decrypt it first, e.g. with openssl pkey.')
    expect(text.slice(...problem.range)).toBe('Proc-Type: 4,ENCRYPTED')
  })

  it('names a character outside the base64 alphabet and its exact offset', async () => {
    const at = edPem.indexOf('\n') + 10
    const text = `${edPem.slice(0, at)}%${edPem.slice(at + 1)}`
    const problem = await readProblem(text)
    expect(problem).toMatchObject({ code: 'key.pem-base64', offset: at, range: [at, at + 1] })
    expect(problem.message).toBe(`base64 text has a character '%' at offset ${at} that is not in the alphabet (expected A-Z, a-z, 0-9, + or /).`)
  })

  it('shows an invisible character by its code point', async () => {
    const at = edPem.indexOf('\n') + 3
    const problem = await readProblem(`${edPem.slice(0, at)}\u00a0${edPem.slice(at)}`)
    expect(problem.message).toMatch(`character U+00A0 at offset ${at}`)
  })

  it('reports DER cut short, naming the length promised and the bytes found', async () => {
    const der = derOf(rsa.publicKey, 'spki')
    const problem = await readProblem(pem('PUBLIC KEY', der.subarray(0, 150)))
    expect(problem.code).toBe('key.der')
    expect(problem.message).toBe('The DER inside this PUBLIC KEY block is malformed: SEQUENCE at byte 0 says its contents are 290 bytes long, but only 146 bytes follow.')
  })

  it('reports a BEGIN line without an END line at the BEGIN line', async () => {
    const text = `junk\n${edPem.slice(0, edPem.indexOf('-----END'))}`
    const problem = await readProblem(text)
    expect(problem).toMatchObject({ code: 'key.pem-no-end', offset: 5, range: [5, 5 + '-----BEGIN PUBLIC KEY-----'.length] })
    expect(problem.message).toBe('Expected "-----END PUBLIC KEY-----" after this BEGIN line, found the end of the text.')
  })

  it('reports a BEGIN line followed by another BEGIN line, and still reads the second block', async () => {
    const text = `-----BEGIN PUBLIC KEY-----\nMCow\n${edPem}`
    const { keys, problems } = await readPem(text)
    expect(keys).toHaveLength(1)
    expect(problems).toMatchObject([{ code: 'key.pem-no-end', offset: 0 }])
    expect(problems[0]?.message).toMatch(/found another BEGIN line at offset 32/)
  })

  it('reports an END line whose label does not match its BEGIN line, at the BEGIN line', async () => {
    const text = `\n${edPem.replace('-----END PUBLIC KEY-----', '-----END PRIVATE KEY-----')}`
    const problem = await readProblem(text)
    expect(problem).toMatchObject({ code: 'key.pem-label-mismatch', offset: 1 })
    expect(text.slice(...problem.range)).toBe('-----BEGIN PUBLIC KEY-----')
    const endOffset = text.indexOf('-----END')
    expect(problem.message).toBe(`Expected "-----END PUBLIC KEY-----" to close this block, found "-----END PRIVATE KEY-----" at offset ${endOffset}.`)
  })

  it('reports an empty block, a lone final base64 character and wrong padding', async () => {
    expect((await readProblem('-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----')).message).toBe('Expected base64 text between the BEGIN and END lines, found none.')
    expect((await readProblem('-----BEGIN PUBLIC KEY-----\nMCowB\n-----END PUBLIC KEY-----')).message).toMatch(/found a single character at offset 31/)
    expect((await readProblem('-----BEGIN PUBLIC KEY-----\nMCo==\n-----END PUBLIC KEY-----')).message).toBe("Expected 1 '=' of padding at offset 30, found 2.")
    expect((await readProblem('-----BEGIN PUBLIC KEY-----\nMC==ow\n-----END PUBLIC KEY-----')).message).toMatch(/character 'o' at offset 31 after the '=' padding at offset 29/)
    expect((await readProblem('-----BEGIN PUBLIC KEY-----\nMCo= =\n-----END PUBLIC KEY-----')).message).toBe("Expected 1 '=' of padding at offset 30, found 2.")
    expect((await readProblem('-----BEGIN PUBLIC KEY-----\n=MCo\n-----END PUBLIC KEY-----')).message).toMatch(/'=' padding at offset 27; expected base64 characters before/)
  })

  it('names an unknown key algorithm OID and points at its characters in the text', async () => {
    const der = encodeSequence(encodeSequence(encodeOid('1.3.101.120')), encodeBitString(new Uint8Array(32)))
    const text = pem('PUBLIC KEY', der)
    const problem = await readProblem(text)
    expect(problem.code).toBe('key.unsupported-algorithm')
    expect(problem.message).toBe('Expected a key algorithm this page reads (RSA, EC, Ed25519, Ed448, X25519, X448 or ML-DSA), found the unknown OID 1.3.101.120.')
    // The OID's TLV is DER bytes 4 to 9, which base64 characters 5 to 11 encode.
    const body = text.indexOf('\n') + 1
    expect(problem.range).toEqual([body + 5, body + 12])
  })

  it('names a DSA key by its algorithm', async () => {
    const der = encodeSequence(encodeSequence(encodeOid('1.2.840.10040.4.1')), encodeBitString(encodeInteger(5)))
    expect((await readProblem(pem('PUBLIC KEY', der))).message).toMatch(/found DSA \(1\.2\.840\.10040\.4\.1\)\.$/)
  })

  it('refuses explicit EC parameters and curves it does not support', async () => {
    const explicit = encodeSequence(encodeSequence(encodeOid(EC_PUBLIC_KEY), encodeSequence(encodeInteger(1))), encodeBitString(Uint8Array.of(4)))
    const problem = await readProblem(pem('PUBLIC KEY', explicit))
    expect(problem.code).toBe('key.ec-parameters')
    expect(problem.message).toMatch(/^Expected a named curve \(RFC 5480 §2.1.1\), found explicit curve parameters/)
    const brainpool = encodeSequence(encodeSequence(encodeOid(EC_PUBLIC_KEY), encodeOid('1.3.36.3.3.2.8.1.1.7')), encodeBitString(Uint8Array.of(4)))
    expect((await readProblem(pem('PUBLIC KEY', brainpool))).message).toBe(
      'Expected the curve P-256, P-384, P-521 or secp256k1, found brainpoolP256r1 (1.3.36.3.3.2.8.1.1.7).',
    )
  })

  it('reports a SEC1 key without its curve', async () => {
    const sec1 = encodeSequence(encodeInteger(1), encodeOctetString(new Uint8Array(32).fill(1)))
    const problem = await readProblem(pem('EC PRIVATE KEY', sec1))
    expect(problem).toMatchObject({ code: 'key.ec-parameters', message: 'Expected the curve in the [0] parameters of the EC private key (RFC 5915 §3), found none.' })
  })

  it('reports a private scalar of zero and a point that is not on the curve', async () => {
    for (const crv of ['P-256', 'secp256k1'] as const) {
      const zero = encodeSequence(encodeInteger(1), encodeOctetString(new Uint8Array(32)), encodeExplicit(0, encodeOid(EC_CURVES[crv].oid)))
      const problem = await readProblem(pem('EC PRIVATE KEY', zero))
      expect(problem).toMatchObject({ code: 'key.invalid-key', message: `Expected a valid private key for this key type (${crv}), found key bytes that are not.` })
    }
    const algorithm = encodeSequence(encodeOid(EC_PUBLIC_KEY), encodeOid(EC_CURVES['P-256'].oid))
    // The first x for which x³ − 3x + b is not a square mod p has no point on P-256.
    const { p256 } = await import('@noble/curves/nist.js')
    const compressed = (x: number) => Uint8Array.of(0x02, ...new Uint8Array(31), x)
    const onCurve = (x: number) => { try { return Boolean(p256.Point.fromBytes(compressed(x))) } catch { return false } }
    const offCurve = compressed(Array.from({ length: 20 }, (_, x) => x + 1).find((x) => !onCurve(x))!)
    const problem = await readProblem(pem('PUBLIC KEY', encodeSequence(algorithm, encodeBitString(offCurve))))
    expect(problem).toMatchObject({ code: 'key.invalid-key', message: 'Expected a point on the curve (P-256), found key bytes that are not.' })
  })

  it('reports a public key of the wrong size for its type', async () => {
    const der = encodeSequence(encodeSequence(encodeOid('1.3.101.112')), encodeBitString(new Uint8Array(31)))
    expect((await readProblem(pem('PUBLIC KEY', der))).message).toBe('Expected a 32-byte Ed25519 public key, found 31 bytes.')
  })

  it('reports a multi-prime RSA key as unsupported', async () => {
    const fields = Array.from({ length: 8 }, () => encodeInteger(3))
    const der = encodeSequence(encodeInteger(1), ...fields, encodeSequence())
    expect((await readProblem(pem('RSA PRIVATE KEY', der))).code).toBe('key.rsa-multi-prime')
  })

  it('reports the wrong container under a label', async () => {
    const problem = await readProblem(pem('RSA PUBLIC KEY', derOf(rsa.publicKey, 'spki')))
    expect(problem.code).toBe('key.der')
    expect(problem.message).toBe('The DER inside this RSA PUBLIC KEY block is malformed: expected INTEGER for the modulus n at byte 4, found SEQUENCE.')
  })
})

describe('robustness', () => {
  it('resolves for any text, with every problem range inside it', async () => {
    const alphabet = fc.constantFrom(...'-----BEGIN PUBLIC KEY-----END\n\r =AQIDBAwx:%é'.split(''))
    const texts = fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 200 }))
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        expectRangesInside(text, await readPem(text))
      }),
      { numRuns: 300 },
    )
  })

  it('resolves for valid PEMs cut or spliced at random points, with every problem range inside', async () => {
    const samples = [
      pemOf(ec['P-256'].privateKey, 'sec1'),
      pemOf(okp.Ed25519.privateKey, 'pkcs8'),
      pemOf(rsa.publicKey, 'pkcs1'),
      pem('CERTIFICATE', encodeSequence(encodeSequence(encodeInteger(1)), encodeSequence(), encodeBitString(new Uint8Array(4)))),
    ]
    const cuts = fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }))
    await fc.assert(
      fc.asyncProperty(cuts, async ([sample, a, b, junk]) => {
        const [from, to] = [a % (sample.length + 1), b % (sample.length + 1)].sort((x, y) => x - y) as [number, number]
        for (const text of [sample.slice(0, from), sample.slice(0, from) + junk + sample.slice(to)]) {
          expectRangesInside(text, await readPem(text))
        }
      }),
      { numRuns: 150 },
    )
  })
})
