/**
 * Reading whatever people paste as a key: a PEM block, a JWK, a JWK set, or a shared secret in
 * one of four encodings. The result is a list of candidate keys, each saying what it is and where
 * it came from, so a verdict can name the key that verified.
 */
import { decodeBase64url, encodeBase64url, encodeUtf8 } from './base64url'
import { say, type KeyContainer, type Sentence } from './sentences'
import type { Jwk, KeyShape, Problem, Range } from './types'
import { pemModule } from './modules'

export type KeyFormat = 'auto' | 'pem' | 'jwk' | 'jwks' | 'secret'
export type SecretEncoding = 'utf8' | 'base64url' | 'base64' | 'hex'

export interface KeyInput {
  readonly text: string
  readonly format?: KeyFormat
  /** How to read a shared secret's text; UTF-8 unless said otherwise. */
  readonly encoding?: SecretEncoding
}

export interface SecretCandidate {
  readonly type: 'secret'
  readonly bytes: Uint8Array
  /** "the secret you typed, as UTF-8, 32 bytes" */
  readonly origin: string
  /** The origin's code and params, for its translation. */
  readonly originSentence?: Sentence
}

export interface AsymmetricCandidate {
  readonly type: 'asymmetric'
  /** Complete: public members always, private members when isPrivate. */
  readonly jwk: Jwk
  readonly shape: KeyShape
  readonly isPrivate: boolean
  /** "key 2 of 3 in the JWKS (kid a1)", "the PEM you pasted" */
  readonly origin: string
  readonly originSentence?: Sentence
  /** "RSA 2048-bit public key, SPKI PEM" */
  readonly description: string
  readonly descriptionSentence?: Sentence
}

export type KeyCandidate = SecretCandidate | AsymmetricCandidate

export interface KeyRead {
  readonly format: 'empty' | 'pem' | 'jwk' | 'jwks' | 'secret'
  readonly candidates: readonly KeyCandidate[]
  readonly problems: readonly Problem[]
  /** One line saying what the text is: "JWK set of 3 keys: kid a1 (RS256), …". */
  readonly summary: string
}

const keyProblem = (code: string, range: Range, sentence: Sentence | string, severity: Problem['severity'] = 'error'): Problem => ({
  code,
  severity,
  part: 'key',
  offset: range[0],
  range,
  ...(typeof sentence === 'string' ? { message: sentence } : { message: sentence.text, sentence }),
})

/** Whether the text holds at least one PEM BEGIN line (RFC 7468 §2). */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [^\r\n]*?-----/.test(text)
}

/** Detects the format from the text: PEM armour, a JSON object with `keys` or `kty`, else a secret. */
export function detectKeyFormat(text: string): 'empty' | 'pem' | 'jwk' | 'jwks' | 'secret' {
  const trimmed = text.trim()
  if (trimmed === '') return 'empty'
  if (looksLikePem(trimmed)) return 'pem'
  if (trimmed.startsWith('{')) return /"keys"\s*:/.test(trimmed) ? 'jwks' : 'jwk'
  return 'secret'
}

const cache = new Map<string, Promise<KeyRead>>()
const CACHE_SIZE = 16

/**
 * Reads key text into candidate keys. Never rejects. Results are cached by input, so verifying
 * again as the token changes does not read (or derive) the key again.
 */
export function readKey(input: KeyInput): Promise<KeyRead> {
  const cacheKey = `${input.format ?? 'auto'}\u0000${input.encoding ?? 'utf8'}\u0000${input.text}`
  const hit = cache.get(cacheKey)
  if (hit) {
    // Refresh its place so the cache drops the least recently used.
    cache.delete(cacheKey)
    cache.set(cacheKey, hit)
    return hit
  }
  const read = readKeyUncached(input).catch(
    (error: unknown): KeyRead => {
      const message = error instanceof Error ? error.message : String(error)
      return { format: 'secret', candidates: [], problems: [keyProblem('key.unreadable', [0, input.text.length], say('key.unreadable', { message }, `The key could not be read: ${message}`))], summary: 'unreadable key' }
    },
  )
  cache.set(cacheKey, read)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return read
}

/** Key text beyond this is refused: a JWK set or certificate chain is a few kilobytes. */
export const MAX_KEY_LENGTH = 1024 * 1024

