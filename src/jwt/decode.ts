/**
 * decodeToken: from whatever was pasted to the parts of the token, what they say, and every
 * problem with its exact place. Never throws; decodes as much as it can of a damaged token.
 */
import { ALGORITHM_NAMES, algorithmOf } from './algorithms'
import { decodeBase64url, type Base64urlDecoded } from './base64url'
import { findInvisible } from './invisible'
import { parseJson, type JsonIssue } from './json'
import { splitToken, type Segment, type TokenKind } from './segments'
import { say, type Sentence } from './sentences'
import type { Part, Problem, Range, Severity } from './types'
import { decodeUtf8, utf8Length } from './utf8'

export interface DecodedJson {
  /** The JSON text exactly as the token carries it (member order, `3.0`, big integers). */
  readonly text: string
  /** What JSON.parse makes of it; undefined when it is not valid JSON. */
  readonly value: unknown
}

export type DecodedPayload =
  | ({ readonly kind: 'json' } & DecodedJson)
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }

/** Sizes of the JWE parts that cannot be read without the key (RFC 7516 §7.1). */
export interface JweParts {
  readonly encryptedKeyBytes: number
  readonly ivBytes: number
  readonly ciphertextBytes: number
  readonly tagBytes: number
}

export interface DecodedToken {
  readonly kind: TokenKind
  /** The token inside the pasted text (without `Bearer`, quotes, whitespace). */
  readonly tokenRange: Range
  /** The token as it should be sent: the pasted text within tokenRange. */
  readonly token: string
  readonly segments: readonly Segment[]
  readonly dots: readonly Range[]
  readonly header?: DecodedJson
  readonly payload?: DecodedPayload
  readonly signature?: Uint8Array
  readonly jwe?: JweParts
  /** The header's `alg` when it is a string. */
  readonly alg?: string
  readonly problems: readonly Problem[]
}

const PART_NAMES: Record<Part, string> = {
  token: 'token',
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  encryptedKey: 'encrypted key',
  iv: 'initialization vector',
  ciphertext: 'ciphertext',
  tag: 'authentication tag',
  key: 'key',
  claims: 'claims',
}

function problem(code: string, severity: Severity, part: Part, range: Range, sentence: Sentence, jsonRange?: Range): Problem {
  const message = sentence.text
  return jsonRange ? { code, severity, part, offset: range[0], range, message, sentence, jsonRange } : { code, severity, part, offset: range[0], range, message, sentence }
}

/** Turns base64url departures into problems placed at their characters in the pasted text. */
function base64Problems(segment: Segment, decoded: Base64urlDecoded): Problem[] {
  const name = PART_NAMES[segment.part]
  return decoded.issues.map((issue) => {
    const at = segment.range[0] + issue.index
    const range: Range = [at, at + 1]
    const part = segment.part
    const count = issue.count - 1
    const more = issue.count > 1 ? ` (and ${count} more)` : ''
    const shown = JSON.stringify(issue.char)
    switch (issue.kind) {
      case 'alphabet':
        return problem(`${part}.base64-alphabet`, 'error', part, range, say('base64.alphabet', { part, char: shown, at, more: count }, `The ${name} has the character ${shown} at offset ${at}${more}, which is not in the base64url alphabet (A-Z, a-z, 0-9, '-' and '_')`))
      case 'padding':
        return problem(`${part}.base64-padding`, 'warning', part, range, say('base64.padding', { part, at, more: count }, `The ${name} has '=' padding at offset ${at}${more}; JWS base64url leaves padding out (RFC 7515 §2), and strict libraries reject it`))
      case 'standard-alphabet': {
        const instead = issue.char === '+' ? '-' : '_'
        return problem(`${part}.base64-standard`, 'warning', part, range, say('base64.standard', { part, char: shown, at, more: count, instead }, `The ${name} has ${shown} at offset ${at}${more}, from standard base64; base64url uses '${instead}' instead (RFC 7515 §2)`))
      }
      case 'whitespace':
        return problem(`${part}.whitespace`, 'warning', part, range, say('base64.whitespace', { part, at, more: count }, `The ${name} has whitespace at offset ${at}${more}; it was ignored, but a token must not contain any`))
      case 'non-canonical': {
        const canonical = issue.canonical ?? ''
        const message = `The ${name} ends in ${shown} at offset ${at}, whose unused low bits are not zero; the canonical encoding ends in '${issue.canonical}' (RFC 4648 §3.5), and some libraries reject this`
        return problem(`${part}.base64-non-canonical`, 'warning', part, range, say('base64.non-canonical', { part, char: shown, at, canonical }, message))
      }
      case 'length':
        return problem(`${part}.base64-length`, 'error', part, range, say('base64.length', { part, at }, `The ${name} has one character too many or too few: its last character at offset ${at} cannot complete a byte (a base64url text never has 4n+1 characters)`))
    }
  })
}

