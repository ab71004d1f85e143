/**
 * verifyToken: does the signature hold under this key, which key made it hold, and if not, why.
 * Never rejects: every failure is a result with a reason.
 */
import { algorithmOf, describeRequirement, expectedSignatureLength, keyMismatch, keyMismatchSentence, type Algorithm } from './algorithms'
import { encodeUtf8 } from './base64url'
import { validateClaims, type ClaimOptions, type ClaimsResult } from './claims'
import { verifySignature } from './crypto'
import { decodeToken, isObject, type DecodedToken } from './decode'
import { describeKey, looksLikePublicKey, readJwk, readKey, type AsymmetricCandidate, type KeyCandidate, type KeyInput, type KeyRead } from './keys'
import { say, type SecretLookalike, type Sentence } from './sentences'
import type { Problem } from './types'

export interface VerifyOptions {
  /** Algorithms to accept (like PyJWT's `algorithms=`); any known one by default. */
  readonly algorithms?: readonly string[]
  /** When given, claims are validated too and the result carries them. */
  readonly claims?: ClaimOptions
  /**
   * Verify with a key carried in the token's own `jwk` header when no key is given. Proves
   * nothing about who signed the token, and the result says so.
   */
  readonly useEmbeddedKey?: boolean
}

export interface KeyUsed {
  /** Where the key came from: "the secret you typed, as UTF-8, 32 bytes". */
  readonly origin: string
  readonly description: string
  /** origin and description as codes and params, for their translation. */
  readonly originSentence?: Sentence
  readonly descriptionSentence?: Sentence
  readonly kid?: string
  /** The key came from the token itself: a valid signature proves nothing about the sender. */
  readonly embedded?: boolean
}

export interface VerifyResult {
  /** The signature is valid under the key. Claims are reported apart, in `claims`. */
  readonly valid: boolean
  readonly alg?: string
  /** Why not valid, or a caution that stands beside a valid result. */
  readonly reason?: string
  /** Stable code for the reason, e.g. `verify.key-mismatch`. */
  readonly code?: string
  /** The reason's own code and params, for its translation (finer than `code`: a key mismatch has several). */
  readonly reasonSentence?: Sentence
  readonly keyUsed?: KeyUsed
  readonly claims?: ClaimsResult
  /** Problems reading the key, and warnings about it (a short HMAC secret). */
  readonly keyProblems: readonly Problem[]
}

/** A failed verdict; the reason is a sentence, or English only when it is someone else's (keyMismatch's). */
const fail = (code: string, reason: Sentence | string, extra: Partial<VerifyResult> = {}): VerifyResult =>
  typeof reason === 'string' ? { valid: false, code, reason, keyProblems: [], ...extra } : { valid: false, code, reason: reason.text, reasonSentence: reason, keyProblems: [], ...extra }

/** Verifies a compact JWS with the key text given. */
export async function verifyToken(token: string, key: KeyInput, options: VerifyOptions = {}): Promise<VerifyResult> {
  try {
    return await verifyDecoded(decodeOnce(token), key, options)
  } catch (error) {
    // A bug of ours, not the input's: still a result, never a rejection.
    const message = error instanceof Error ? error.message : String(error)
    return fail('verify.internal', say('verify.internal', { message }, `Verification failed unexpectedly: ${message}`))
  }
}

interface Prepared {
  readonly decoded: DecodedToken
  /** RFC 7515 §5.2: the ASCII bytes of the encoded header, a dot and the encoded payload. */
  readonly signingInput: Uint8Array
}

/** The last token verified: verifying it again as the key is typed decodes nothing. */
let lastPrepared: { token: string; prepared: Prepared } | undefined

function decodeOnce(token: string): Prepared {
  if (lastPrepared?.token === token) return lastPrepared.prepared
  const decoded = decodeToken(token)
  const [header, payload] = decoded.segments
  const signingInput = encodeUtf8(`${header?.text ?? ''}.${payload?.text ?? ''}`)
  lastPrepared = { token, prepared: { decoded, signingInput } }
  return lastPrepared.prepared
}

