/**
 * JWS signing and verification for the algorithms WebCrypto lacks, done with the noble libraries:
 * ES256K (RFC 8812), EdDSA with an Ed448 key (RFC 8037, RFC 8032) and ML-DSA-44/65/87 (FIPS 204,
 * draft-ietf-cose-dilithium). Loaded with `import('./noble')` only when one of them is used.
 *
 * Keys arrive as JWKs and are checked strictly; a bad key throws NobleKeyError, which the caller
 * maps to a problem. Bad signature bytes never throw: they just do not verify.
 */
import { ed448 } from '@noble/curves/ed448.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { randomBytes } from '@noble/hashes/utils.js'
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js'
import type { Jwk } from './types'

/** `Ed448` stands for JWS `alg` EdDSA (or Ed448, RFC 9864) used with an OKP Ed448 key. */
export type NobleAlgorithm = 'ES256K' | 'Ed448' | 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87'

export type NobleKeyErrorCode = 'key.invalid-jwk'

/** A JWK that cannot be used: a member is missing, of the wrong type or length, or inconsistent. */
export class NobleKeyError extends Error {
  readonly code: NobleKeyErrorCode = 'key.invalid-jwk'
  /** The JWK member at fault, so the UI can point at it. */
  readonly member: string

  constructor(member: string, message: string) {
    super(message)
    this.name = 'NobleKeyError'
    this.member = member
  }
}

export function nobleSign(alg: NobleAlgorithm, privateJwk: Jwk, signingInput: Uint8Array): Uint8Array {
  const scheme = schemes[alg]
  const { secretKey } = scheme.readKey(privateJwk)
  if (secretKey === undefined) {
    throw new NobleKeyError(
      scheme.privateMember,
      `JWK member "${scheme.privateMember}" is missing: signing with ${alg} needs the private key.`,
    )
  }
  return scheme.sign(secretKey, signingInput)
}

/** False for a wrong or malformed signature; throws NobleKeyError only for a bad key. */
export function nobleVerify(
  alg: NobleAlgorithm,
  publicJwk: Jwk,
  signature: Uint8Array,
  signingInput: Uint8Array,
): boolean {
  const scheme = schemes[alg]
  const { publicKey } = scheme.readKey(publicJwk)
  // noble throws, rather than returning false, for a signature of the wrong length.
  if (signature.length !== scheme.signatureLength) return false
  try {
    return scheme.verify(signature, signingInput, publicKey)
  } catch {
    // The key was checked above, so what failed to decode is the signature: it does not verify.
    return false
  }
}

export function nobleGenerateKey(alg: NobleAlgorithm): { publicJwk: Jwk; privateJwk: Jwk } {
  const scheme = schemes[alg]
  const { publicKey, secretKey } = scheme.generate()
  const publicJwk: Jwk = { ...scheme.family, ...scheme.publicMembers(publicKey) }
  return { publicJwk, privateJwk: { ...publicJwk, [scheme.privateMember]: base64urlEncode(secretKey) } }
}

/** The public JWK of a private one: private members dropped, missing public members computed. */
export function noblePublicJwk(privateJwk: Jwk): Jwk {
  const scheme = schemes[algorithmOfJwk(privateJwk)]
  const { publicKey } = scheme.readKey(privateJwk)
  const kept = Object.entries(privateJwk).filter(([member]) => member !== 'd' && member !== 'priv')
  return { ...(Object.fromEntries(kept) as Jwk), ...scheme.publicMembers(publicKey) }
}

// ---------------------------------------------------------------------------------------------
// The schemes: one entry per algorithm, so no other function switches over `alg`.

/** Key bytes in the form noble takes them. `secretKey` is present only for a private JWK. */
interface RawKey {
  readonly publicKey: Uint8Array
  readonly secretKey?: Uint8Array
}

