/**
 * explainSignature: the signature of a JWS taken apart for a learner. The signing input and its
 * parts, the algorithm's recipe (read from the algorithm table), the signature's bytes, and for an
 * HMAC token the signature the given secret makes. Never rejects: what cannot be shown is a problem.
 */
import { algorithmOf, expectedSignatureLength, type Algorithm, type AlgorithmFamily, type HashName, type Recipe } from './algorithms'
import { encodeBase64url, encodeUtf8 } from './base64url'
import { createSignature } from './crypto'
import { decodeToken, type DecodedToken } from './decode'
import { describeKey, readKey, type AsymmetricCandidate, type KeyInput, type KeyRead, type SecretCandidate, type SecretEncoding } from './keys'
import type { Part, Problem, Range, Severity } from './types'
import { keyMisfit } from './verify'

/** RFC 7515 §5.2: ASCII(BASE64URL(UTF8(JWS Protected Header)) || '.' || BASE64URL(JWS Payload)). */
export interface SigningInput {
  /** The exact text that is signed: the token's first two parts as they are, with their dot. */
  readonly text: string
  /** The octets the algorithm runs over (ASCII for a well-formed token). */
  readonly bytes: Uint8Array
  /** Ranges in `text`, to colour the signing input the way the token is coloured. */
  readonly header: Range
  readonly dot: Range
  readonly payload: Range
  /** Where the signing input sits in the pasted text. */
  readonly tokenRange: Range
}

/** How a shared secret's text became the HMAC key: an encoding of the text, or a JWK's `k`. */
export type SecretReading = SecretEncoding | 'jwk'

/** The algorithm's recipe as data (the table's columns) and as one English line. */
export interface RecipeStep extends Recipe {
  readonly alg: string
  readonly family: AlgorithmFamily
  readonly hash?: HashName
  readonly spec: string
  /** HMAC: how the secret is read. */
  readonly secretReading?: SecretReading
  /** "HMAC with SHA-256 over the signing input, keyed with the secret's UTF-8 bytes (RFC 7518 §3.2)" */
  readonly line: string
}

/** The token's own signature. */
export interface SignatureBytes {
  /** The signature part as it appears in the token. */
  readonly base64url: string
  readonly bytes: Uint8Array
  /** Lowercase, two digits a byte, no separators. */
  readonly hex: string
  readonly length: number
  /** What the algorithm makes (RSA: with the key given); undefined when not fixed or unknown. */
  readonly expectedLength?: number
  /** ECDSA: the signature is R || S (RFC 7518 §3.4); present when the length is right. */
  readonly halves?: { readonly r: string; readonly s: string }
}

/** HMAC: the signature the given secret makes over the signing input, to set beside the token's. */
export interface SecretSignature {
  readonly bytes: Uint8Array
  readonly hex: string
  readonly base64url: string
  /** The same bytes as the token's signature. */
  readonly matches: boolean
  /** "the secret you typed, as UTF-8, 32 bytes" */
  readonly keyOrigin: string
}

export interface SignatureSteps {
  readonly alg?: string
  readonly signingInput?: SigningInput
  readonly recipe?: RecipeStep
  readonly signature?: SignatureBytes
  readonly secretSignature?: SecretSignature
  /**
   * Why a step is missing or odd: decodeToken's problems with the token's structure and its
   * signature part, then those of the explanation and the key. Ranges are in the pasted text.
   */
  readonly problems: readonly Problem[]
}

const problem = (code: string, severity: Severity, part: Part, range: Range, message: string): Problem => ({ code, severity, part, offset: range[0], range, message })

/** Explains the signature of a token (text, or already decoded) with an optional key. Never rejects. */
export async function explainSignature(token: string | DecodedToken, key?: KeyInput): Promise<SignatureSteps> {
  try {
    return await explain(typeof token === 'string' ? decodeToken(token) : token, key)
  } catch (error) {
    // A bug of ours, not the input's: still a result.
    const message = `The signature could not be explained: ${error instanceof Error ? error.message : String(error)}`
    return { problems: [problem('steps.internal', 'error', 'token', [0, 0], message)] }
  }
}