/**
 * Where in the token the characters that carry a range of the decoded JSON text sit: each group
 * of 4 base64url characters carries 3 bytes, so byte b lies in character ⌊4b/3⌋.
 */
export function jsonRangeToTokenRange(segment: Segment, json: string, jsonRange: Range): Range {
  const startByte = utf8Length(json, 0, jsonRange[0])
  const endByte = startByte + utf8Length(json, jsonRange[0], jsonRange[1])
  const start = Math.min(segment.range[0] + Math.floor((startByte * 4) / 3), segment.range[1])
  const end = Math.min(segment.range[0] + Math.ceil((endByte * 4) / 3), segment.range[1])
  return [start, Math.max(start, end)]
}

const JSON_SEVERITY: Record<JsonIssue['code'], Severity> = {
  'invalid-json': 'error',
  'duplicate-member': 'error',
  'unsafe-integer': 'info',
  'lone-surrogate': 'warning',
}

function jsonProblems(segment: Segment, json: string, issues: readonly JsonIssue[]): Problem[] {
  const name = PART_NAMES[segment.part]
  const invisible = findInvisible(json)
  const found: Problem[] = []
  if (invisible) {
    const jsonRange: Range = [invisible.first, invisible.first + 1]
    const { count, first } = invisible
    const codePoints = invisible.codePoints.join(', ')
    found.push(
      problem(
        `${segment.part}.invisible-characters`,
        'warning',
        segment.part,
        jsonRangeToTokenRange(segment, json, jsonRange),
        say('decode.invisible', { part: segment.part, count, codePoints, first }, `The decoded ${name} holds ${count} invisible or direction-changing character${count === 1 ? '' : 's'} (${codePoints}), first at position ${first}: text can read differently from what a program compares`),
        jsonRange,
      ),
    )
  }
  return found.concat(issues.map((issue) => {
    // RFC 7519 §4 lets a JWT parser keep the last duplicate claim; RFC 7515 §4 says a header
    // with duplicate names must be rejected.
    const severity = issue.code === 'duplicate-member' && segment.part === 'payload' ? 'warning' : JSON_SEVERITY[issue.code]
    const range = jsonRangeToTokenRange(segment, json, issue.range)
    const sentence = say('decode.json', { part: segment.part, issue: issue.sentence ?? issue.message }, `In the decoded ${name} JSON: ${issue.message}`)
    return problem(`${segment.part}.${issue.code}`, severity, segment.part, range, sentence, issue.range)
  }))
}

/** Bytes → UTF-8 text, or a problem at the token character that carries the bad byte. */
function segmentText(segment: Segment, bytes: Uint8Array, problems: Problem[]): string | undefined {
  const decoded = decodeUtf8(bytes)
  if (decoded.ok) return decoded.text
  const at = Math.min(segment.range[0] + Math.floor((decoded.byteOffset * 4) / 3), segment.range[1])
  const sentence = say('decode.utf8', { part: segment.part, byte: decoded.byteOffset, problem: decoded.sentence }, `The decoded ${PART_NAMES[segment.part]} is not valid UTF-8 at byte ${decoded.byteOffset}: ${decoded.message}`)
  problems.push(problem(`${segment.part}.utf8`, 'error', segment.part, [at, Math.min(at + 2, segment.range[1])], sentence))
  return undefined
}

