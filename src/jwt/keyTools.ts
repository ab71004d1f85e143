/**
 * The key workbench's core: say what pasted key text is and what it can sign, convert it between
 * JWK (RFC 7517) and PEM (RFC 7468), take its public half, name it by its RFC 7638 thumbprint,
 * and gather public keys into a JWK set. No React; PEM and DER code load only when needed.
 */
import { calculateJwkThumbprint, type JWK } from 'jose'
import { ALGORITHMS, algorithmOf, keyMismatch, type Algorithm } from './algorithms'
import { encodeBase64url } from './base64url'
import { exportPem } from './generate'
import { CONTAINER_NAMES, describeKey, publicPart, readJwk, readKey, type AsymmetricCandidate, type KeyCandidate, type KeyInput, type KeyRead } from './keys'
import type { PemCertificate, PemContainer } from './pem'
import type { Jwk, Problem } from './types'
import { pemModule } from './modules'

/** An algorithm a key fits, with a caution when the key fits but is weaker than the RFC asks. */
export interface FittingAlgorithm {
  readonly alg: string
  readonly caution?: string
}

export type CertificateValidity = 'valid' | 'not yet valid' | 'expired'

export interface CertificateDetails extends PemCertificate {
  /** Against the `now` given to describeKeyText (RFC 5280 §4.1.2.5: both dates inclusive). */
  readonly validity: CertificateValidity
}

export interface KeyDetails {
  readonly candidate: KeyCandidate
  /** "RSA 2048-bit public key, SPKI PEM", "shared secret, 32 bytes" */
  readonly description: string
  readonly kind: 'secret' | 'RSA' | 'EC' | 'OKP' | 'AKP'
  /** "2048 bits", "P-256", "Ed25519", "ML-DSA-44", "32 bytes (256 bits)" */
  readonly size: string
  readonly half: 'public' | 'private' | 'secret'
  /** How the key was written: "SPKI PEM", "X.509 certificate", "JWK", "JWK set", "UTF-8 text" */
  readonly container: string
  /** Where in the text it is: "the PEM you pasted", "key 2 of 3 in the JWKS (kid a1)" */
  readonly origin: string
  readonly kid?: string
  readonly algorithms: readonly FittingAlgorithm[]
  readonly certificate?: CertificateDetails
}

export interface KeyDescription {
  readonly format: KeyRead['format']
  /** One line: "RSA 2048-bit public key, SPKI PEM", "JWK set of 3 keys: kid a1 (RS256), …" */
  readonly summary: string
  readonly keys: readonly KeyDetails[]
  readonly problems: readonly Problem[]
}

const SECRET_CONTAINERS = { utf8: 'UTF-8 text', base64url: 'base64url text', base64: 'base64 text', hex: 'hex text' } as const

/** Says what the key text holds, key by key. Never rejects: bad text gives problems. */
export async function describeKeyText(input: KeyInput, options: { now?: Date } = {}): Promise<KeyDescription> {
  const read = await readKey(input)
  const now = options.now ?? new Date()
  const pemKeys = read.format === 'pem' && read.candidates.length > 0 ? await pemDetails(input.text, read.candidates.length) : []
  const keys = read.candidates.map((candidate, i): KeyDetails => {
    const fromPem = pemKeys[i]
    const container =
      candidate.type === 'secret'
        ? read.format === 'secret'
          ? SECRET_CONTAINERS[input.encoding ?? 'utf8']
          : read.format === 'jwks' ? 'JWK set' : 'JWK'
        : fromPem
          ? CONTAINER_NAMES[fromPem.container]
          : read.format === 'jwks' ? 'JWK set' : 'JWK'
    const certificate = fromPem?.certificate && { ...fromPem.certificate, validity: validityOf(fromPem.certificate, now) }
    return { ...basics(candidate), container, algorithms: fittingAlgorithms(candidate), ...(certificate && { certificate }) }
  })
  return { format: read.format, summary: read.summary, keys, problems: read.problems }
}