interface Scheme {
  /** The members naming the key type, as written into generated JWKs. */
  readonly family: Jwk
  readonly privateMember: 'd' | 'priv'
  readonly signatureLength: number
  /** Checks the JWK for this algorithm; derives the public key when only the private one is given. */
  readKey(jwk: Jwk): RawKey
  publicMembers(publicKey: Uint8Array): Partial<Jwk>
  generate(): Required<RawKey>
  sign(secretKey: Uint8Array, signingInput: Uint8Array): Uint8Array
  verify(signature: Uint8Array, signingInput: Uint8Array, publicKey: Uint8Array): boolean
}

const secp256k1CoordinateLength = 32

const es256k: Scheme = {
  family: { kty: 'EC', crv: 'secp256k1' },
  privateMember: 'd',
  // RFC 8812 §3.2 → RFC 7518 §3.4: the signature is R || S, 32 bytes each, not DER.
  signatureLength: 2 * secp256k1CoordinateLength,
  readKey: readSecp256k1Jwk,
  publicMembers: (publicKey) => ({
    // SEC 1 §2.3.3 uncompressed point: 0x04 || X || Y.
    x: base64urlEncode(publicKey.subarray(1, 1 + secp256k1CoordinateLength)),
    y: base64urlEncode(publicKey.subarray(1 + secp256k1CoordinateLength)),
  }),
  generate: () => {
    const secretKey = secp256k1.utils.randomSecretKey()
    return { secretKey, publicKey: secp256k1.getPublicKey(secretKey, false) }
  },
  // noble hashes with SHA-256 (`prehash`, RFC 8812 §3.2) and signs deterministically (RFC 6979),
  // normalising to low S so that Bitcoin-style verifiers accept the signature too.
  sign: (secretKey, signingInput) =>
    secp256k1.sign(signingInput, secretKey, { prehash: true, lowS: true, format: 'compact' }),
  // RFC 8812 does not require low S and OpenSSL produces high S: accept both (`lowS: false`).
  verify: (signature, signingInput, publicKey) =>
    secp256k1.verify(signature, signingInput, publicKey, { prehash: true, lowS: false, format: 'compact' }),
}

const ed448KeyLength = 57

const ed448Scheme: Scheme = {
  family: { kty: 'OKP', crv: 'Ed448' },
  privateMember: 'd',
  // RFC 8032 §5.2.6: R || S, 57 bytes each.
  signatureLength: 2 * ed448KeyLength,
  readKey: readEd448Jwk,
  publicMembers: (publicKey) => ({ x: base64urlEncode(publicKey) }),
  generate: () => ed448.keygen(),
  // RFC 8037 §3.1: JWS EdDSA is pure Ed448 with an empty context (noble's default).
  sign: (secretKey, signingInput) => ed448.sign(signingInput, secretKey),
  verify: (signature, signingInput, publicKey) => ed448.verify(signature, signingInput, publicKey),
}

type MlDsaAlgorithm = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87'

/** FIPS 204 Table 2 sizes, in bytes. */
const mlDsaParameterSets = {
  'ML-DSA-44': { dsa: ml_dsa44, publicKey: 1312, secretKey: 2560, signature: 2420 },
  'ML-DSA-65': { dsa: ml_dsa65, publicKey: 1952, secretKey: 4032, signature: 3309 },
  'ML-DSA-87': { dsa: ml_dsa87, publicKey: 2592, secretKey: 4896, signature: 4627 },
} as const

/** FIPS 204 §3.6.3: the private key can be stored as the 32-byte seed ξ, as JOSE does. */
const mlDsaSeedLength = 32

