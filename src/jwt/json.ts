/**
 * A JSON (RFC 8259) reader that keeps what JSON.parse throws away: where every value sits in the
 * text, member names that appear twice (JSON.parse silently keeps the last, RFC 7515 §4 says a
 * JOSE header must reject them), and the exact text of each number (big integers, `3.0`).
 *
 * It is iterative, so 10,000 levels of nesting cannot overflow the call stack.
 */
import { say, type Sentence } from './sentences'
import type { Range } from './types'

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull

export interface JsonObject {
  readonly kind: 'object'
  range: Range
  readonly members: JsonMember[]
}
export interface JsonMember {
  readonly key: string
  readonly keyRange: Range
  /** From the member name's opening quote to the end of its value. */
  range: Range
  value: JsonNode
}
export interface JsonArray {
  readonly kind: 'array'
  range: Range
  readonly items: JsonNode[]
}
export interface JsonString {
  readonly kind: 'string'
  readonly range: Range
  readonly value: string
}
export interface JsonNumber {
  readonly kind: 'number'
  readonly range: Range
  /** The number as written: `3.0`, `12345678901234567890`. */
  readonly raw: string
  readonly value: number
}
export interface JsonBoolean {
  readonly kind: 'boolean'
  readonly range: Range
  readonly value: boolean
}
export interface JsonNull {
  readonly kind: 'null'
  readonly range: Range
}

export const JsonIssueCode = {
  syntax: 'invalid-json',
  duplicateMember: 'duplicate-member',
  unsafeInteger: 'unsafe-integer',
  loneSurrogate: 'lone-surrogate',
} as const
export type JsonIssueCode = (typeof JsonIssueCode)[keyof typeof JsonIssueCode]

export interface JsonIssue {
  readonly code: JsonIssueCode
  /** Range in the JSON text. */
  readonly range: Range
  readonly message: string
  /** The message as a code and params, for the page to say in its language. */
  readonly sentence?: Sentence
}

export interface JsonParsed {
  /** The tree when asked for and the text is valid JSON; undefined otherwise. */
  readonly root: JsonNode | undefined
  /** The value JSON.parse gives (last duplicate wins), when the text is valid JSON. */
  readonly value: unknown
  readonly issues: readonly JsonIssue[]
}

/** Beyond this many reports of one kind the rest are only counted, so a hostile document stays cheap. */
const MAX_ISSUES_PER_CODE = 20

// eslint-disable-next-line no-control-regex -- RFC 8259 §7: U+0000 to U+001F must be escaped in strings
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const INTEGER = /^-?[0-9]+$/
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

class JsonSyntaxError {
  readonly range: Range
  readonly message: string
  readonly sentence: Sentence
  constructor(range: Range, sentence: Sentence) {
    this.range = range
    this.message = sentence.text
    this.sentence = sentence
  }
}

interface ObjectFrame {
  kind: 'object'
  node: JsonObject
  /** Position of each member name's first occurrence, to report duplicates. */
  firstSeen: Map<string, number>
  pendingKey?: { key: string; keyRange: Range }
}
type Frame = ObjectFrame | { kind: 'array'; node: JsonArray }

/**
 * Parses JSON text, never throwing: a syntax error becomes the one `invalid-json` issue.
 * Building the tree of positions costs several times more than checking the text (on a 1 MB
 * document of small members, more than JSON.parse itself), so it is built only when asked for.
 */
export function parseJson(text: string, { tree = false }: { tree?: boolean } = {}): JsonParsed {
  const reader = new Reader(text, tree)
  try {
    const root = reader.document()
    return { root: tree ? root : undefined, value: JSON.parse(text) as unknown, issues: reader.issues }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    return {
      root: undefined,
      value: undefined,
      issues: [...reader.issues, { code: 'invalid-json', range: error.range, message: error.message, sentence: error.sentence }],
    }
  }
}

/** Describes the character at `at` for a message: `'x'`, `a line break`, `the end of the text`. */
function describeAt(text: string, at: number): Sentence {
  if (at >= text.length) return say('json.at.end', {}, 'the end of the text')
  const code = text.codePointAt(at)!
  if (code === 10 || code === 13) return say('json.at.line-break', {}, 'a line break')
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    return say('json.at.control', { code: hex }, `control character ${hex}`)
  }
  if (code === 0xfeff) return say('json.at.bom', {}, 'a byte order mark (U+FEFF)')
  const char = String.fromCodePoint(code)
  return say('json.at.char', { char }, `'${char}'`)
}