async function readKeyUncached({ text, format = 'auto', encoding = 'utf8' }: KeyInput): Promise<KeyRead> {
  if (text.length > MAX_KEY_LENGTH) {
    // Exact counts: rounded to kilobytes, a key one character over the limit reads as the limit.
    const message = `The key text is ${text.length.toLocaleString('en')} characters; the page reads keys up to ${MAX_KEY_LENGTH.toLocaleString('en')} characters (${MAX_KEY_LENGTH / (1024 * 1024)} MiB)`
    return { format: 'secret', candidates: [], problems: [keyProblem('key.too-large', [0, 0], say('key.too-large', { length: text.length, max: MAX_KEY_LENGTH }, message))], summary: 'key text too large' }
  }
  const detected = format === 'auto' ? detectKeyFormat(text) : format
  switch (detected) {
    case 'empty':
      return { format: 'empty', candidates: [], problems: [], summary: 'no key' }
    case 'secret':
      return readSecret(text, encoding)
    case 'pem':
      return readPemKey(text)
    case 'jwk':
    case 'jwks':
      return readJsonKey(text, detected)
  }
}

// --- Shared secrets -------------------------------------------------------------------------

function readSecret(text: string, encoding: SecretEncoding): KeyRead {
  const decoded = decodeSecret(text, encoding)
  if ('problem' in decoded) return { format: 'secret', candidates: [], problems: [decoded.problem], summary: 'invalid secret' }
  const encodingName = ENCODING_NAMES[encoding]
  const origin = `the secret you typed, as ${encodingName}, ${decoded.bytes.length} bytes`
  return {
    format: 'secret',
    candidates: [{ type: 'secret', bytes: decoded.bytes, origin, originSentence: say('key.origin.secret', { encoding, bytes: decoded.bytes.length }, origin) }],
    problems: [],
    summary: `shared secret, ${decoded.bytes.length} bytes (${encodingName})`,
  }
}

const ENCODING_NAMES: Record<SecretEncoding, string> = { utf8: 'UTF-8', base64url: 'base64url', base64: 'base64', hex: 'hex' }

/** Secret text → bytes, or a problem at the first character that does not belong. */
export function decodeSecret(text: string, encoding: SecretEncoding): { bytes: Uint8Array } | { problem: Problem } {
  if (encoding === 'utf8') return { bytes: encodeUtf8(text) }
  if (encoding === 'hex') {
    const bad = /[^0-9a-fA-F\s]/.exec(text)
    if (bad) {
      const char = JSON.stringify(bad[0])
      return { problem: keyProblem('key.hex-alphabet', [bad.index, bad.index + 1], say('key.hex-alphabet', { char, at: bad.index }, `Hex text has the character ${char} at offset ${bad.index}, which is not a hex digit`)) }
    }
    const digits = text.replace(/\s/g, '')
    if (digits.length % 2 === 1) {
      return { problem: keyProblem('key.hex-length', [0, text.length], say('key.hex-length', { digits: digits.length }, `Hex text has ${digits.length} digits; two digits make a byte, so the count must be even`)) }
    }
    const bytes = new Uint8Array(digits.length / 2)
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16)
    return { bytes }
  }
  const { bytes, issues } = decodeBase64url(text.trim())
  const leading = text.length - text.trimStart().length
  for (const issue of issues) {
    const allowed = encoding === 'base64' ? ['padding', 'standard-alphabet', 'whitespace'] : ['whitespace']
    if (allowed.includes(issue.kind) || issue.kind === 'non-canonical') continue
    const at = leading + issue.index
    const name = ENCODING_NAMES[encoding]
    const char = JSON.stringify(issue.char)
    const what =
      issue.kind === 'length'
        ? say('key.secret-dangling', { encoding, at }, `${name} text has a dangling last character at offset ${at}: a character is missing or extra`)
        : issue.kind === 'alphabet'
          ? say('key.secret-alphabet', { encoding, char, at }, `${name} text has the character ${char} at offset ${at} that is not in the alphabet`)
          : say(
              'key.secret-other-alphabet',
              { encoding, char, at, belongs: encoding === 'base64url' ? 'base64' : 'base64url' },
              `${name} text has ${char} at offset ${at}, which belongs to ${encoding === 'base64url' ? 'standard base64: choose the base64 encoding' : 'base64url'}`,
            )
    return { problem: keyProblem(`key.${encoding}-alphabet`, [at, at + 1], what) }
  }
  return { bytes }
}

// --- PEM --------------------------------------------------------------------------------------

/** How each PEM container is named in one-line key descriptions. */
export const CONTAINER_NAMES = {
  spki: 'SPKI PEM',
  pkcs8: 'PKCS#8 PEM',
  'pkcs1-public': 'PKCS#1 PEM',
  'pkcs1-private': 'PKCS#1 PEM',
  sec1: 'SEC1 PEM',
  x509: 'X.509 certificate',
} as const