/** readKey keeps one candidate per PEM key, in order; the PEM reader adds where each came from. */
async function pemDetails(text: string, count: number): Promise<readonly { container: PemContainer; certificate?: PemCertificate }[]> {
  const { readPem } = pemModule.ready ?? (await pemModule.load())
  const { keys } = await readPem(text)
  return keys.length === count ? keys : []
}

function basics(candidate: KeyCandidate): Omit<KeyDetails, 'container' | 'algorithms' | 'certificate'> {
  if (candidate.type === 'secret') {
    const size = `${candidate.bytes.length} bytes (${candidate.bytes.length * 8} bits)`
    return { candidate, description: `shared secret, ${candidate.bytes.length} bytes`, kind: 'secret', size, half: 'secret', origin: candidate.origin }
  }
  const { shape, jwk } = candidate
  const size = shape.kty === 'RSA' ? `${shape.bits} bits` : shape.kty === 'AKP' ? shape.alg : shape.crv
  const half = candidate.isPrivate ? 'private' : 'public'
  return { candidate, description: candidate.description, kind: shape.kty, size, half, origin: candidate.origin, ...(jwk.kid !== undefined && { kid: jwk.kid }) }
}

function validityOf({ notBefore, notAfter }: PemCertificate, now: Date): CertificateValidity {
  if (now < notBefore) return 'not yet valid'
  return now > notAfter ? 'expired' : 'valid'
}

/** Every algorithm of the table the key fits, read from its key column (never a list per alg). */
export function fittingAlgorithms(candidate: KeyCandidate): FittingAlgorithm[] {
  return [...ALGORITHMS.values()].flatMap((algorithm): FittingAlgorithm[] => {
    if (candidate.type === 'secret') {
      if (algorithm.key.kty !== 'oct') return []
      const need = algorithm.signatureLength ?? 0
      // RFC 7518 §3.2: a key of the same size as the hash output or larger MUST be used.
      const caution = candidate.bytes.length < need ? `${algorithm.alg} wants at least ${need} bytes (RFC 7518 §3.2)` : undefined
      return [{ alg: algorithm.alg, ...(caution && { caution }) }]
    }
    if (keyMismatch(algorithm, candidate.shape) !== undefined) return []
    return [{ alg: algorithm.alg, ...rsaCaution(algorithm, candidate) }]
  })
}

function rsaCaution(algorithm: Algorithm, { shape }: AsymmetricCandidate): { caution?: string } {
  if (algorithm.key.kty !== 'RSA' || shape.kty !== 'RSA' || shape.bits >= algorithm.key.minBits) return {}
  // RFC 7518 §3.3, §3.5: "A key of size 2048 bits or larger MUST be used"; it still verifies here.
  return { caution: `${algorithm.alg} wants at least ${algorithm.key.minBits} bits (${algorithm.spec})` }
}

// --- Conversions ------------------------------------------------------------------------------

export interface JwkOptions {
  /** A kid to set: the RFC 7638 thumbprint, or a string of one's own. */
  readonly kid?: 'thumbprint' | string
  /** RFC 7517 §4.4; must be an algorithm the key fits. */
  readonly alg?: string
  /** RFC 7517 §4.2: "sig" for signing keys, "enc" for encryption keys. */
  readonly use?: 'sig' | 'enc'
}

/**
 * The key as a JWK: a shared secret as kty oct (RFC 7518 §6.4), a private key with its private
 * members. Throws TypeError for an `alg` the key does not fit (the caller offers only fitting ones).
 */
export async function toJwk(candidate: KeyCandidate, options: JwkOptions = {}): Promise<Jwk> {
  const jwk: Jwk = candidate.type === 'secret' ? { kty: 'oct', k: encodeBase64url(candidate.bytes) } : candidate.jwk
  if (options.alg !== undefined && !fittingAlgorithms(candidate).some((a) => a.alg === options.alg)) {
    const algorithm = algorithmOf(options.alg)
    const why = algorithm && candidate.type === 'asymmetric' ? keyMismatch(algorithm, candidate.shape) : `${options.alg} does not fit ${candidate.type === 'secret' ? 'a shared secret' : candidate.description}`
    throw new TypeError(`cannot set alg: ${why}`)
  }
  const { kty, kid: oldKid, use: oldUse, alg: oldAlg, ...material } = jwk
  const kid = options.kid === 'thumbprint' ? await thumbprint(jwk) : options.kid || oldKid
  const use = options.use ?? oldUse
  const alg = options.alg ?? oldAlg
  // kty first, then what names the key and its use (RFC 7517 §4), then the key material.
  return { kty, ...(kid !== undefined && { kid }), ...(use !== undefined && { use }), ...(alg !== undefined && { alg }), ...material }
}