async function explain(decoded: DecodedToken, key: KeyInput | undefined): Promise<SignatureSteps> {
  const { alg, segments } = decoded
  const problems: Problem[] = decoded.problems.filter((p) => (p.part === 'token' && p.severity === 'error') || p.part === 'signature')
  if (segments.length === 0) {
    if (problems.length === 0) problems.push(problem('steps.no-token', 'info', 'token', decoded.tokenRange, 'Paste a token to see how its signature is made'))
    return { problems }
  }
  if (decoded.kind === 'jwe') {
    problems.unshift(problem('steps.jwe', 'info', 'token', decoded.tokenRange, 'This is an encrypted token (JWE, RFC 7516): it has no JWS signature; its integrity comes from the authentication tag'))
    return { alg, problems }
  }

  const signingInput = signingInputOf(decoded)
  if (!signingInput) problems.push(problem('steps.no-signing-input', 'error', 'token', decoded.tokenRange, 'The token has no dot, so there is no signing input: a JWS is header.payload.signature (RFC 7515 §7.1)'))
  const algorithm = algorithmOf(alg)
  const headerRange = segments[0]!.range
  if (alg === undefined) {
    problems.push(problem('steps.no-alg', 'error', 'header', headerRange, 'The header names no algorithm (a string "alg", RFC 7515 §4.1.1), so the recipe of the signature is unknown'))
  } else if (!algorithm) {
    problems.push(problem('steps.unknown-alg', 'error', 'header', headerRange, `The header's alg ${JSON.stringify(alg)} is not a JWS algorithm this page knows, so the recipe of the signature is unknown`))
  }

  const read = algorithm && algorithm.recipe.key !== 'none' && key && key.text.trim() !== '' ? await readKey(key) : undefined
  const keyFit: KeyFit = algorithm && read ? fittingKeys(algorithm, read, problems) : { secrets: [] }
  const recipe = algorithm ? recipeStep(algorithm, keyFit.asymmetric, secretReadingOf(key, read)) : undefined

  const signatureSegment = segments[2]
  const signature = decoded.signature && signatureSegment ? signatureBytes(signatureSegment.text, decoded.signature, algorithm, keyFit.asymmetric) : undefined
  if (!signatureSegment && signingInput) {
    problems.push(problem('steps.no-signature', 'error', 'signature', [decoded.tokenRange[1], decoded.tokenRange[1]], 'The token ends after the payload: the signature part (after a second dot) is missing'))
  }
  if (signature && signatureSegment) {
    const lengthProblem = signatureLengthProblem(algorithm, signature, signatureSegment.range, keyFit.asymmetric !== undefined)
    if (lengthProblem) problems.push(lengthProblem)
  }

  let secretSignature: SecretSignature | undefined
  if (algorithm?.recipe.key === 'secret' && signingInput) {
    if (!read) problems.push(problem('steps.no-secret', 'info', 'key', [0, 0], `Enter the secret to see the signature it makes over the signing input with ${algorithm.alg}`))
    else secretSignature = await signWithSecrets(algorithm, keyFit.secrets, signingInput.bytes, signature?.bytes, problems)
  }
  return { alg, signingInput, recipe, signature, secretSignature, problems }
}

function signingInputOf(decoded: DecodedToken): SigningInput | undefined {
  const [header, payload] = decoded.segments
  if (!header || !payload) return undefined
  // RFC 7515 §5.2 signs the parts as they are written (RFC 7797 §3: with "b64": false, the
  // payload as is), so the text is taken from the token, never re-encoded.
  const text = `${header.text}.${payload.text}`
  const h = header.text.length
  return { text, bytes: encodeUtf8(text), header: [0, h], dot: [h, h + 1], payload: [h + 1, text.length], tokenRange: [header.range[0], payload.range[1]] }
}

interface KeyFit {
  /** The first asymmetric key that fits: it names the curve and fixes an RSA signature's length. */
  readonly asymmetric?: AsymmetricCandidate
  readonly secrets: readonly SecretCandidate[]
}

/** The key's candidates that serve the algorithm; when none does, a problem saying why. */
function fittingKeys(algorithm: Algorithm, read: KeyRead, problems: Problem[]): KeyFit {
  problems.push(...read.problems)
  const fitting = read.candidates.filter((c) => keyMisfit(algorithm, c, 'verify') === undefined)
  const first = read.candidates[0]
  if (fitting.length === 0 && first) problems.push(problem('steps.key-mismatch', 'warning', 'key', [0, 0], keyMisfit(algorithm, first, 'verify')!))
  return {
    asymmetric: fitting.find((c): c is AsymmetricCandidate => c.type === 'asymmetric'),
    secrets: fitting.filter((c): c is SecretCandidate => c.type === 'secret'),
  }
}

function secretReadingOf(key: KeyInput | undefined, read: KeyRead | undefined): SecretReading {
  return read?.format === 'jwk' || read?.format === 'jwks' ? 'jwk' : (key?.encoding ?? 'utf8')
}

/** What HMAC is keyed with, by how the secret is read (keys.ts decodeSecret; a JWK's k, RFC 7518 §6.4.1). */
const SECRET_BYTES: Record<SecretReading, string> = {
  utf8: "the secret's UTF-8 bytes",
  base64url: "the bytes the secret's base64url text decodes to",
  base64: "the bytes the secret's base64 text decodes to",
  hex: "the bytes the secret's hex digits spell",
  jwk: 'the bytes of the JWK\'s "k" member, base64url-decoded',
}