class Reader {
  pos = 0
  readonly issues: JsonIssue[] = []
  private readonly counts = new Map<JsonIssueCode, number>()
  private readonly text: string

  /** False: check only, without allocating nodes (every scalar is the same placeholder). */
  private readonly build: boolean

  constructor(text: string, build: boolean) {
    this.text = text
    this.build = build
  }

  document(): JsonNode {
    const stack: Frame[] = []
    let root: JsonNode | undefined
    for (;;) {
      // Expecting a value here.
      const value = this.valueOrOpen(stack)
      if (value === undefined) continue // a container was opened; its first value comes next
      let done: JsonNode | undefined = value
      // Attach the finished value, then close as many containers as end here.
      while (done) {
        const frame = stack[stack.length - 1]
        if (!frame) {
          root = done
          break
        }
        done = this.attach(frame, done, stack)
      }
      if (root) break
    }
    this.skipWhitespace()
    if (this.pos < this.text.length) {
      const found = describeAt(this.text, this.pos)
      throw this.error(say('json.trailing-text', { found }, `Expected the end of the JSON text after the value, found ${found.text}`))
    }
    return root
  }

  /** Reads a scalar, or opens a container (pushing a frame) and returns undefined. */
  private valueOrOpen(stack: Frame[]): JsonNode | undefined {
    this.skipWhitespace()
    const start = this.pos
    const c = this.text.charCodeAt(start)
    if (c === 123 /* { */ || c === 91 /* [ */) {
      this.pos++
      const frame: Frame =
        c === 123
          ? { kind: 'object', node: { kind: 'object', range: [start, start], members: [] }, firstSeen: new Map() }
          : { kind: 'array', node: { kind: 'array', range: [start, start], items: [] } }
      stack.push(frame)
      this.skipWhitespace()
      const close = c === 123 ? 125 : 93
      if (this.text.charCodeAt(this.pos) === close) {
        this.pos++
        frame.node.range = [start, this.pos]
        stack.pop()
        return frame.node
      }
      if (frame.kind === 'object') frame.pendingKey = this.memberName(frame)
      return undefined
    }
    if (c === 34 /* " */) {
      const value = this.string()
      return this.build ? { kind: 'string', value, range: [start, this.pos] } : PLACEHOLDER
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) return this.number()
    const literal = c === 116 ? TRUE : c === 102 ? FALSE : c === 110 ? NULL : undefined
    if (literal && this.text.startsWith(literal.word, start)) {
      this.pos += literal.word.length
      return this.build ? ({ ...literal.node, range: [start, this.pos] } as JsonNode) : PLACEHOLDER
    }
    const open = stack[stack.length - 1]
    if (start >= this.text.length && open) {
      const opened = open.node.range[0]
      throw this.error(say('json.ends-in-value', { container: open.kind, opened }, `The JSON ends early: expected a value in the ${open.kind} opened at position ${opened}`))
    }
    const within = stack.length === 0 ? '' : stack[stack.length - 1]!.kind === 'object' ? 'member' : 'array'
    const where = within === '' ? '' : within === 'member' ? ' for the member' : ' in the array'
    const found = describeAt(this.text, start)
    throw this.error(say('json.expected-value', { where: within, found }, `Expected a value${where} (an object, array, string, number, true, false or null), found ${found.text}`))
  }

