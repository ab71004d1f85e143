/**
 * Every JWS algorithm the debugger knows, in one table: what key it needs, how long its signature
 * is, and how to run it. Code elsewhere reads a column; it never switches on `alg`.
 */
import { say, type Sentence } from './sentences'
import type { KeyShape } from './types'

export type AlgorithmFamily = 'none' | 'HMAC' | 'RSA' | 'RSA-PSS' | 'ECDSA' | 'EdDSA' | 'ML-DSA'

/** What a key must be for the algorithm. */
export type KeyRequirement =
  | { readonly kty: 'none' }
  | { readonly kty: 'oct' }
  | { readonly kty: 'RSA'; readonly minBits: number }
  | { readonly kty: 'EC'; readonly crv: 'P-256' | 'P-384' | 'P-521' | 'secp256k1' }
  | { readonly kty: 'OKP'; readonly crv: readonly ('Ed25519' | 'Ed448')[] }
  | { readonly kty: 'AKP'; readonly alg: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87' }

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512'

/**
 * How the signature is made, as the parts a sentence is built from ("RSASSA-PSS with SHA-384 and
 * MGF1, salt 48 bytes"). The hash and the spec are the algorithm's own columns.
 */
export interface Recipe {
  /** The scheme by its own name: "RSASSA-PKCS1-v1_5" (RFC 8017 §8.2), "ML-DSA-65" (FIPS 204). */
  readonly scheme: string
  /** ECDSA: its curve; EdDSA: the curves a key may name (RFC 8037 §3.1). */
  readonly curves?: readonly string[]
  /** RSASSA-PSS: the mask generation function, with the algorithm's hash (RFC 7518 §3.5). */
  readonly mgf?: 'MGF1'
  /** RSASSA-PSS: the salt length in bytes, the hash output's (RFC 7518 §3.5). */
  readonly saltLength?: number
  /** ECDSA: the signature is R || S, each this many bytes (RFC 7518 §3.4). */
  readonly halfLength?: number
  /** What makes the signature: nothing (RFC 7518 §3.6), a shared secret, or a private key whose public half checks it. */
  readonly key: 'none' | 'secret' | 'key pair'
  /** For a key pair: the kind of public key that checks the signature, "RSA", "EC P-256". */
  readonly publicKey?: string
}

export interface Algorithm {
  readonly alg: string
  readonly family: AlgorithmFamily
  /** One line for people: what the signature is. */
  readonly title: string
  /** Where it is defined. */
  readonly spec: string
  readonly hash?: HashName
  readonly key: KeyRequirement
  /** Signature length in bytes when fixed by the algorithm (RSA: the modulus length). */
  readonly signatureLength?: number
  /** WebCrypto parameters for sign/verify, when the browser may have the algorithm. */
  readonly webCrypto?: AlgorithmIdentifier | RsaPssParams | EcdsaParams
  /** The recipe, for explaining the signature step by step. */
  readonly recipe: Recipe
}

const hmac = (bits: 256 | 384 | 512): Algorithm => ({
  alg: `HS${bits}`,
  family: 'HMAC',
  title: `HMAC with SHA-${bits}`,
  spec: 'RFC 7518 §3.2',
  hash: `SHA-${bits}`,
  key: { kty: 'oct' },
  signatureLength: bits / 8,
  webCrypto: { name: 'HMAC' },
  recipe: { scheme: 'HMAC', key: 'secret' },
})

const rsa = (bits: 256 | 384 | 512): Algorithm => ({
  alg: `RS${bits}`,
  family: 'RSA',
  title: `RSASSA-PKCS1-v1_5 with SHA-${bits}`,
  spec: 'RFC 7518 §3.3',
  hash: `SHA-${bits}`,
  // RFC 7518 §3.3: a key of size 2048 bits or larger MUST be used.
  key: { kty: 'RSA', minBits: 2048 },
  webCrypto: { name: 'RSASSA-PKCS1-v1_5' },
  recipe: { scheme: 'RSASSA-PKCS1-v1_5', key: 'key pair', publicKey: 'RSA' },
})

const pss = (bits: 256 | 384 | 512): Algorithm => ({
  alg: `PS${bits}`,
  family: 'RSA-PSS',
  title: `RSASSA-PSS with SHA-${bits} and MGF1 with SHA-${bits}`,
  spec: 'RFC 7518 §3.5',
  hash: `SHA-${bits}`,
  key: { kty: 'RSA', minBits: 2048 },
  // RFC 7518 §3.5: the salt is as long as the hash output.
  webCrypto: { name: 'RSA-PSS', saltLength: bits / 8 } as RsaPssParams,
  recipe: { scheme: 'RSASSA-PSS', mgf: 'MGF1', saltLength: bits / 8, key: 'key pair', publicKey: 'RSA' },
})

const ecdsa = (alg: string, crv: 'P-256' | 'P-384' | 'P-521' | 'secp256k1', hash: HashName, signatureLength: number, spec: string): Algorithm => ({
  alg,
  family: 'ECDSA',
  title: `ECDSA using ${crv} and ${hash}`,
  spec,
  hash,
  key: { kty: 'EC', crv },
  // RFC 7518 §3.4: the signature is R || S, each as long as the curve's order, not DER.
  signatureLength,
  webCrypto: crv === 'secp256k1' ? undefined : ({ name: 'ECDSA', hash } as EcdsaParams),
  recipe: { scheme: 'ECDSA', curves: [crv], halfLength: signatureLength / 2, key: 'key pair', publicKey: `EC ${crv}` },
})

const mldsa = (level: 44 | 65 | 87, signatureLength: number): Algorithm => ({
  alg: `ML-DSA-${level}`,
  family: 'ML-DSA',
  title: `ML-DSA-${level} (FIPS 204 module-lattice signature)`,
  spec: 'draft-ietf-cose-dilithium, FIPS 204',
  key: { kty: 'AKP', alg: `ML-DSA-${level}` },
  // FIPS 204 Table 2.
  signatureLength,
  webCrypto: { name: `ML-DSA-${level}` },
  recipe: { scheme: `ML-DSA-${level}`, key: 'key pair', publicKey: `ML-DSA-${level}` },
})

const eddsa = (curves: readonly ('Ed25519' | 'Ed448')[]): Recipe => ({ scheme: 'EdDSA', curves, key: 'key pair', publicKey: curves.join(' or ') })

const TABLE: readonly Algorithm[] = [
  { alg: 'none', family: 'none', title: 'No signature (unsecured JWS)', spec: 'RFC 7518 §3.6', key: { kty: 'none' }, signatureLength: 0, recipe: { scheme: 'none', key: 'none' } },
  hmac(256),
  hmac(384),
  hmac(512),
  rsa(256),
  rsa(384),
  rsa(512),
  pss(256),
  pss(384),
  pss(512),
  ecdsa('ES256', 'P-256', 'SHA-256', 64, 'RFC 7518 §3.4'),
  ecdsa('ES384', 'P-384', 'SHA-384', 96, 'RFC 7518 §3.4'),
  ecdsa('ES512', 'P-521', 'SHA-512', 132, 'RFC 7518 §3.4'),
  ecdsa('ES256K', 'secp256k1', 'SHA-256', 64, 'RFC 8812 §3.2'),
  { alg: 'EdDSA', family: 'EdDSA', title: 'EdDSA (Ed25519 or Ed448 key)', spec: 'RFC 8037 §3.1', key: { kty: 'OKP', crv: ['Ed25519', 'Ed448'] }, webCrypto: { name: 'Ed25519' }, recipe: eddsa(['Ed25519', 'Ed448']) },
  { alg: 'Ed25519', family: 'EdDSA', title: 'EdDSA using Ed25519', spec: 'RFC 9864 §2.2', key: { kty: 'OKP', crv: ['Ed25519'] }, signatureLength: 64, webCrypto: { name: 'Ed25519' }, recipe: eddsa(['Ed25519']) },
  { alg: 'Ed448', family: 'EdDSA', title: 'EdDSA using Ed448', spec: 'RFC 9864 §2.2', key: { kty: 'OKP', crv: ['Ed448'] }, signatureLength: 114, recipe: eddsa(['Ed448']) },
  mldsa(44, 2420),
  mldsa(65, 3309),
  mldsa(87, 4627),
]

export const ALGORITHMS: ReadonlyMap<string, Algorithm> = new Map(TABLE.map((a) => [a.alg, a]))

/** All algorithm names, in the order a picker lists them. */
export const ALGORITHM_NAMES: readonly string[] = TABLE.map((a) => a.alg)

export const algorithmOf = (alg: unknown): Algorithm | undefined =>
  typeof alg === 'string' ? ALGORITHMS.get(alg) : undefined

/** Says what kind of key this is, for messages: "an RSA 2048-bit key", "an EC P-256 key". */
export function describeShape(shape: KeyShape): string {
  switch (shape.kty) {
    case 'RSA':
      return `an RSA ${shape.bits}-bit key`
    case 'EC':
      return `an EC ${shape.crv} key`
    case 'OKP':
      return `an ${shape.crv} key`
    case 'AKP':
      return `an ${shape.alg} key`
  }
}

/** Says what the algorithm needs: "an EC P-256 key", "a shared secret". */
export function describeRequirement(requirement: KeyRequirement): string {
  switch (requirement.kty) {
    case 'none':
      return 'no key'
    case 'oct':
      return 'a shared secret'
    case 'RSA':
      return `an RSA key of at least ${requirement.minBits} bits`
    case 'EC':
      return `an EC ${requirement.crv} key`
    case 'OKP':
      return `an ${requirement.crv.join(' or ')} key`
    case 'AKP':
      return `an ${requirement.alg} key`
  }
}

/**
 * Whether an asymmetric key fits the algorithm; if not, a sentence naming both sides:
 * "ES256 needs an EC P-256 key; this is an RSA 2048-bit key".
 */
export function keyMismatch(algorithm: Algorithm, shape: KeyShape): string | undefined {
  return keyMismatchSentence(algorithm, shape)?.text
}

/** keyMismatch as a sentence, for the page to say in its language. */
export function keyMismatchSentence(algorithm: Algorithm, shape: KeyShape): Sentence | undefined {
  const need = algorithm.key
  const fits =
    // A short RSA key still fits, so it can be debugged; verify flags it (RFC 7518 §3.3).
    (need.kty === 'RSA' && shape.kty === 'RSA') ||
    (need.kty === 'EC' && shape.kty === 'EC' && shape.crv === need.crv) ||
    (need.kty === 'OKP' && shape.kty === 'OKP' && (need.crv as readonly string[]).includes(shape.crv)) ||
    (need.kty === 'AKP' && shape.kty === 'AKP' && shape.alg === need.alg)
  if (fits) return undefined
  const needs = say('key.requirement', { kty: need.kty, size: requirementSize(need) }, describeRequirement(need))
  const is = say('key.shape', { kty: shape.kty, size: shapeSize(shape) }, describeShape(shape))
  return say('key.mismatch', { alg: algorithm.alg, need: needs, shape: is }, `${algorithm.alg} needs ${needs.text}; this is ${is.text}`)
}

/** What sizes a requirement: RSA's minimum bits, the curve(s), the ML-DSA name; '' for none and oct. */
function requirementSize(need: KeyRequirement): string {
  switch (need.kty) {
    case 'RSA':
      return String(need.minBits)
    case 'EC':
      return need.crv
    case 'OKP':
      return need.crv.join(' or ')
    case 'AKP':
      return need.alg
    default:
      return ''
  }
}

const shapeSize = (shape: KeyShape): string => (shape.kty === 'RSA' ? String(shape.bits) : shape.kty === 'AKP' ? shape.alg : shape.crv)

/** Expected signature length for this algorithm and key, when it is fixed. */
export function expectedSignatureLength(algorithm: Algorithm, shape?: KeyShape): number | undefined {
  if (algorithm.signatureLength !== undefined) return algorithm.signatureLength
  if (shape?.kty === 'RSA') return Math.ceil(shape.bits / 8)
  if (shape?.kty === 'OKP') return shape.crv === 'Ed448' ? 114 : 64
  return undefined
}