function decodeHeader(segment: Segment, problems: Problem[]): DecodedJson | undefined {
  if (segment.text.length === 0) {
    problems.push(problem('header.empty', 'error', 'header', segment.range, say('header.empty', {}, 'The header part is empty; it must hold the base64url of a JSON object such as {"alg":"HS256","typ":"JWT"}')))
    return undefined
  }
  const decoded = decodeBase64url(segment.text)
  problems.push(...base64Problems(segment, decoded))
  const text = segmentText(segment, decoded.bytes, problems)
  if (text === undefined) return undefined
  const parsed = parseJson(text)
  problems.push(...jsonProblems(segment, text, parsed.issues))
  if (parsed.issues.some((i) => i.code === 'invalid-json')) return { text, value: undefined }
  if (!isObject(parsed.value)) {
    const type = jsonType(parsed.value)
    problems.push(problem('header.not-object', 'error', 'header', segment.range, say('header.not-object', { type }, `The header is JSON ${type.text}, but a JOSE header must be a JSON object (RFC 7515 §4)`)))
  }
  return { text, value: parsed.value }
}

function checkAlg(header: DecodedJson, segment: Segment, kind: TokenKind, problems: Problem[]): string | undefined {
  if (!isObject(header.value)) return undefined
  const alg = header.value.alg
  if (alg === undefined) {
    problems.push(problem('header.missing-alg', 'error', 'header', segment.range, say('header.missing-alg', {}, 'The header has no "alg" member; RFC 7515 §4.1.1 requires it to name the signing algorithm')))
    return undefined
  }
  if (typeof alg !== 'string') {
    const type = jsonType(alg)
    problems.push(problem('header.alg-not-string', 'error', 'header', segment.range, say('header.alg-not-string', { type }, `The header's "alg" is ${type.text}; it must be a string such as "HS256" (RFC 7515 §4.1.1)`)))
    return undefined
  }
  if (kind !== 'jwe' && !algorithmOf(alg)) {
    const caseHint = ALGORITHM_NAMES.find((name) => name.toLowerCase() === alg.toLowerCase())
    const known = ALGORITHM_NAMES.join(', ')
    const hint = caseHint ? `; names are case-sensitive, did you mean "${caseHint}"?` : `; known: ${known}`
    const sentence = say('header.unknown-alg', { alg, suggestion: caseHint ?? '', known }, `The header's "alg" is "${alg}", which is not a JWS algorithm${hint}`)
    problems.push(problem('header.unknown-alg', 'warning', 'header', segment.range, sentence))
  }
  return alg
}

function decodePayload(segment: Segment, header: DecodedJson | undefined, problems: Problem[]): DecodedPayload | undefined {
  let text: string | undefined
  if (isObject(header?.value) && header.value.b64 === false) {
    // RFC 7797 §3: with "b64": false the payload is carried as is, not base64url-encoded.
    text = segment.text
  } else {
    const decoded = decodeBase64url(segment.text)
    problems.push(...base64Problems(segment, decoded))
    text = segmentText(segment, decoded.bytes, problems)
    if (text === undefined) return { kind: 'bytes', bytes: decoded.bytes }
  }
  const trimmed = text.trimStart()
  if (trimmed === '') {
    problems.push(problem('payload.empty', 'warning', 'payload', segment.range, say('payload.empty', {}, 'The payload is empty; a JWT carries its claims as a JSON object (RFC 7519 §7.2)')))
    return { kind: 'text', text }
  }
  const parsed = parseJson(text)
  const invalid = parsed.issues.some((i) => i.code === 'invalid-json')
  if (invalid && !'{["'.includes(trimmed[0]!)) {
    problems.push(problem('payload.not-json', 'warning', 'payload', segment.range, say('payload.not-json', {}, 'The payload is text, not JSON; a JWS may carry any content, but a JWT carries its claims as a JSON object (RFC 7519 §7.2)')))
    return { kind: 'text', text }
  }
  problems.push(...jsonProblems(segment, text, parsed.issues))
  if (!invalid && !isObject(parsed.value)) {
    const type = jsonType(parsed.value)
    problems.push(problem('payload.not-object', 'warning', 'payload', segment.range, say('payload.not-object', { type }, `The payload is JSON ${type.text}; a JWT claims set must be a JSON object (RFC 7519 §7.2)`)))
  }
  return { kind: 'json', text, value: invalid ? undefined : parsed.value }
}

function decodeSignature(segment: Segment, alg: string | undefined, problems: Problem[]): Uint8Array {
  const decoded = decodeBase64url(segment.text)
  problems.push(...base64Problems(segment, decoded))
  if (alg === 'none' && segment.text.length > 0) {
    problems.push(problem('signature.not-empty-for-none', 'error', 'signature', segment.range, say('signature.not-empty-for-none', {}, 'The header says "alg": "none", so the signature must be empty (RFC 7518 §3.6), but it is not')))
  } else if (alg !== 'none' && segment.text.length === 0 && alg !== undefined) {
    problems.push(problem('signature.empty', 'error', 'signature', segment.range, say('signature.empty', { alg }, `The signature part is empty, but the header says "alg": "${alg}"; the token is unsigned or its signature was cut off`)))
  }
  return decoded.bytes
}