function mlDsaScheme(alg: MlDsaAlgorithm): Scheme {
  const { dsa, signature } = mlDsaParameterSets[alg]
  return {
    family: { kty: 'AKP', alg },
    privateMember: 'priv',
    signatureLength: signature,
    readKey: (jwk) => readMlDsaJwk(alg, jwk),
    publicMembers: (publicKey) => ({ pub: base64urlEncode(publicKey) }),
    generate: () => {
      const secretKey = randomBytes(mlDsaSeedLength)
      return { secretKey, publicKey: expandMlDsaSeed(alg, secretKey).publicKey }
    },
    // Pure ML-DSA (FIPS 204 §5.2, not HashML-DSA) with the empty context, noble's default; signing
    // is hedged (fresh randomness per signature), which FIPS 204 §3.4 recommends.
    sign: (seed, signingInput) => dsa.sign(signingInput, expandMlDsaSeed(alg, seed).secretKey),
    verify: (sig, signingInput, publicKey) => dsa.verify(sig, signingInput, publicKey),
  }
}

const schemes: Record<NobleAlgorithm, Scheme> = {
  ES256K: es256k,
  Ed448: ed448Scheme,
  'ML-DSA-44': mlDsaScheme('ML-DSA-44'),
  'ML-DSA-65': mlDsaScheme('ML-DSA-65'),
  'ML-DSA-87': mlDsaScheme('ML-DSA-87'),
}

/** Which algorithm a JWK is for, judged by kty/crv/alg alone (used to derive a public JWK). */
function algorithmOfJwk(jwk: Jwk): NobleAlgorithm {
  if (jwk.kty === 'EC' && jwk.crv === 'secp256k1') return 'ES256K'
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed448') return 'Ed448'
  if (jwk.kty === 'AKP' && isMlDsaAlgorithm(jwk.alg)) return jwk.alg
  if (jwk.kty === 'AKP') {
    const found = describe(jwk.alg)
    throw new NobleKeyError('alg', `JWK member "alg" is ${found}, expected ML-DSA-44, ML-DSA-65 or ML-DSA-87.`)
  }
  throw new NobleKeyError(
    'kty',
    `JWK with kty ${describe(jwk.kty)} and crv ${describe(jwk.crv)} is not a secp256k1, Ed448 or ML-DSA key.`,
  )
}

function isMlDsaAlgorithm(alg: unknown): alg is MlDsaAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(mlDsaParameterSets, alg)
}

// ---------------------------------------------------------------------------------------------
// Reading JWKs.

function readSecp256k1Jwk(jwk: Jwk): RawKey {
  // RFC 8812 §3.1: kty EC, crv secp256k1; x, y and d are 32 bytes (RFC 7518 §6.2.1, §6.2.2.1).
  expectMember(jwk, 'kty', 'EC', 'ES256K')
  expectMember(jwk, 'crv', 'secp256k1', 'ES256K')
  expectOptionalAlg(jwk, ['ES256K'])
  const d = readOptionalMember(jwk, 'd', secp256k1CoordinateLength, 'a secp256k1 private key')
  if (d === undefined) {
    const x = readMember(jwk, 'x', secp256k1CoordinateLength, 'a secp256k1 x coordinate')
    const y = readMember(jwk, 'y', secp256k1CoordinateLength, 'a secp256k1 y coordinate')
    // SEC 1 §2.3.3 uncompressed point: 0x04 || X || Y.
    const publicKey = concatBytes(Uint8Array.of(0x04), x, y)
    if (!secp256k1.utils.isValidPublicKey(publicKey, false)) {
      throw new NobleKeyError('x', 'JWK members "x" and "y" are not a point on the secp256k1 curve.')
    }
    return { publicKey }
  }
  if (!secp256k1.utils.isValidSecretKey(d)) {
    throw new NobleKeyError('d', 'JWK member "d" is not a secp256k1 private key: it must lie between 1 and n − 1.')
  }
  const publicKey = secp256k1.getPublicKey(d, false)
  expectDerived(jwk, 'x', publicKey.subarray(1, 1 + secp256k1CoordinateLength), 'a secp256k1 x coordinate', 'd')
  expectDerived(jwk, 'y', publicKey.subarray(1 + secp256k1CoordinateLength), 'a secp256k1 y coordinate', 'd')
  return { publicKey, secretKey: d }
}