async function readPemKey(text: string): Promise<KeyRead> {
  // PEM and DER parsing load only when a PEM is pasted, to keep the first load small.
  const { readPem } = pemModule.ready ?? (await pemModule.load())
  const { keys, problems } = await readPem(text)
  const candidates: AsymmetricCandidate[] = []
  for (const [i, key] of keys.entries()) {
    const description = `${describeKey(key.shape, key.isPrivate)}, ${CONTAINER_NAMES[key.container]}`
    const place = keys.length > 1 ? `PEM block ${i + 1} of ${keys.length}` : 'the PEM you pasted'
    const placeSentence = keys.length > 1 ? say('key.origin.pem-block', { index: i + 1, count: keys.length }, place) : say('key.origin.pem', {}, place)
    const origin = key.certificate ? `the public key of the certificate for ${key.certificate.subject} (${place})` : place
    const originSentence = key.certificate ? say('key.origin.certificate', { subject: key.certificate.subject, place: placeSentence }, origin) : placeSentence
    const descriptionSentence = describeKeySentence(key.shape, key.isPrivate, key.container, description)
    const jwk = key.jwk
    candidates.push({ type: 'asymmetric', jwk, shape: key.shape, isPrivate: key.isPrivate, origin, originSentence, description, descriptionSentence })
  }
  const summary = candidates.length === 0 ? 'no key found in the PEM text' : candidates.map((c) => c.description).join('; ')
  return { format: 'pem', candidates, problems, summary }
}

// --- JWK and JWKS -----------------------------------------------------------------------------

function readJsonKey(text: string, detected: 'jwk' | 'jwks'): KeyRead {
  const whole: Range = [0, text.length]
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { format: detected, candidates: [], problems: [keyProblem('key.invalid-json', whole, say('key.invalid-json', { message }, `The key looks like JSON but is not valid JSON: ${message}`))], summary: 'invalid JSON key' }
  }
  if (!isRecord(value)) {
    return { format: detected, candidates: [], problems: [keyProblem('key.not-object', whole, say('key.not-object', {}, 'A JWK must be a JSON object (RFC 7517 §4)'))], summary: 'invalid JWK' }
  }
  if (detected === 'jwk' || !Array.isArray(value.keys)) {
    const read = readJwk(value, 'the JWK you pasted', say('key.origin.jwk', {}, 'the JWK you pasted'))
    return { format: 'jwk', candidates: read.candidate ? [read.candidate] : [], problems: read.problems.map((m) => keyProblem(m.code, whole, m.sentence, m.severity)), summary: read.candidate ? `${summaryOf(read.candidate)}, JWK` : 'invalid JWK' }
  }
  const members: unknown[] = value.keys
  const candidates: KeyCandidate[] = []
  const problems: Problem[] = []
  const labels: string[] = []
  members.forEach((member, i) => {
    const kid = isRecord(member) && typeof member.kid === 'string' ? member.kid : undefined
    const place = `key ${i + 1} of ${members.length} in the JWKS${kid !== undefined ? ` (kid ${kid})` : ''}`
    const placeSentence = say('key.origin.jwks', { index: i + 1, count: members.length, ...(kid !== undefined && { kid }) }, place)
    const notObjectSentence = say('key.jwks-member-not-object', { place: placeSentence }, `${place} is not a JSON object`)
    const notObject: JwkMessage = { code: 'key.not-object', severity: 'error', message: notObjectSentence.text, sentence: notObjectSentence }
    const read = isRecord(member) ? readJwk(member, place, placeSentence) : { problems: [notObject] }
    problems.push(...read.problems.map((m) => keyProblem(m.code, whole, say('key.in-jwks', { place: placeSentence, problem: m.sentence }, `${capitalize(place)}: ${m.sentence.text}`), m.severity)))
    if (read.candidate) candidates.push(read.candidate)
    const alg = isRecord(member) && typeof member.alg === 'string' ? member.alg : isRecord(member) ? String(member.kty) : 'invalid'
    labels.push(`${kid !== undefined ? `kid ${kid}` : 'no kid'} (${alg})`)
  })
  const count = members.length === 1 ? '1 key' : `${members.length} keys`
  return { format: 'jwks', candidates, problems, summary: `JWK set of ${count}${labels.length ? `: ${labels.join(', ')}` : ''}` }
}

interface JwkMessage {
  code: string
  severity: Problem['severity']
  message: string
  sentence: Sentence
}