  /** Adds a finished value to its container; returns the container if this closed it. */
  private attach(frame: Frame, value: JsonNode, stack: Frame[]): JsonNode | undefined {
    if (!this.build) {
      // checking only: nothing to attach
    } else if (frame.kind === 'object') {
      const { key, keyRange } = frame.pendingKey!
      frame.node.members.push({ key, keyRange, value, range: [keyRange[0], value.range[1]] })
    } else {
      frame.node.items.push(value)
    }
    this.skipWhitespace()
    const c = this.text.charCodeAt(this.pos)
    const close = frame.kind === 'object' ? 125 : 93
    if (c === 44 /* , */) {
      const comma = this.pos++
      if (frame.kind === 'object') {
        this.skipWhitespace()
        if (this.text.charCodeAt(this.pos) === 125) throw this.error(say('json.trailing-comma', { container: 'object' }, 'A comma must be followed by another member; remove the trailing comma'), comma)
        frame.pendingKey = this.memberName(frame)
      } else {
        this.skipWhitespace()
        if (this.text.charCodeAt(this.pos) === 93) throw this.error(say('json.trailing-comma', { container: 'array' }, 'A comma must be followed by another value; remove the trailing comma'), comma)
      }
      return undefined
    }
    if (c === close) {
      this.pos++
      frame.node.range = [frame.node.range[0], this.pos]
      stack.pop()
      return frame.node
    }
    const opener = frame.node.range[0]
    if (this.pos >= this.text.length) {
      const message = `The JSON ends early: expected '${frame.kind === 'object' ? '}' : ']'}' to close the ${frame.kind} opened at position ${opener}`
      throw this.error(say('json.ends-unclosed', { container: frame.kind, opened: opener }, message))
    }
    const found = describeAt(this.text, this.pos)
    const message = `Expected ',' or '${frame.kind === 'object' ? '}' : ']'}' after the ${frame.kind === 'object' ? 'member' : 'item'}, found ${found.text}`
    throw this.error(say('json.expected-separator', { container: frame.kind, found }, message))
  }

  /** Reads `"name" :` and reports a name seen before in the same object. */
  private memberName(frame: ObjectFrame): { key: string; keyRange: Range } {
    this.skipWhitespace()
    const start = this.pos
    if (this.text.charCodeAt(start) !== 34) {
      const found = describeAt(this.text, start)
      const singleQuote = this.text[start] === "'" ? 'yes' : ''
      const hint = singleQuote ? ' (JSON needs double quotes)' : ''
      throw this.error(say('json.expected-name', { found, singleQuote }, `Expected a member name in double quotes, found ${found.text}${hint}`))
    }
    const key = this.string()
    const keyRange: Range = [start, this.pos]
    this.noteMember(frame, key, keyRange)
    this.skipWhitespace()
    if (this.text.charCodeAt(this.pos) !== 58 /* : */) {
      const found = describeAt(this.text, this.pos)
      throw this.error(say('json.expected-colon', { key, found }, `Expected ':' after the member name "${key}", found ${found.text}`))
    }
    this.pos++
    return { key, keyRange }
  }

  /** Reads a string starting at its opening quote; returns its value. */
  private string(): string {
    const text = this.text
    const start = this.pos
    let i = start + 1
    let value = ''
    for (;;) {
      // The regex engine skips a run of plain characters far faster than a charCodeAt loop.
      PLAIN_RUN.lastIndex = i
      PLAIN_RUN.test(text)
      const runEnd = PLAIN_RUN.lastIndex
      const c = text.charCodeAt(runEnd)
      if (c === 34) {
        this.pos = runEnd + 1
        return value + text.slice(i, runEnd)
      }
      if (c === 92) {
        value += text.slice(i, runEnd) + this.escape(runEnd)
        i = runEnd + (text[runEnd + 1] === 'u' ? 6 : 2)
        continue
      }
      this.pos = runEnd
      if (runEnd >= text.length) throw this.error(say('json.unclosed-string', { opened: start }, `The string opened at position ${start} has no closing quote`), start)
      const found = describeAt(text, runEnd)
      throw this.error(say('json.control-in-string', { found }, `A string cannot contain ${found.text}; escape it (e.g. \\n for a line break)`))
    }
  }