async function verifyDecoded({ decoded, signingInput }: Prepared, key: KeyInput, options: VerifyOptions): Promise<VerifyResult> {
  const alg = decoded.alg
  const structural = decoded.problems.find((p) => p.severity === 'error' && (p.part === 'token' || p.part === 'header' || p.part === 'signature'))
  if (decoded.kind === 'jwe') return fail('verify.jwe', say('verify.jwe', {}, 'This is an encrypted token (JWE); it has no signature to verify'), { alg })
  if (structural) return fail('verify.malformed', say('verify.malformed', { problem: structural.sentence ?? structural.message }, `The token cannot be verified: ${structural.message}`), { alg })
  const algorithm = algorithmOf(alg)
  if (!algorithm) return fail('verify.unknown-alg', say('verify.unknown-alg', { alg: JSON.stringify(alg) }, `The header's alg ${JSON.stringify(alg)} is not a JWS algorithm this page knows`), { alg })
  if (options.algorithms && !options.algorithms.includes(algorithm.alg)) {
    const allowed = options.algorithms.join(', ')
    return fail('verify.alg-not-allowed', say('verify.alg-not-allowed', { alg: algorithm.alg, allowed }, `The token uses ${algorithm.alg}, which is not among the accepted algorithms (${allowed})`), { alg })
  }
  if (algorithm.family === 'none') {
    return fail('verify.alg-none', say('verify.alg-none', {}, 'The token is unsecured ("alg": "none"): it has no signature, so anyone could have written it (RFC 8725 §3.2)'), { alg })
  }

  const signature = decoded.signature ?? new Uint8Array()
  const claims = options.claims ? validateClaims(decoded.payload?.kind === 'json' ? decoded.payload.value : undefined, { ...options.claims, header: decoded.header?.value }) : undefined

  const keys = await keysToTry(decoded, algorithm, key, options)
  if ('result' in keys) return { ...keys.result, alg, claims }
  const { candidates, keyProblems, embedded } = keys

  for (const candidate of candidates) {
    const lengthProblem = signatureLengthProblem(algorithm, candidate, signature)
    if (lengthProblem && candidates.length === 1) return fail(lengthProblem.code, lengthProblem.reason, { alg, claims, keyProblems })
    if (lengthProblem) continue
    if (await verifySignature(algorithm, candidate, signingInput, signature)) {
      const keyUsed = describeKeyUsed(candidate, embedded)
      const reason = embedded ? "Verified with the key embedded in the token's own header: this proves nothing about who signed it, since anyone can embed their own key (RFC 8725 §3.10)" : undefined
      return { valid: true, alg, keyUsed, claims, keyProblems, ...(reason && { reason, code: 'verify.embedded-key', reasonSentence: say('verify.embedded-key', {}, reason) }) }
    }
  }
  const tried = candidates.length === 1 ? 'this key' : `any of the ${candidates.length} keys that fit ${algorithm.alg}`
  const reason = `The signature does not match ${tried}: either the token was changed after signing, or it was signed with another key`
  return fail('verify.bad-signature', say('verify.bad-signature', { count: candidates.length, alg: algorithm.alg }, reason), { alg, claims, keyProblems })
}

type KeysToTry = { candidates: readonly KeyCandidate[]; keyProblems: readonly Problem[]; embedded: boolean } | { result: VerifyResult }

/** Reads the key and narrows it to the candidates that fit the algorithm (and the kid). */
async function keysToTry(decoded: DecodedToken, algorithm: Algorithm, key: KeyInput, options: VerifyOptions): Promise<KeysToTry> {
  const header = isObject(decoded.header?.value) ? decoded.header.value : {}
  if (key.text.trim() === '') {
    const embedded = options.useEmbeddedKey ? await embeddedKey(header) : undefined
    if (embedded) return { candidates: [embedded], keyProblems: [], embedded: true }
    const needs = algorithm.family === 'HMAC' ? 'secret' : 'public key'
    return { result: fail('verify.no-key', say('verify.no-key', { needs }, `Enter the ${needs} to verify`)) }
  }

  const read = await readKey(key)
  const keyProblems = [...read.problems]
  if (algorithm.family === 'HMAC') {
    const lookalike = publicKeyAsSecret(key.text, read)
    if (lookalike) {
      return {
        result: fail(
          'verify.algorithm-confusion',
          say(
            'verify.algorithm-confusion',
            { lookalike, alg: algorithm.alg },
            `Refused: the HMAC secret is a ${lookalike}. A server that verifies ${algorithm.alg} with its public key as the secret lets anyone forge tokens, since the public key is public (algorithm confusion, RFC 8725 §2.1 and §3.1). Check this token with an RSA, EC or EdDSA algorithm instead.`,
          ),
          { keyProblems },
        ),
      }
    }
  }
  if (read.candidates.length === 0) {
    const first = keyProblems[0]
    const reason = first === undefined ? say('verify.no-key-found', {}, 'The key cannot be used: no key was found in the text') : say('verify.unreadable-key', { problem: first.sentence ?? first.message }, `The key cannot be used: ${first.message}`)
    return { result: fail('verify.unreadable-key', reason, { keyProblems }) }
  }

  const fitting = read.candidates.filter((c) => keyMisfit(algorithm, c, 'verify') === undefined)
  if (fitting.length === 0) {
    const reason = keyMisfitSentence(algorithm, read.candidates[0]!, 'verify')!
    const text = typeof reason === 'string' ? reason : reason.text
    return { result: fail('verify.key-mismatch', read.candidates.length > 1 ? say('verify.no-key-fits', { reason }, `No key in the set fits: ${text}`) : reason, { keyProblems }) }
  }
  keyProblems.push(...keyWarnings(algorithm, fitting))

  const kid = typeof header.kid === 'string' ? header.kid : undefined
  if (kid !== undefined && read.format === 'jwks') {
    const byKid = fitting.filter((c) => c.type === 'asymmetric' && c.jwk.kid === kid)
    if (byKid.length > 0) return { candidates: byKid, keyProblems, embedded: false }
    const kids = read.candidates.flatMap((c) => (c.type === 'asymmetric' && c.jwk.kid !== undefined ? [`"${c.jwk.kid}"`] : []))
    const has = kids.length > 0 ? `it has ${kids.join(', ')}` : 'its keys have no kid'
    const sentence = say('key.kid-not-found', { kid, kids: kids.join(', '), alg: algorithm.alg }, `No key in the set has kid "${kid}" (${has}); trying every key that fits ${algorithm.alg}`)
    keyProblems.push({ code: 'key.kid-not-found', severity: 'warning', part: 'key', offset: 0, range: [0, 0], message: sentence.text, sentence })
  }
  return { candidates: fitting, keyProblems, embedded: false }
}