function readEd448Jwk(jwk: Jwk): RawKey {
  // RFC 8037 §2: kty OKP, crv Ed448; x is the 57-byte public key, d the 57-byte private key.
  expectMember(jwk, 'kty', 'OKP', 'Ed448')
  expectMember(jwk, 'crv', 'Ed448', 'Ed448')
  expectOptionalAlg(jwk, ['EdDSA', 'Ed448'])
  const d = readOptionalMember(jwk, 'd', ed448KeyLength, 'an Ed448 private key')
  if (d === undefined) {
    const publicKey = readMember(jwk, 'x', ed448KeyLength, 'an Ed448 public key')
    if (!ed448.utils.isValidPublicKey(publicKey)) {
      throw new NobleKeyError('x', 'JWK member "x" is not a point on the Ed448 curve.')
    }
    return { publicKey }
  }
  const publicKey = ed448.getPublicKey(d)
  expectDerived(jwk, 'x', publicKey, 'an Ed448 public key', 'd')
  return { publicKey, secretKey: d }
}

function readMlDsaJwk(alg: MlDsaAlgorithm, jwk: Jwk): RawKey {
  // draft-ietf-cose-dilithium: kty AKP, alg names the parameter set; pub is the encoded public
  // key, priv the 32-byte seed.
  expectMember(jwk, 'kty', 'AKP', alg)
  expectMember(jwk, 'alg', alg, alg)
  const sizes = mlDsaParameterSets[alg]
  const priv = readOptionalMember(jwk, 'priv', mlDsaSeedLength, `the ${alg} seed`, {
    length: sizes.secretKey,
    meaning: `an expanded ${alg} private key; JOSE stores the 32-byte seed instead`,
  })
  if (priv === undefined) return { publicKey: readMember(jwk, 'pub', sizes.publicKey, `an ${alg} public key`) }
  const { publicKey } = expandMlDsaSeed(alg, priv)
  expectDerived(jwk, 'pub', publicKey, `an ${alg} public key`, 'priv')
  return { publicKey, secretKey: priv }
}

/** A length that is recognisably something else, to say so in the message. */
interface KnownMistake {
  readonly length: number
  readonly meaning: string
}

function readOptionalMember(
  jwk: Jwk,
  member: string,
  length: number,
  meaning: string,
  mistake?: KnownMistake,
): Uint8Array | undefined {
  return jwk[member] === undefined ? undefined : readMember(jwk, member, length, meaning, mistake)
}

function readMember(jwk: Jwk, member: string, length: number, meaning: string, mistake?: KnownMistake): Uint8Array {
  const value = jwk[member]
  if (value === undefined) {
    throw new NobleKeyError(member, `JWK member "${member}" is missing: it should hold ${meaning}, ${length} bytes.`)
  }
  if (typeof value !== 'string') {
    throw new NobleKeyError(member, `JWK member "${member}" must be a base64url string, found ${typeof value}.`)
  }
  const decoded = base64urlDecode(value)
  if (!decoded.ok) throw new NobleKeyError(member, `JWK member "${member}" is not base64url: ${decoded.reason}.`)
  if (decoded.bytes.length !== length) {
    const hint = decoded.bytes.length === mistake?.length ? ` (${mistake.meaning})` : ''
    throw new NobleKeyError(
      member,
      `JWK member "${member}" must be ${length} bytes (${meaning}), found ${decoded.bytes.length} bytes${hint}.`,
    )
  }
  return decoded.bytes
}

function expectMember(jwk: Jwk, member: 'kty' | 'crv' | 'alg', expected: string, alg: string): void {
  const found = jwk[member]
  if (found !== expected) {
    throw new NobleKeyError(member, `JWK member "${member}" is ${describe(found)}, expected "${expected}" for ${alg}.`)
  }
}

/** RFC 7517 §4.4: `alg` is optional, but when present it must name the algorithm in use. */
function expectOptionalAlg(jwk: Jwk, allowed: readonly string[]): void {
  if (jwk.alg !== undefined && !allowed.includes(jwk.alg)) {
    const expected = allowed.map((alg) => `"${alg}"`).join(' or ')
    throw new NobleKeyError('alg', `JWK member "alg" is ${describe(jwk.alg)}, expected ${expected} or no "alg".`)
  }
}