function describeJwe(segments: readonly Segment[], problems: Problem[]): JweParts {
  const length = (i: number) => {
    const segment = segments[i]!
    const decoded = decodeBase64url(segment.text)
    problems.push(...base64Problems(segment, decoded))
    return decoded.bytes.length
  }
  problems.push(problem('token.jwe', 'info', 'token', segments[0]!.range, say('token.jwe', {}, 'This is an encrypted token (JWE, RFC 7516): only its header can be read; the payload needs the recipient\'s key to decrypt')))
  return { encryptedKeyBytes: length(1), ivBytes: length(2), ciphertextBytes: length(3), tagBytes: length(4) }
}

/**
 * The largest pasted text decoded: 16 MiB of characters holds a token with an 8 MB payload (base64url
 * adds a third). Beyond it the page would stall for seconds, so the text is kept but not decoded.
 */
export const MAX_TOKEN_LENGTH = 16 * 1024 * 1024


/** The last text decoded: the page and verification ask about the same token many times. */
let last: { input: string; decoded: DecodedToken } | undefined

/** The decoded token when this text was the last decoded (or remembered), without decoding. */
export const decodedIfKnown = (input: string): DecodedToken | undefined => (last?.input === input ? last.decoded : undefined)

/** Remembers a result decoded elsewhere (in a worker), so decodeToken returns it at once. */
export function rememberDecoded(input: string, decoded: DecodedToken): void {
  last = { input, decoded }
}

/** Decodes pasted text into the parts of a JWS or JWE. Never throws. The result is immutable. */
export function decodeToken(input: string): DecodedToken {
  if (last?.input !== input) last = { input, decoded: decodeUncached(input) }
  return last.decoded
}

function decodeUncached(input: string): DecodedToken {
  if (input.length > MAX_TOKEN_LENGTH) {
    // Exact counts: rounded sizes would read "16.0 MiB; up to 16.0 MiB" one character over.
    const message = `This text is ${input.length.toLocaleString('en')} characters; the page decodes tokens up to ${MAX_TOKEN_LENGTH.toLocaleString('en')} characters (16 MiB), so it was not decoded`
    return { kind: 'unknown', tokenRange: [0, input.length], token: '', segments: [], dots: [], problems: [problem('token.too-large', 'error', 'token', [0, 0], say('token.too-large', { length: input.length, max: MAX_TOKEN_LENGTH }, message))] }
  }
  const split = splitToken(input)
  const problems: Problem[] = [...split.problems]
  const { segments, kind } = split
  const token = input.slice(...split.tokenRange)
  const base = { kind, tokenRange: split.tokenRange, token, segments, dots: split.dots }
  if (segments.length === 0) {
    problems.push(problem('token.empty', 'info', 'token', [0, input.length], say('token.empty', {}, 'Paste a token: three base64url parts separated by dots, header.payload.signature')))
    return { ...base, problems }
  }

  const headerSegment = segments[0]!
  const header = decodeHeader(headerSegment, problems)
  const alg = header ? checkAlg(header, headerSegment, kind, problems) : undefined
  if (kind === 'jwe') {
    return { ...base, header, alg, jwe: describeJwe(segments, problems), problems }
  }
  const payloadSegment = segments[1]
  const payload = payloadSegment ? decodePayload(payloadSegment, header, problems) : undefined
  const signatureSegment = segments[2]
  const signature = signatureSegment ? decodeSignature(signatureSegment, alg, problems) : undefined
  return { ...base, header, payload, signature, alg, problems }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What JSON type a value is, for a sentence: "an array", "null", "a number (3)". */
function jsonType(value: unknown): Sentence {
  if (Array.isArray(value)) return say('json.type', { type: 'array', json: '' }, 'an array')
  if (value === null) return say('json.type', { type: 'null', json: '' }, 'null')
  if (typeof value === 'object') return say('json.type', { type: 'object', json: '' }, 'an object')
  const json = String(JSON.stringify(value))
  return say('json.type', { type: typeof value, json }, `a ${typeof value} (${json})`)
}