/** The recipe, narrowed by the key when one fits (an Ed448 key makes EdDSA Ed448), and its line. */
function recipeStep(algorithm: Algorithm, key: AsymmetricCandidate | undefined, secretReading: SecretReading): RecipeStep {
  const { recipe } = algorithm
  const keyCurve = key && 'crv' in key.shape ? key.shape.crv : undefined
  const curves = keyCurve !== undefined && recipe.curves?.includes(keyCurve) ? [keyCurve] : recipe.curves
  const step = { ...recipe, ...(curves && { curves }), alg: algorithm.alg, family: algorithm.family, ...(algorithm.hash && { hash: algorithm.hash }), spec: algorithm.spec }
  const publicKey = key ? describeKey(key.shape, false) : `${recipe.publicKey} public key`
  const isSecret = recipe.key === 'secret'
  return { ...step, ...(isSecret && { secretReading }), line: recipeLine(algorithm, step, isSecret ? `keyed with ${SECRET_BYTES[secretReading]}` : `checked with the ${publicKey}`) }
}

/** One sentence, built from the columns present; no column names an algorithm. */
function recipeLine(algorithm: Algorithm, recipe: Recipe, keying: string): string {
  // RFC 7518 §3.6: an unsecured JWS has no recipe; its signature is the empty string.
  if (recipe.key === 'none') return `${algorithm.title}: the signature part is empty (${algorithm.spec})`
  const using = [recipe.curves?.join(' or '), algorithm.hash, recipe.mgf].filter((part) => part !== undefined)
  const scheme = using.length > 0 ? `${recipe.scheme} with ${using.join(' and ')}` : recipe.scheme
  const salt = recipe.saltLength !== undefined ? `, salt ${recipe.saltLength} bytes,` : ''
  const layout = recipe.halfLength !== undefined ? `; the signature is R || S, ${recipe.halfLength} bytes each` : ''
  return `${scheme}${salt} over the signing input, ${keying}${layout} (${algorithm.spec})`
}

function signatureBytes(text: string, bytes: Uint8Array, algorithm: Algorithm | undefined, key: AsymmetricCandidate | undefined): SignatureBytes {
  const expectedLength = algorithm ? expectedSignatureLength(algorithm, key?.shape) : undefined
  const half = algorithm?.recipe.halfLength
  // RFC 7518 §3.4: ECDSA signatures are R || S, each as long as the curve's order, not DER.
  const halves = half !== undefined && bytes.length === half * 2 ? { r: toHex(bytes.subarray(0, half)), s: toHex(bytes.subarray(half)) } : undefined
  return { base64url: text, bytes, hex: toHex(bytes), length: bytes.length, ...(expectedLength !== undefined && { expectedLength }), ...(halves && { halves }) }
}

function signatureLengthProblem(algorithm: Algorithm | undefined, signature: SignatureBytes, range: Range, withKey: boolean): Problem | undefined {
  const expected = signature.expectedLength
  // An empty signature, or one on an unsecured token, is already reported by decodeToken.
  if (!algorithm || expected === undefined || expected === 0 || signature.length === 0 || signature.length === expected) return undefined
  const maker = withKey ? `${algorithm.alg} with this key makes` : `${algorithm.alg} makes`
  const hint = signature.length < expected ? '; it may have been cut off when copied' : ''
  return problem('steps.signature-length', 'error', 'signature', range, `The signature is ${signature.length} bytes, but ${maker} ${expected}-byte signatures${hint}`)
}

/** Signs with each secret the key holds (a JWK set may hold several); the one that matches, else the first. */
async function signWithSecrets(algorithm: Algorithm, secrets: readonly SecretCandidate[], signingInput: Uint8Array, tokenSignature: Uint8Array | undefined, problems: Problem[]): Promise<SecretSignature | undefined> {
  let first: SecretSignature | undefined
  for (const secret of secrets) {
    let bytes: Uint8Array
    try {
      // The same WebCrypto HMAC that signToken uses (RFC 7518 §3.2).
      bytes = await createSignature(algorithm, secret, signingInput)
    } catch (error) {
      const why = secret.bytes.length === 0 ? 'the secret is empty' : error instanceof Error ? error.message : String(error)
      problems.push(problem('steps.secret-unusable', 'warning', 'key', [0, 0], `The secret cannot key ${algorithm.alg}: ${why}`))
      continue
    }
    const computed = { bytes, hex: toHex(bytes), base64url: encodeBase64url(bytes), matches: tokenSignature !== undefined && sameBytes(bytes, tokenSignature), keyOrigin: secret.origin }
    if (computed.matches) return computed
    first ??= computed
  }
  return first
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i])

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += HEX[byte]!
  return out
}