/** Members each key type needs, public then private (RFC 7518 §6, RFC 8037 §2). */
const REQUIRED = {
  RSA: { public: ['n', 'e'], private: ['d', 'p', 'q', 'dp', 'dq', 'qi'] },
  EC: { public: ['crv', 'x', 'y'], private: ['d'] },
  OKP: { public: ['crv', 'x'], private: ['d'] },
  AKP: { public: ['alg', 'pub'], private: ['priv'] },
  oct: { public: ['k'], private: [] },
} as const

const EC_CURVES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66, secp256k1: 32 }
const OKP_CURVES: Record<string, number> = { Ed25519: 32, Ed448: 57, X25519: 32, X448: 56 }
const AKP_ALGS = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const

/** Checks one JWK; returns a candidate when usable. */
export function readJwk(jwk: Record<string, unknown>, origin: string, originSentence?: Sentence): { candidate?: KeyCandidate; problems: JwkMessage[] } {
  const fail = (code: string, sentence: Sentence): { candidate?: KeyCandidate; problems: JwkMessage[] } => ({ problems: [{ code, severity: 'error', message: sentence.text, sentence }] })
  const kty = jwk.kty
  if (typeof kty !== 'string') return fail('key.jwk-kty', say('key.jwk-no-kty', {}, 'The JWK has no "kty" member naming its key type (RFC 7517 §4.1)'))
  if (!(kty in REQUIRED)) return fail('key.jwk-kty', say('key.jwk-unknown-kty', { kty }, `The JWK's kty "${kty}" is not one this page reads (RSA, EC, OKP, AKP, oct)`))
  const needs = REQUIRED[kty as keyof typeof REQUIRED]
  for (const member of needs.public) {
    if (typeof jwk[member] !== 'string') return fail('key.jwk-member', say('key.jwk-lacks', { kty, member }, `JWK of kty ${kty} lacks ${member}`))
  }
  const isPrivate = needs.private.some((m) => jwk[m] !== undefined)
  if (isPrivate) {
    const missing = needs.private.filter((m) => typeof jwk[m] !== 'string').join(', ')
    if (missing) return fail('key.jwk-member', say('key.jwk-private-lacks', { kty, missing }, `Private JWK of kty ${kty} lacks ${missing}`))
  }
  for (const [member, value] of Object.entries(jwk)) {
    if (['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'x', 'y', 'k', 'pub', 'priv'].includes(member) && typeof value === 'string' && !/^[A-Za-z0-9_-]*$/.test(value)) {
      const at = value.search(/[^A-Za-z0-9_-]/)
      const char = JSON.stringify(value[at])
      return fail('key.jwk-base64url', say('key.jwk-base64url', { member, char, at }, `JWK member "${member}" must be base64url without padding; it has ${char} at offset ${at}`))
    }
  }
  const typed = jwk as Jwk
  if (kty === 'oct') {
    const bytes = decodeBase64url(typed.k!).bytes
    const secretOrigin = `${origin}, a ${bytes.length}-byte secret`
    return { candidate: { type: 'secret', bytes, origin: secretOrigin, originSentence: say('key.origin.jwk-secret', { place: originSentence ?? origin, bytes: bytes.length }, secretOrigin) }, problems: [] }
  }
  const shape = shapeOfJwk(typed)
  if ('error' in shape) return fail('key.jwk-member', shape.error)
  const publicJwk = publicPart(typed)
  const description = `${describeKey(shape.shape, isPrivate)}, JWK`
  const candidate: AsymmetricCandidate = { type: 'asymmetric', jwk: isPrivate ? typed : publicJwk, shape: shape.shape, isPrivate, origin, description, descriptionSentence: describeKeySentence(shape.shape, isPrivate, 'jwk', description) }
  return { candidate: originSentence ? { ...candidate, originSentence } : candidate, problems: [] }
}

function shapeOfJwk(jwk: Jwk): { shape: KeyShape } | { error: Sentence } {
  const length = (member: string) => decodeBase64url(String(jwk[member])).bytes.length
  switch (jwk.kty) {
    case 'RSA': {
      const n = decodeBase64url(jwk.n!).bytes
      let i = 0
      while (i < n.length && n[i] === 0) i++
      const bits = n.length - i === 0 ? 0 : (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]!))
      return { shape: { kty: 'RSA', bits } }
    }
    case 'EC': {
      const size = EC_CURVES[jwk.crv!]
      const crv = String(jwk.crv)
      if (size === undefined) return { error: say('key.jwk-curve', { kty: 'EC', crv, known: 'P-256, P-384, P-521, secp256k1' }, `JWK of kty EC has crv "${jwk.crv}"; this page reads P-256, P-384, P-521 and secp256k1`) }
      for (const member of ['x', 'y'] as const) {
        const found = length(member)
        if (found !== size) return { error: say('key.jwk-size', { kty: 'EC', crv, member, size, found }, `JWK of kty EC, crv ${jwk.crv}: ${member} must be ${size} bytes, found ${found}`) }
      }
      return { shape: { kty: 'EC', crv: jwk.crv as 'P-256' } }
    }
    case 'OKP': {
      const size = OKP_CURVES[jwk.crv!]
      const crv = String(jwk.crv)
      if (size === undefined) return { error: say('key.jwk-curve', { kty: 'OKP', crv, known: 'Ed25519, Ed448' }, `JWK of kty OKP has crv "${jwk.crv}"; this page reads Ed25519 and Ed448`) }
      const found = length('x')
      if (found !== size) return { error: say('key.jwk-size', { kty: 'OKP', crv, member: 'x', size, found }, `JWK of kty OKP, crv ${jwk.crv}: x must be ${size} bytes, found ${found}`) }
      return { shape: { kty: 'OKP', crv: jwk.crv as 'Ed25519' } }
    }
    case 'AKP': {
      const alg = AKP_ALGS.find((a) => a === jwk.alg)
      const known = AKP_ALGS.join(', ')
      if (!alg) return { error: say('key.jwk-akp-alg', { alg: String(jwk.alg), known }, `JWK of kty AKP has alg "${jwk.alg}"; this page reads ${known}`) }
      return { shape: { kty: 'AKP', alg } }
    }
    default:
      return { error: say('key.jwk-not-asymmetric', { kty: jwk.kty }, `JWK kty "${jwk.kty}" is not an asymmetric key type`) }
  }
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'priv', 'oth', 'k']