  private escape(at: number): string {
    const letter = this.text[at + 1]
    if (letter === undefined) {
      this.pos = at
      throw this.error(say('json.escape-ends', {}, 'The text ends inside an escape sequence'))
    }
    const simple = ESCAPES[letter]
    if (simple !== undefined) return simple
    if (letter === 'u') {
      const hex = this.text.slice(at + 2, at + 6)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.pos = at
        throw this.error(say('json.unicode-escape', { hex }, `\\u must be followed by four hex digits, found '\\u${hex}'`), at, at + 2 + hex.length)
      }
      const unit = parseInt(hex, 16)
      if (unit >= 0xd800 && unit <= 0xdfff) this.checkSurrogate(at, unit)
      return String.fromCharCode(unit)
    }
    this.pos = at
    throw this.error(say('json.bad-escape', { letter }, `'\\${letter}' is not a JSON escape; use one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`), at, at + 2)
  }

  /** RFC 8259 §8.2: a lone surrogate escape is valid JSON but not valid Unicode. */
  private checkSurrogate(at: number, unit: number) {
    const isHigh = unit <= 0xdbff
    const partnerAt = isHigh ? at + 6 : at - 6
    const partner = /^\\u([dD][89a-fA-F][0-9a-fA-F]{2})$/.exec(this.text.slice(partnerAt, partnerAt + 6))
    const partnerUnit = partner ? parseInt(partner[1]!, 16) : 0
    const paired = isHigh ? partnerUnit >= 0xdc00 && partnerUnit <= 0xdfff : partnerUnit >= 0xd800 && partnerUnit <= 0xdbff
    if (!paired) {
      const escape = this.text.slice(at, at + 6)
      this.report('lone-surrogate', [at, at + 6], say('json.lone-surrogate', { escape, at }, `The escape ${escape} at position ${at} is half of a UTF-16 surrogate pair with no other half; it is not a valid character`))
    }
  }

  private number(): JsonNode {
    const start = this.pos
    NUMBER.lastIndex = start
    const match = NUMBER.exec(this.text)
    if (!match) {
      const at = this.text[start] === '-' ? start + 1 : start
      const found = describeAt(this.text, at)
      throw this.error(say('json.expected-digit', { found }, `Expected a digit, found ${found.text}`), at)
    }
    const raw = match[0]
    this.pos = start + raw.length
    const next = this.text.charCodeAt(this.pos)
    if ((next >= 48 && next <= 57) || next === 46) {
      const leadingZero = raw === '0' || raw === '-0' ? 'yes' : ''
      const why = leadingZero ? 'a number cannot have leading zeros' : 'this is not a valid number'
      const found = describeAt(this.text, this.pos)
      throw this.error(say('json.bad-number', { found, leadingZero }, `Unexpected ${found.text} in the number: ${why}`))
    }
    const value = Number(raw)
    if (INTEGER.test(raw) && !Number.isSafeInteger(value)) {
      const long = raw.length > 40
      const short = long ? `${raw.slice(0, 20)}…${raw.slice(-10)}` : raw
      const shown = long ? `${short} (${raw.length} digits)` : raw
      const read = String(Number.isFinite(value) ? BigInt(value) : value)
      const sentence = say('json.unsafe-integer', { shown: short, digits: long ? raw.length : 0, read }, `The number ${shown} is beyond 2^53: JavaScript reads it as ${read}, other languages may not`)
      this.report('unsafe-integer', [start, this.pos], sentence)
    }
    return this.build ? { kind: 'number', raw, value, range: [start, this.pos] } : PLACEHOLDER
  }

  private skipWhitespace() {
    const text = this.text
    let c = text.charCodeAt(this.pos)
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++this.pos)
  }

  private report(code: JsonIssueCode, range: Range, sentence: Sentence) {
    const count = (this.counts.get(code) ?? 0) + 1
    this.counts.set(code, count)
    if (count <= MAX_ISSUES_PER_CODE) this.issues.push({ code, range, message: sentence.text, sentence })
  }

  /** Reports a member name seen before in the same object. */
  private noteMember(frame: ObjectFrame, key: string, keyRange: Range) {
    const earlier = frame.firstSeen.get(key)
    if (earlier === undefined) {
      frame.firstSeen.set(key, keyRange[0])
      return
    }
    const message = `The member name "${key}" appears again at position ${keyRange[0]} (first at ${earlier}); JSON.parse keeps only the last value, other parsers may keep the first`
    this.report('duplicate-member', keyRange, say('json.duplicate-member', { key, at: keyRange[0], first: earlier }, message))
  }

  private error(problem: Sentence, start = this.pos, end = Math.min(start + 1, this.text.length)): JsonSyntaxError {
    return new JsonSyntaxError([start, Math.max(start, end)], say('json.position', { problem, position: start }, `${problem.text} (position ${start})`))
  }
}

const PLACEHOLDER: JsonNode = { kind: 'null', range: [0, 0] }
const TRUE = { word: 'true', node: { kind: 'boolean', value: true } } as const
const FALSE = { word: 'false', node: { kind: 'boolean', value: false } } as const
const NULL = { word: 'null', node: { kind: 'null' } } as const