/**
 * A public member given alongside the private one must be the one it derives to: otherwise the key
 * would sign tokens that its own public half rejects.
 */
function expectDerived(jwk: Jwk, member: string, derived: Uint8Array, meaning: string, from: string): void {
  const given = readOptionalMember(jwk, member, derived.length, meaning)
  if (given !== undefined && !equalBytes(given, derived)) {
    throw new NobleKeyError(member, `JWK member "${member}" does not match the public key derived from "${from}".`)
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value)
}

// ---------------------------------------------------------------------------------------------
// ML-DSA seed expansion, cached: keygen from the seed (FIPS 204 Algorithm 6) costs about as much
// as a signature, and a debugger re-signs with the same key on every keystroke.

interface MlDsaKeyPair {
  readonly publicKey: Uint8Array
  readonly secretKey: Uint8Array
}

const mlDsaCacheSize = 8
const mlDsaExpanded = new Map<string, MlDsaKeyPair>()

function expandMlDsaSeed(alg: MlDsaAlgorithm, seed: Uint8Array): MlDsaKeyPair {
  const cacheKey = `${alg}:${base64urlEncode(seed)}`
  const cached = mlDsaExpanded.get(cacheKey)
  if (cached !== undefined) return cached
  const expanded = mlDsaParameterSets[alg].dsa.keygen(seed)
  if (mlDsaExpanded.size >= mlDsaCacheSize) {
    // A Map iterates in insertion order: drop the oldest entry.
    const oldest = mlDsaExpanded.keys().next()
    if (oldest.done !== true) mlDsaExpanded.delete(oldest.value)
  }
  mlDsaExpanded.set(cacheKey, expanded)
  return expanded
}

// ---------------------------------------------------------------------------------------------
// Bytes and base64url (RFC 4648 §5, without padding as RFC 7515 §2 requires). Kept here so this
// lazily loaded chunk has no dependency on the rest of the core.

const base64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function base64urlEncode(bytes: Uint8Array): string {
  let text = ''
  for (let start = 0; start < bytes.length; start += 3) {
    const group = ((bytes[start] ?? 0) << 16) | ((bytes[start + 1] ?? 0) << 8) | (bytes[start + 2] ?? 0)
    // 1, 2 or 3 bytes take 2, 3 or 4 characters.
    const characters = Math.min(bytes.length - start, 3) + 1
    for (let index = 0; index < characters; index++) {
      text += base64urlAlphabet.charAt((group >> (18 - 6 * index)) & 63)
    }
  }
  return text
}

type Base64urlDecoded =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string }

function base64urlDecode(text: string): Base64urlDecoded {
  if (text.length % 4 === 1) return { ok: false, reason: `${text.length} characters cannot encode whole bytes` }
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8))
  let bits = 0
  let bitCount = 0
  let written = 0
  for (let index = 0; index < text.length; index++) {
    const value = base64urlAlphabet.indexOf(text.charAt(index))
    if (value === -1) return { ok: false, reason: invalidCharacterReason(text, index) }
    bits = ((bits << 6) | value) & 0xffffff
    bitCount += 6
    if (bitCount >= 8) {
      bitCount -= 8
      bytes[written++] = (bits >> bitCount) & 0xff
    }
  }
  return { ok: true, bytes }
}

function invalidCharacterReason(text: string, index: number): string {
  const character = text.charAt(index)
  if (character === '=') return `it has "=" padding at character ${index + 1}, which JOSE omits`
  if (character === '+' || character === '/') {
    return `"${character}" at character ${index + 1} is standard base64; base64url uses "-" and "_"`
  }
  return `${JSON.stringify(character)} at character ${index + 1} is not in the base64url alphabet`
}

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0))
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index])
}
