/**
 * Finding the token in what people paste, and splitting it into its parts (RFC 7515 §7.1,
 * RFC 7516 §7.1). Every range is in the pasted text, so the page can colour it as typed.
 */
import { say, type Sentence } from './sentences'
import type { Part, Problem, Range } from './types'

export type TokenKind = 'jws' | 'jwe' | 'unknown'

export interface Segment {
  readonly part: Part
  /** Range of the segment's characters in the pasted text. */
  readonly range: Range
  readonly text: string
}

export interface SplitToken {
  readonly kind: TokenKind
  /** The token inside the pasted text, after removing a header name, `Bearer`, quotes. */
  readonly tokenRange: Range
  readonly segments: readonly Segment[]
  /** Ranges of the dots between segments. */
  readonly dots: readonly Range[]
  /** What was removed or tolerated, and structural problems. */
  readonly problems: readonly Problem[]
}

const JWS_PARTS: readonly Part[] = ['header', 'payload', 'signature']
const JWE_PARTS: readonly Part[] = ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag']

const AUTHORIZATION = /^["']?authorization\s*:\s*/i
/** `Bearer` (RFC 6750 §2.1), or `JWT`, the prefix Flask-JWT expects. */
const BEARER = /^(?:bearer|jwt)\s+/i
/** Log and source-code wrappers: `token=`, `"id_token": `, `access_token: ` before the token. */
const ASSIGNMENT = /^["']?[A-Za-z_][\w-]*["']?\s*[:=]\s*/
const QUOTES = `"'\``

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t'

function note(code: string, range: Range, sentence: Sentence): Problem {
  return { code, severity: 'info', part: 'token', offset: range[0], range, message: sentence.text, sentence }
}

/** Narrows `[start, end)` of `text` to the token, noting each wrapper removed. */
function findToken(text: string, problems: Problem[]): Range {
  let start = 0
  let end = text.length
  while (start < end && isSpace(text[start])) start++
  while (end > start && isSpace(text[end - 1])) end--

  const strip = (pattern: RegExp, code: string, describe: (removed: string) => Sentence) => {
    const match = pattern.exec(text.slice(start, end))
    if (!match) return
    problems.push(note(code, [start, start + match[0].length], describe(match[0].trim())))
    start += match[0].length
  }
  // Wrappers nest in any order ("Bearer eyJ…" in quotes, a quoted token after a name), so
  // peel them until nothing changes.
  for (let previous = [-1, -1]; previous[0] !== start || previous[1] !== end; ) {
    previous = [start, end]
    strip(AUTHORIZATION, 'token.authorization-header', () => say('token.authorization-header', {}, "Removed the 'Authorization:' header name before the token"))
    if (!/^eyJ/.test(text.slice(start, end))) {
      strip(ASSIGNMENT, 'token.assignment', (removed) => say('token.assignment', { removed }, `Removed '${removed}' before the token`))
    }
    strip(BEARER, 'token.bearer-prefix', (removed) => say('token.bearer-prefix', { removed }, `Removed the '${removed}' prefix: it belongs to the Authorization header, not to the token`))
    ;[start, end] = stripPunctuationAndQuotes(text, start, end, problems)
    while (start < end && isSpace(text[start])) start++
    while (end > start && isSpace(text[end - 1])) end--
  }
  return [start, end]
}

/** Drops trailing `,` `;` and surrounding quotes, noting each. */
function stripPunctuationAndQuotes(text: string, start: number, end: number, problems: Problem[]): Range {
  // Trailing punctuation from a log line or source code, then matching quotes.
  while (end > start && ',;'.includes(text[end - 1]!)) {
    const char = text[end - 1]!
    problems.push(note('token.trailing-punctuation', [end - 1, end], say('token.trailing-punctuation', { char }, `Ignored '${char}' after the token`)))
    end--
  }
  // An empty range has no quotes left to strip (`""` is emptied by the first pass).
  const first = start < end ? text[start] : undefined
  if (first !== undefined && QUOTES.includes(first)) {
    const closing = text[end - 1] === first && end - start > 1
    const which = closing ? 'surrounding' : 'opening'
    problems.push(note('token.quotes', [start, start + 1], say('token.quotes', { quote: first, which }, closing ? `Removed the surrounding quotes (${first})` : `Ignored the opening quote (${first})`)))
    start++
    if (closing) end--
  } else if (end > start && QUOTES.includes(text[end - 1]!)) {
    const quote = text[end - 1]!
    problems.push(note('token.quotes', [end - 1, end], say('token.quotes', { quote, which: 'closing' }, `Ignored the closing quote (${quote})`)))
    end--
  }
  return [start, end]
}

/** Splits pasted text into token segments. Never throws. */
export function splitToken(text: string): SplitToken {
  const problems: Problem[] = []
  const tokenRange = findToken(text, problems)
  const [start, end] = tokenRange
  if (start === end) {
    return { kind: 'unknown', tokenRange, segments: [], dots: [], problems }
  }

  const dots: Range[] = []
  for (let at = text.indexOf('.', start); at !== -1 && at < end; at = text.indexOf('.', at + 1)) dots.push([at, at + 1])
  const kind: TokenKind = dots.length === 2 ? 'jws' : dots.length === 4 ? 'jwe' : 'unknown'
  const names = kind === 'jwe' ? JWE_PARTS : JWS_PARTS

  const segments: Segment[] = []
  let segmentStart = start
  for (let i = 0; i <= dots.length; i++) {
    const segmentEnd = i < dots.length ? dots[i]![0] : end
    // Parts beyond the JWS three (a wrong dot count) are still coloured, as signature.
    const part = names[Math.min(i, names.length - 1)]!
    segments.push({ part, range: [segmentStart, segmentEnd], text: text.slice(segmentStart, segmentEnd) })
    segmentStart = segmentEnd + 1
  }

  if (kind === 'unknown') problems.push(dotCountProblem(tokenRange, dots))
  return { kind, tokenRange, segments, dots, problems }
}

function dotCountProblem(tokenRange: Range, dots: readonly Range[]): Problem {
  const found = dots.length === 1 ? '1 dot' : `${dots.length} dots`
  const expected = 'a JWS has 2 dots (header.payload.signature), a JWE has 4'
  if (dots.length === 0) {
    const sentence = say('token.no-dots', {}, `Found no dots: ${expected}`)
    return {
      code: 'token.dot-count',
      severity: 'error',
      part: 'token',
      offset: tokenRange[0],
      range: tokenRange,
      message: sentence.text,
      sentence,
    }
  }
  const last = dots[dots.length - 1]!
  const isTrailing = last[1] === tokenRange[1]
  const where: Range = dots.length < 2 ? [tokenRange[1], tokenRange[1]] : dots.length === 3 ? last : dots[2]!
  const kind = dots.length === 1 ? 'missing-signature' : isTrailing && dots.length === 3 ? 'trailing-dot' : ''
  const hint = kind === 'missing-signature' ? '; the signature part is missing' : kind === 'trailing-dot' ? `; the dot at offset ${last[0]} ends the token with an empty part` : ''
  const sentence = say('token.dot-count', { dots: dots.length, hint: kind, at: last[0] }, `Found ${found}: ${expected}${hint}`)
  return {
    code: 'token.dot-count',
    severity: 'error',
    part: 'token',
    offset: where[0],
    range: where,
    message: sentence.text,
    sentence,
  }
}