/** The public members of a JWK (a private key's public half). */
export function publicPart(jwk: Jwk): Jwk {
  const copy: Jwk = { ...jwk }
  for (const member of PRIVATE_MEMBERS) delete copy[member]
  if (copy.key_ops) copy.key_ops = copy.key_ops.filter((op) => op === 'verify')
  return copy
}

/** "RSA 2048-bit public key", "EC P-256 private key", "Ed25519 public key". */
export function describeKey(shape: KeyShape, isPrivate: boolean): string {
  const half = isPrivate ? 'private key' : 'public key'
  switch (shape.kty) {
    case 'RSA':
      return `RSA ${shape.bits}-bit ${half}`
    case 'EC':
      return `EC ${shape.crv} ${half}`
    case 'OKP':
      return `${shape.crv} ${half}`
    case 'AKP':
      return `${shape.alg} ${half}`
  }
}

/** describeKey's sentence with the container it was read from: "RSA 2048-bit public key, SPKI PEM". */
export function describeKeySentence(shape: KeyShape, isPrivate: boolean, container: KeyContainer, text: string): Sentence {
  const type = shape.kty === 'RSA' ? `RSA ${shape.bits}-bit` : shape.kty === 'EC' ? `EC ${shape.crv}` : shape.kty === 'OKP' ? shape.crv : shape.alg
  return say('key.description.asymmetric', { type, half: isPrivate ? 'private' : 'public', container }, text)
}

function summaryOf(candidate: KeyCandidate): string {
  return candidate.type === 'secret' ? `shared secret, ${candidate.bytes.length} bytes` : describeKey(candidate.shape, candidate.isPrivate)
}

/**
 * Whether a shared secret's text is really a public key: the algorithm-confusion attack
 * (RFC 8725 §2.1, §3.1) makes a server that verifies RS256 with a PEM accept an HS256 token
 * whose "secret" is that same public PEM.
 */
export function looksLikePublicKey(text: string): 'PEM public key' | 'PEM certificate' | 'JWK public key' | 'PEM private key' | undefined {
  const trimmed = text.trim()
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(trimmed)) return 'PEM public key'
  if (/-----BEGIN CERTIFICATE-----/.test(trimmed)) return 'PEM certificate'
  if (/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(trimmed)) return 'PEM private key'
  if (trimmed.startsWith('{') && /"kty"\s*:\s*"(RSA|EC|OKP|AKP)"/.test(trimmed)) return 'JWK public key'
  return undefined
}

/** A JWK for a shared secret (kty oct), for tools that want the secret in JWK form. */
export const secretToJwk = (bytes: Uint8Array): Jwk => ({ kty: 'oct', k: encodeBase64url(bytes) })

function isRecord(value: unknown): value is Record<string, unknown> & { keys?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