/**
 * The key as PEM: SPKI for 'public', PKCS#8 for 'private' (the forms jose and OpenSSL import).
 * Throws TypeError for a shared secret, or for 'private' when the key is public.
 */
export async function toPem(candidate: KeyCandidate, which: 'public' | 'private'): Promise<string> {
  if (candidate.type === 'secret') throw new TypeError('a shared secret has no PEM form: PEM holds public and private keys')
  if (which === 'private' && !candidate.isPrivate) throw new TypeError(`cannot write a private key: this is ${candidate.description}`)
  return exportPem(candidate.jwk, which)
}

/** The public half of a private key (a public key is returned as it is). Throws TypeError for a shared secret. */
export function toPublic(candidate: KeyCandidate): AsymmetricCandidate {
  if (candidate.type === 'secret') throw new TypeError('a shared secret has no public half')
  if (!candidate.isPrivate) return candidate
  return { ...candidate, jwk: publicPart(candidate.jwk), isPrivate: false, origin: `the public half of ${candidate.origin}`, description: describeKey(candidate.shape, false) }
}

/**
 * RFC 7638 §3: base64url(SHA-256) of the required members in lexicographic order, without
 * whitespace. §3.2 lists them per kty (RSA: e, kty, n; EC: crv, kty, x, y; oct: k, kty; RFC 8037
 * §2 OKP: crv, kty, x); for AKP, jose (like the ML-DSA draft) uses alg, kty, pub. A private key
 * has the same thumbprint as its public key, since private members are never included.
 */
export function thumbprint(jwk: Jwk): Promise<string> {
  return calculateJwkThumbprint(jwk as JWK, 'sha256')
}

export interface JwkSetResult {
  /** RFC 7517 §5: `{ "keys": [...] }` */
  readonly jwks: { readonly keys: readonly Jwk[] }
  /** Pretty JSON of the set, ready to publish. */
  readonly text: string
  /** Each key left out, and why. */
  readonly messages: readonly string[]
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'] as const

/**
 * A JWK set for verifiers: public keys only (a private or secret key is refused, with a message),
 * each key once (by RFC 7638 thumbprint), and unreadable keys left out with the reason.
 */
export async function buildJwks(jwks: readonly Jwk[]): Promise<JwkSetResult> {
  const keys: Jwk[] = []
  const messages: string[] = []
  const seen = new Map<string, number>()
  for (const [i, jwk] of jwks.entries()) {
    const name = `Key ${i + 1}`
    const refusal = refuse(jwk)
    if (refusal) {
      messages.push(`${name} ${refusal}, so it was left out`)
      continue
    }
    const read = readJwk(jwk, name)
    if (!read.candidate) {
      messages.push(`${name} was left out: ${read.problems[0]?.message ?? 'it is not a key this page reads'}`)
      continue
    }
    const print = await thumbprint(jwk)
    const first = seen.get(print)
    if (first !== undefined) {
      messages.push(`${name} is the same key as key ${first + 1} (same RFC 7638 thumbprint), so it was left out`)
      continue
    }
    seen.set(print, i)
    keys.push(publicPart(jwk))
  }
  const set = { keys }
  return { jwks: set, text: `${JSON.stringify(set, null, 2)}\n`, messages }
}

function refuse(jwk: Jwk): string | undefined {
  // RFC 7517 §9.2: a published set is public, so a secret or private key in it is disclosed.
  if (jwk.kty === 'oct') return 'is a shared secret (kty oct), which must never be published in a JWK set'
  const found = PRIVATE_MEMBERS.filter((member) => jwk[member] !== undefined)
  if (found.length > 0) return `is a private key (it has ${found.map((m) => `"${m}"`).join(', ')}); publish only its public key`
  return undefined
}
