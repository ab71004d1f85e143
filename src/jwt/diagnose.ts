/**
 * Why a signature does not verify: the usual causes, each tried for real. A hypothesis is
 * reported only when making that one change makes the signature verify; the verdict itself never
 * changes. Each cause is its own function, so each can be tested alone.
 */
import { algorithmOf, expectedSignatureLength, type Algorithm } from './algorithms'
import { verifySignature } from './crypto'
import { decodeToken } from './decode'
import { decodeSecret, readKey, type KeyCandidate, type KeyInput, type SecretEncoding } from './keys'
import { encodeUtf8 } from './base64url'
import { say, type HypothesisCode, type Sentence, type SentenceParams } from './sentences'
import type { VerifyResult } from './verify'

export type Hypothesis = {
  readonly [C in HypothesisCode]: {
    /** Stable code, e.g. `diagnose.secret-encoding`. */
    readonly code: C
    /** What the message is built from, for its translation (src/i18n/core.ts). */
    readonly params: Readonly<SentenceParams[C]>
    /** "Would verify if the secret were read as base64url (32 bytes)". */
    readonly message: string
    /** A change the page can make for the user, when there is one. */
    readonly fix?: { readonly encoding?: SecretEncoding; readonly secret?: string }
  }
}[HypothesisCode]

export interface Diagnosis {
  readonly hypotheses: readonly Hypothesis[]
  /** Said when no usual cause applies. */
  readonly conclusion?: string
  /** The conclusion's code and params, for its translation. */
  readonly conclusionSentence?: Sentence
}

/** What each hypothesis needs: the token's parts as bytes, and the key as typed. */
interface Evidence {
  readonly algorithm: Algorithm
  readonly signingInput: Uint8Array
  readonly signature: Uint8Array
  readonly header: Record<string, unknown>
  readonly key: KeyInput
}

const ENCODING_NAMES: Record<SecretEncoding, string> = { utf8: 'UTF-8 text', base64url: 'base64url', base64: 'base64', hex: 'hex' }
const SECRET_ENCODINGS = Object.keys(ENCODING_NAMES) as SecretEncoding[]

/** Verifies with a candidate, treating any key error as "does not verify". */
async function holds(algorithm: Algorithm, candidate: KeyCandidate, signingInput: Uint8Array, signature: Uint8Array): Promise<boolean> {
  return verifySignature(algorithm, candidate, signingInput, signature).catch(() => false)
}

async function holdsWithSecret(evidence: Evidence, key: KeyInput): Promise<boolean> {
  const decoded = decodeSecret(key.text, key.encoding ?? 'utf8')
  if (!('bytes' in decoded) || decoded.bytes.length === 0) return false
  return holds(evidence.algorithm, { type: 'secret', bytes: decoded.bytes, origin: '' }, evidence.signingInput, evidence.signature)
}

/** HMAC: the same secret text read in another encoding (UTF-8 against base64url, base64, hex). */
export async function secretEncodingHypotheses(evidence: Evidence): Promise<Hypothesis[]> {
  if (evidence.algorithm.family !== 'HMAC') return []
  const found: Hypothesis[] = []
  // base64url text without '-' or '_' is also base64: the same bytes are reported once.
  const triedBytes = new Set<string>()
  for (const encoding of SECRET_ENCODINGS) {
    if (encoding === (evidence.key.encoding ?? 'utf8')) continue
    const decoded = decodeSecret(evidence.key.text, encoding)
    if (!('bytes' in decoded)) continue
    const fingerprint = decoded.bytes.join(',')
    if (triedBytes.has(fingerprint)) continue
    triedBytes.add(fingerprint)
    if (!(await holdsWithSecret(evidence, { ...evidence.key, encoding }))) continue
    const bytes = decoded.bytes.length
    found.push({ code: 'diagnose.secret-encoding', params: { encoding, bytes, from: evidence.key.encoding ?? 'utf8' }, message: `Would verify if the secret were read as ${ENCODING_NAMES[encoding]} (${bytes} bytes) instead of ${ENCODING_NAMES[evidence.key.encoding ?? 'utf8']}`, fix: { encoding } })
  }
  return found
}