/** The key a token carries about itself: a `jwk` header, or the first certificate of `x5c` (RFC 7515 §4.1.3, §4.1.6). */
async function embeddedKey(header: Record<string, unknown>): Promise<KeyCandidate | undefined> {
  if (isObject(header.jwk)) return readJwk(header.jwk, "the token's own jwk header", say('key.origin.embedded-jwk', {}, "the token's own jwk header")).candidate
  const certificate = Array.isArray(header.x5c) ? header.x5c[0] : undefined
  if (typeof certificate !== 'string') return undefined
  // x5c holds base64 (not base64url) DER certificates: PEM armour is all they lack.
  const read = await readKey({ text: `-----BEGIN CERTIFICATE-----\n${certificate}\n-----END CERTIFICATE-----`, format: 'pem' })
  const candidate = read.candidates[0]
  const origin = "the certificate in the token's own x5c header"
  return candidate?.type === 'asymmetric' ? { ...candidate, origin, originSentence: say('key.origin.x5c', {}, origin) } : undefined
}

/**
 * Why a key cannot serve the algorithm, in a sentence naming both sides, or undefined when it
 * fits. Verifying takes any key of the right type (a private key's public half will do); signing
 * also needs the private half. signToken asks the same question, so both say the same thing.
 */
export function keyMisfit(algorithm: Algorithm, candidate: KeyCandidate, use: 'verify' | 'sign'): string | undefined {
  const misfit = keyMisfitSentence(algorithm, candidate, use)
  return typeof misfit === 'object' ? misfit.text : misfit
}

/** keyMisfit's sentence, as a code and params; the signing mismatch (a private key needed) stays English. */
function keyMisfitSentence(algorithm: Algorithm, candidate: KeyCandidate, use: 'verify' | 'sign'): Sentence | string | undefined {
  const { alg } = algorithm
  if (algorithm.family === 'HMAC') {
    // RFC 7518 §3.2: HMAC keys are shared secrets.
    if (candidate.type === 'secret') return undefined
    return say('verify.needs-secret', { alg, key: candidate.descriptionSentence ?? candidate.description }, `${alg} needs a shared secret; this is an ${candidate.description}`)
  }
  if (candidate.type === 'secret') {
    return use === 'verify'
      ? say('verify.needs-public-key', { alg }, `${alg} needs a public key (PEM, JWK or JWKS); this is a shared secret`)
      : say('verify.needs-private-key', { alg }, `${alg} needs a private key (PEM or JWK); this is a shared secret`)
  }
  if (use === 'verify') return keyMismatchSentence(algorithm, candidate.shape)
  const mismatch = keyMismatch(algorithm, candidate.shape)
  if (mismatch === undefined && candidate.isPrivate) return undefined
  // RFC 7515 §5.1: the signature is computed with the private key, so say "private" on both sides.
  return `${alg} needs ${describeRequirement(algorithm.key).replace(/ key\b/, ' private key')}; this is an ${describeKey(candidate.shape, candidate.isPrivate)}`
}

/**
 * What an HMAC "secret" really is when it is a public (or private) key: the PEM and JWK text a
 * server might feed to HMAC in the algorithm-confusion attack (RFC 8725 §2.1). A JWK or JWK set
 * that holds a shared secret (kty oct) is a real HMAC key and passes.
 */
