/** Shared shapes of the core. Everything here is plain data: no classes, no React. */
import type { Sentence } from './sentences'

/** A half-open range [start, end) of UTF-16 code units in some text. */
export type Range = readonly [start: number, end: number]

/** Where in the user's input a problem sits. */
export type Part =
  | 'token'
  | 'header'
  | 'payload'
  | 'signature'
  | 'encryptedKey'
  | 'iv'
  | 'ciphertext'
  | 'tag'
  | 'key'
  | 'claims'

export type Severity = 'error' | 'warning' | 'info'

/**
 * A problem the core found. `offset`/`range` are character offsets in the text the caller passed
 * (the pasted token, or the key text), so the UI can mark the exact characters.
 */
export interface Problem {
  /** Stable code, `part.kind`, e.g. `payload.duplicate-member`; the UI keys translations by it. */
  readonly code: string
  readonly severity: Severity
  readonly part: Part
  readonly offset: number
  readonly range: Range
  /** A plain sentence naming what was expected and what was found. */
  readonly message: string
  /** The message as a code and params, for the page to say in its language (src/i18n/core.ts). */
  readonly sentence?: Sentence
  /** For problems inside decoded JSON: the range in the decoded JSON text itself. */
  readonly jsonRange?: Range
}

/** A JSON Web Key as plain data (RFC 7517), including the AKP type used for ML-DSA. */
export interface Jwk {
  kty: string
  kid?: string
  alg?: string
  use?: string
  key_ops?: string[]
  crv?: string
  // RSA (RFC 7518 §6.3)
  n?: string
  e?: string
  p?: string
  q?: string
  dp?: string
  dq?: string
  qi?: string
  // EC and OKP (RFC 7518 §6.2, RFC 8037 §2)
  x?: string
  y?: string
  d?: string
  // oct (RFC 7518 §6.4)
  k?: string
  // AKP (ML-DSA, draft-ietf-cose-dilithium): public key and 32-byte seed
  pub?: string
  priv?: string
  x5c?: string[]
  [member: string]: unknown
}

/** The kind and size of an asymmetric key: enough to say which algorithms it fits. */
export type KeyShape =
  | { readonly kty: 'RSA'; readonly bits: number }
  | { readonly kty: 'EC'; readonly crv: 'P-256' | 'P-384' | 'P-521' | 'secp256k1' }
  | { readonly kty: 'OKP'; readonly crv: 'Ed25519' | 'Ed448' | 'X25519' | 'X448' }
  | { readonly kty: 'AKP'; readonly alg: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87' }