/** HMAC: copy-paste artefacts around the secret: a trailing newline, spaces, quotes. */
export async function secretTextHypotheses(evidence: Evidence): Promise<Hypothesis[]> {
  if (evidence.algorithm.family !== 'HMAC') return []
  const text = evidence.key.text
  const variants: [string, string, SentenceParams['diagnose.secret-text']['how']][] = [
    [text.replace(/\r?\n$/, ''), 'without its trailing line break', 'trailing-newline'],
    [text.trim(), 'without the spaces or line breaks around it', 'surrounding-space'],
    [text.trim().replace(/^(["'`])(.*)\1$/s, '$2'), 'without the quotes around it', 'quotes'],
  ]
  const tried = new Set([text])
  for (const [secret, how, code] of variants) {
    if (tried.has(secret) || secret === '') continue
    tried.add(secret)
    if (await holdsWithSecret(evidence, { ...evidence.key, text: secret })) {
      return [{ code: 'diagnose.secret-text', params: { how: code }, message: `Would verify with the secret ${how}: a copy-paste artefact`, fix: { secret } }]
    }
  }
  return []
}

/** The key's asymmetric candidates that fit the algorithm family, for the hypotheses below. */
async function asymmetricCandidates(key: KeyInput) {
  const read = await readKey(key)
  return read.candidates.filter((c): c is Extract<KeyCandidate, { type: 'asymmetric' }> => c.type === 'asymmetric')
}

const RSA_TWINS: Record<string, string> = { RS256: 'PS256', RS384: 'PS384', RS512: 'PS512', PS256: 'RS256', PS384: 'RS384', PS512: 'RS512' }

/** RSA: the signature made with the other padding of the same key (RS256 against PS256). */
export async function rsaPaddingHypotheses(evidence: Evidence): Promise<Hypothesis[]> {
  const twin = algorithmOf(RSA_TWINS[evidence.algorithm.alg])
  if (!twin) return []
  for (const candidate of await asymmetricCandidates(evidence.key)) {
    if (candidate.shape.kty !== 'RSA') continue
    if (await holds(twin, candidate, evidence.signingInput, evidence.signature)) {
      const padding = twin.family === 'RSA-PSS' ? 'PSS' : 'PKCS#1 v1.5'
      return [{ code: 'diagnose.rsa-padding', params: { alg: twin.alg, padding, header: evidence.algorithm.alg }, message: `Would verify as ${twin.alg}: the signer used ${padding} padding while the header says ${evidence.algorithm.alg}` }]
    }
  }
  return []
}

/** Reads a DER ECDSA-Sig-Value (SEQUENCE of two INTEGERs, RFC 3279 §2.2.3) as raw R || S. */
export function derToRaw(signature: Uint8Array, size: number): Uint8Array | undefined {
  const integers: Uint8Array[] = []
  if (signature[0] !== 0x30) return undefined
  let at = signature[1]! & 0x80 ? 2 + (signature[1]! & 0x7f) : 2
  while (at < signature.length && integers.length < 2) {
    if (signature[at] !== 0x02) return undefined
    const length = signature[at + 1]!
    let value = signature.subarray(at + 2, at + 2 + length)
    while (value.length > size && value[0] === 0) value = value.subarray(1)
    if (value.length > size) return undefined
    integers.push(value)
    at += 2 + length
  }
  if (integers.length !== 2 || at !== signature.length) return undefined
  const raw = new Uint8Array(size * 2)
  raw.set(integers[0]!, size - integers[0]!.length)
  raw.set(integers[1]!, size * 2 - integers[1]!.length)
  return raw
}

/** ECDSA: a DER signature (what OpenSSL and Java produce by default) instead of raw R || S. */
export async function ecdsaDerHypotheses(evidence: Evidence): Promise<Hypothesis[]> {
  const length = expectedSignatureLength(evidence.algorithm)
  if (evidence.algorithm.family !== 'ECDSA' || !length) return []
  const raw = derToRaw(evidence.signature, length / 2)
  if (!raw) return []
  for (const candidate of await asymmetricCandidates(evidence.key)) {
    if (await holds(evidence.algorithm, candidate, evidence.signingInput, raw)) {
      return [{ code: 'diagnose.ecdsa-der', params: {}, message: 'Would verify if the signature were converted from DER to raw R || S (RFC 7518 §3.4): the signer wrote DER, as OpenSSL and Java do by default' }]
    }
  }
  return []
}

/** JWKS: a key other than the one the token's kid names verifies. */
export async function otherKidHypotheses(evidence: Evidence): Promise<Hypothesis[]> {
  const kid = evidence.header.kid
  if (typeof kid !== 'string') return []
  for (const candidate of await asymmetricCandidates(evidence.key)) {
    if (candidate.jwk.kid === kid) continue
    if (await holds(evidence.algorithm, candidate, evidence.signingInput, evidence.signature)) {
      return [{ code: 'diagnose.other-kid', params: { key: candidate.originSentence ?? candidate.origin, kid }, message: `Would verify with ${candidate.origin}, not with the key the token's kid "${kid}" names` }]
    }
  }
  return []
}

const HYPOTHESES = [secretEncodingHypotheses, secretTextHypotheses, rsaPaddingHypotheses, ecdsaDerHypotheses, otherKidHypotheses]

/** Signature problems worth explaining; a missing key or a broken token is said by the verdict. */
const DIAGNOSED = new Set(['verify.bad-signature', 'verify.der-signature', 'verify.signature-length'])

type Members = Readonly<Record<string, unknown>>
const membersOf = (value: unknown): Members => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Members) : {})

/** Member names added, removed or changed between two JSON objects, in the order they appear. */
export function changedMembers(before: unknown, after: unknown): string[] {
  const [a, b] = [membersOf(before), membersOf(after)]
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return names.filter((name) => !(name in a) || !(name in b) || JSON.stringify(a[name]) !== JSON.stringify(b[name]))
}

/**
 * The token verified, with this same key, before it was edited in the page: the signature is still
 * the one made for the earlier text. Says which members of the header and payload changed.
 */
export function editedSinceVerified(verifiedToken: string, token: string): Hypothesis | undefined {
  if (verifiedToken === token) return undefined
  const [before, after] = [decodeToken(verifiedToken), decodeToken(token)]
  // Only the same signature over other text is an edit; a new signature is another token.
  if (before.segments[2]?.text !== after.segments[2]?.text) return undefined
  const value = (decoded: typeof before, part: 'header' | 'payload') => (part === 'header' ? decoded.header?.value : decoded.payload?.kind === 'json' ? decoded.payload.value : undefined)
  const [header, payload] = (['header', 'payload'] as const).map((part) => changedMembers(value(before, part), value(after, part)).join(', '))
  const changes = [header && `in the header: ${header}`, payload && `in the payload: ${payload}`].filter(Boolean)
  const what = changes.length > 0 ? `Changed ${changes.join('; ')}` : 'The JSON is the same, but its text (spacing or order) changed'
  return { code: 'diagnose.edited', params: { header: header!, payload: payload! }, message: `Verified with this key before it was edited here, and the signature is still the one made for the earlier text. ${what}. Re-sign it with the signing key, or undo the edit` }
}

/** Tries each usual cause of a failed verification. Never rejects. */
export async function diagnose(token: string, key: KeyInput, result: VerifyResult, context: { readonly verifiedToken?: string } = {}): Promise<Diagnosis> {
  if (result.valid || !result.code || !DIAGNOSED.has(result.code)) return { hypotheses: [] }
  const edited = context.verifiedToken === undefined ? undefined : editedSinceVerified(context.verifiedToken, token)
  if (edited) return { hypotheses: [edited] }
  const decoded = decodeToken(token)
  const algorithm = algorithmOf(decoded.alg)
  const [header, payload] = decoded.segments
  if (!algorithm || !header || !payload) return { hypotheses: [] }
  const evidence: Evidence = {
    algorithm,
    signingInput: encodeUtf8(`${header.text}.${payload.text}`),
    signature: decoded.signature ?? new Uint8Array(),
    header: typeof decoded.header?.value === 'object' && decoded.header.value !== null ? (decoded.header.value as Record<string, unknown>) : {},
    key,
  }
  const found = (await Promise.all(HYPOTHESES.map((hypothesis) => hypothesis(evidence).catch(() => [])))).flat()
  if (found.length > 0) return { hypotheses: found }
  const conclusion = 'None of the usual causes applies: the key is not the one that signed this token, or the token was changed after it was signed.'
  return { hypotheses: [], conclusion, conclusionSentence: say('diagnose.no-cause', {}, conclusion) }
}