function publicKeyAsSecret(text: string, read: KeyRead): SecretLookalike | undefined {
  if (read.format !== 'jwk' && read.format !== 'jwks') return looksLikePublicKey(text)
  if (read.candidates.some((c) => c.type === 'secret')) return undefined
  const asymmetric = read.candidates.filter((c) => c.type === 'asymmetric')
  if (asymmetric.length === 0) return undefined
  const anyPrivate = asymmetric.some((c) => c.isPrivate)
  if (read.format === 'jwks') return anyPrivate ? 'JWK set of asymmetric keys' : 'JWK set of public keys'
  return anyPrivate ? 'JWK private key' : 'JWK public key'
}

/** Weak keys still verify, so a person can debug them, but they are flagged. */
function keyWarnings(algorithm: Algorithm, candidates: readonly KeyCandidate[]): Problem[] {
  const warnings: Problem[] = []
  for (const candidate of candidates) {
    if (candidate.type === 'secret' && algorithm.signatureLength && candidate.bytes.length < algorithm.signatureLength) {
      // RFC 7518 §3.2: a key of the same size as the hash output or larger MUST be used.
      const { alg, signatureLength: needs } = algorithm
      const bytes = candidate.bytes.length
      const sentence = say('key.short-secret', { bytes, alg, needs }, `The secret is ${bytes} bytes; ${alg} needs at least ${needs} (RFC 7518 §3.2). A short secret can be found by brute force.`)
      warnings.push({ code: 'key.short-secret', severity: 'warning', part: 'key', offset: 0, range: [0, 0], message: sentence.text, sentence })
    }
    if (candidate.type === 'asymmetric' && candidate.shape.kty === 'RSA' && algorithm.key.kty === 'RSA' && candidate.shape.bits < algorithm.key.minBits) {
      const { bits } = candidate.shape
      const sentence = say('key.short-rsa', { bits, alg: algorithm.alg, needs: algorithm.key.minBits }, `The RSA key is ${bits} bits; ${algorithm.alg} requires at least ${algorithm.key.minBits} (RFC 7518 §3.3)`)
      warnings.push({ code: 'key.short-rsa', severity: 'warning', part: 'key', offset: 0, range: [0, 0], message: sentence.text, sentence })
    }
  }
  return warnings
}

/** A signature of the wrong length cannot verify; say why instead of only "invalid". */
function signatureLengthProblem(algorithm: Algorithm, candidate: KeyCandidate, signature: Uint8Array): { code: string; reason: Sentence } | undefined {
  const expected = expectedSignatureLength(algorithm, candidate.type === 'asymmetric' ? candidate.shape : undefined)
  if (expected === undefined || algorithm.family === 'HMAC' || signature.length === expected) return undefined
  if (algorithm.family === 'ECDSA' && signature[0] === 0x30 && signature.length >= expected - 8 && signature.length <= expected + 9) {
    return { code: 'verify.der-signature', reason: say('verify.der-signature', { bytes: signature.length, expected, alg: algorithm.alg }, `The signature is ${signature.length} bytes and DER-encoded (it starts with 0x30); JWS ECDSA signatures are the raw R || S, ${expected} bytes for ${algorithm.alg} (RFC 7518 §3.4). Convert it, or fix the signer.`) }
  }
  return { code: 'verify.signature-length', reason: say('verify.signature-length', { bytes: signature.length, expected, alg: algorithm.alg }, `The signature is ${signature.length} bytes, but ${algorithm.alg} with this key makes ${expected}-byte signatures; it may have been cut off when copied`) }
}

function describeKeyUsed(candidate: KeyCandidate, embedded: boolean): KeyUsed {
  if (candidate.type === 'secret') {
    const description = `shared secret, ${candidate.bytes.length} bytes`
    return { origin: candidate.origin, description, ...(candidate.originSentence && { originSentence: candidate.originSentence }), descriptionSentence: say('key.description.secret', { bytes: candidate.bytes.length }, description) }
  }
  const asymmetric = candidate as AsymmetricCandidate
  const origin = asymmetric.isPrivate ? `public key derived from the private key in ${asymmetric.origin}` : asymmetric.origin
  const originSentence = asymmetric.isPrivate ? say('key.origin.derived', { key: asymmetric.originSentence ?? asymmetric.origin }, origin) : asymmetric.originSentence
  return {
    origin,
    description: asymmetric.description,
    ...(originSentence && { originSentence }),
    ...(asymmetric.descriptionSentence && { descriptionSentence: asymmetric.descriptionSentence }),
    ...(asymmetric.jwk.kid !== undefined && { kid: asymmetric.jwk.kid }),
    ...(embedded && { embedded }),
  }
}
