/**
 * Linked highlighting, down to the character: which characters of an encoded segment carry which
 * characters of its decoded JSON, and the reverse.
 *
 * RFC 4648 §4/§5: base64url reads the bytes as one bit stream, most significant bit first, and
 * cuts it into 6-bit groups, one character each. Byte b occupies bits [8b, 8b+8) and character c
 * carries bits [6c, 6c+6), so 3 bytes make 4 characters and a character on a boundary carries bits
 * of two neighbouring bytes. JSON positions are UTF-16 indices, bytes are UTF-8 (RFC 3629), so a
 * JSON character maps to 1 to 4 bytes and is always mapped as a whole.
 *
 * The segment is taken to be clean base64url without padding (RFC 7515 §2), as decodeToken reports
 * any other; characters beyond what the bytes need are not mapped.
 */
import { parseJson, type JsonNode } from './json'
import type { Range } from './types'
import { utf8Length } from './utf8'

/** RFC 4648 §5, Table 2: the base64url alphabet, value → letter. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** The token characters that carry a range of the JSON text. */
export interface TokenChars {
  /** Characters whose every data bit belongs to the range's bytes (token text indices). */
  readonly full: Range
  /** The character just before `full` when it also carries bits of the byte before the range. */
  readonly partialStart?: number
  /** The character at `full[1]` when it also carries bits of the byte after the range. */
  readonly partialEnd?: number
}

/** The JSON characters that the bits of a range of token characters decode to. */
export interface JsonChars {
  /** JSON characters (UTF-16 range) whose every bit lies in the token characters. */
  readonly full: Range
  /** The JSON character ending at `full[0]`, when only some of its bits lie in the token characters. */
  readonly partialStart?: Range
  /** The JSON character starting at `full[1]`, when only some of its bits lie in the token characters. */
  readonly partialEnd?: Range
}

/** Where a segment sits and how many characters and bytes it maps. */
interface Geometry {
  /** The segment's first character in the token text. */
  readonly start: number
  /** Characters mapped: those the bytes need, at most the segment's length. */
  readonly chars: number
  /** UTF-8 bytes of the JSON text. */
  readonly bytes: number
}

/** A finite integer in [min, max]; NaN counts as min, so no input can make a range throw. */
function toIndex(n: number, min: number, max: number): number {
  if (Number.isNaN(n)) return min
  return Math.min(Math.max(Math.trunc(n), min), max)
}

/** RFC 4648 §4: n bytes need ⌈8n/6⌉ characters once the padding is left out (RFC 7515 §2). */
const charsFor = (bytes: number) => Math.ceil((bytes * 8) / 6)

function geometry(segmentRange: Range, json: string): Geometry {
  const start = toIndex(segmentRange[0], 0, Number.MAX_SAFE_INTEGER)
  const end = toIndex(segmentRange[1], start, Number.MAX_SAFE_INTEGER)
  const bytes = utf8Length(json)
  return { start, chars: Math.min(end - start, charsFor(bytes)), bytes }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** True when index i falls between the two halves of a surrogate pair, inside one character. */
const splitsPair = (json: string, i: number) => i > 0 && isHighSurrogate(json.charCodeAt(i - 1)) && isLowSurrogate(json.charCodeAt(i))

/**
 * UTF-8 length of the character starting at json[i] (RFC 3629 §3); a lone surrogate counts as
 * U+FFFD, 3 bytes, as TextEncoder writes it. A 4-byte character is the only one of 2 UTF-16 units.
 */
function utf8BytesAt(json: string, i: number): 1 | 2 | 3 | 4 {
  const code = json.charCodeAt(i)
  if (code < 0x80) return 1
  if (code < 0x800) return 2
  if (isHighSurrogate(code) && isLowSurrogate(json.charCodeAt(i + 1))) return 4
  return 3
}

/** The range widened to whole characters: a surrogate pair is never split (an empty range stays empty). */
function wholeCharacters(json: string, range: Range): Range {
  let start = toIndex(range[0], 0, json.length)
  let end = toIndex(range[1], start, json.length)
  const empty = start === end
  if (splitsPair(json, start)) start--
  if (empty) end = start
  else if (splitsPair(json, end)) end++
  return [start, end]
}

/**
 * The token characters that carry the bytes of `json.slice(...jsonRange)`. `segmentRange` is
 * where the segment sits in the token text; its base64url decodes to the UTF-8 bytes of `json`.
 * A character is full when all its data bits belong to these bytes (the zero bits that pad the
 * last character belong to no byte), partial when it carries bits of a neighbour too.
 */
export function tokenCharsForJson(segmentRange: Range, json: string, jsonRange: Range): TokenChars {
  const { start, chars, bytes } = geometry(segmentRange, json)
  const [from, to] = wholeCharacters(json, jsonRange)
  const firstByte = utf8Length(json, 0, from)
  const endByte = firstByte + utf8Length(json, from, to)
  const firstBit = firstByte * 8
  const endBit = endByte * 8
  // Full: 6c ≥ firstBit, and 6c + 6 ≤ endBit unless the range runs to the last byte, whose
  // character ends in padding bits (RFC 4648 §3.5) rather than in a neighbour's.
  const firstFull = Math.ceil(firstBit / 6)
  const endFull = endByte === bytes ? charsFor(bytes) : Math.floor(endBit / 6)
  const fullStart = Math.min(firstFull, chars)
  const fullEnd = Math.max(fullStart, Math.min(endFull, chars))
  const result: { full: Range; partialStart?: number; partialEnd?: number } = { full: [start + fullStart, start + fullEnd] }
  if (firstByte === endByte) return result
  // A range of at least one byte (8 bits) never starts and ends inside the same 6-bit character.
  if (firstBit % 6 !== 0 && firstFull - 1 < chars) result.partialStart = start + firstFull - 1
  if (endBit % 6 !== 0 && endByte < bytes && endFull < chars) result.partialEnd = start + endFull
  return result
}

/**
 * The JSON characters whose bytes the token characters `tokenRange` carry. A JSON character is
 * partial when only some of its bits lie in these characters. An empty `tokenRange` gives an
 * empty `full` at the first character boundary at or after it; for the character at a caret,
 * pass [caret, caret + 1].
 */
export function jsonCharsForToken(segmentRange: Range, json: string, tokenRange: Range): JsonChars {
  const { start, chars, bytes } = geometry(segmentRange, json)
  const from = toIndex(tokenRange[0] - start, 0, chars)
  const to = toIndex(tokenRange[1] - start, from, chars)
  const firstBit = from * 6
  const endBit = Math.min(to * 6, bytes * 8)
  let boundary = json.length
  let fullStart = -1
  let fullEnd = -1
  let partialStart: Range | undefined
  let partialEnd: Range | undefined
  for (let i = 0, byte = 0; i < json.length; ) {
    const length = utf8BytesAt(json, i)
    const units = length === 4 ? 2 : 1
    const bitStart = byte * 8
    const bitEnd = (byte + length) * 8
    if (bitStart >= firstBit && boundary === json.length) boundary = i
    if (bitStart >= endBit) break
    if (firstBit < endBit && bitEnd > firstBit) {
      if (bitStart >= firstBit && bitEnd <= endBit) {
        if (fullStart < 0) fullStart = i
        fullEnd = i + units
      } else if (fullStart < 0 && !partialStart) partialStart = [i, i + units]
      else partialEnd = [i, i + units]
    }
    i += units
    byte += length
  }
  const full: Range = fullStart >= 0 ? [fullStart, fullEnd] : partialStart ? [partialStart[1], partialStart[1]] : [boundary, boundary]
  return { full, ...(partialStart && { partialStart }), ...(partialEnd && { partialEnd }) }
}

export type Bit = 0 | 1

/** One byte of the inset. */
export interface StepByte {
  /** Index among the segment's decoded bytes. */
  readonly index: number
  /** 0 to 255; the UI writes it in hex and binary. */
  readonly value: number
  /** Its 8 bits, most significant first, the order base64 reads them in (RFC 4648 §4). */
  readonly bits: readonly Bit[]
  /** The JSON character (UTF-16 range) this byte is part of. */
  readonly jsonRange: Range
  /** Which of that character's UTF-8 bytes this is, from 0, and how many it has (RFC 3629 §3). */
  readonly nth: number
  readonly of: number
}

export interface StepBit {
  readonly value: Bit
  /** The byte (StepByte.index) the bit comes from; absent for the zero bits that pad the last character (RFC 4648 §3.5). */
  readonly byte?: number
}

/** One 6-bit group and the letter it becomes. */
export interface StepSextet {
  /** The token character (token text index). */
  readonly tokenIndex: number
  /** 0 to 63. */
  readonly value: number
  /** RFC 4648 §5, Table 2. */
  readonly letter: string
  readonly bits: readonly StepBit[]
  /** True when the character is in the selection, not only in its 4-character group. */
  readonly selected: boolean
}

/** What a "how base64url works" inset shows for a selection of token characters. */
export interface Base64Steps {
  /** The characters shown: the selection widened to whole 4-character groups (RFC 4648 §4: 24-bit groups). */
  readonly tokenRange: Range
  readonly bytes: readonly StepByte[]
  readonly sextets: readonly StepSextet[]
  /** True when the selection had more characters than the inset shows. */
  readonly truncated: boolean
}

const bitsOf = (value: number, count: number): Bit[] => Array.from({ length: count }, (_, k) => ((value >> (count - 1 - k)) & 1) as Bit)

const encoder = new TextEncoder()

/** The bytes [firstByte, endByte) of the UTF-8 encoding of json, each with its JSON character. */
function bytesBetween(json: string, firstByte: number, endByte: number): StepByte[] {
  const found: StepByte[] = []
  for (let i = 0, byte = 0; i < json.length && byte < endByte; ) {
    const length = utf8BytesAt(json, i)
    const units = length === 4 ? 2 : 1
    if (byte + length > firstByte) {
      const encoded = encoder.encode(json.slice(i, i + units))
      for (let k = 0; k < length; k++) {
        const index = byte + k
        if (index < firstByte || index >= endByte) continue
        const value = encoded[k]!
        found.push({ index, value, bits: bitsOf(value, 8), jsonRange: [i, i + units], nth: k, of: length })
      }
    }
    i += units
    byte += length
  }
  return found
}

/**
 * The encoding done by hand for the token characters `tokenRange`: the selection widened to whole
 * groups of 4 characters (3 bytes), at most `maxChars` characters (whole groups, at least one).
 * The letters are computed from the bytes, so they are the canonical encoding. An empty selection
 * shows nothing; for the character at a caret, pass [caret, caret + 1].
 */
export function base64Steps(segmentRange: Range, json: string, tokenRange: Range, { maxChars = 12 }: { maxChars?: number } = {}): Base64Steps {
  const { start, chars, bytes } = geometry(segmentRange, json)
  const from = toIndex(tokenRange[0] - start, 0, chars)
  const to = toIndex(tokenRange[1] - start, from, chars)
  if (from === to) return { tokenRange: [start + from, start + from], bytes: [], sextets: [], truncated: false }
  const groups = Math.max(1, Math.floor(toIndex(maxChars, 0, Number.MAX_SAFE_INTEGER) / 4))
  const firstGroup = Math.floor(from / 4)
  const endGroup = Math.min(Math.ceil(to / 4), firstGroup + groups)
  const firstChar = firstGroup * 4
  const endChar = Math.min(endGroup * 4, chars)
  const firstByte = firstGroup * 3
  const shown = bytesBetween(json, firstByte, Math.min(bytes, Math.ceil((endChar * 6) / 8)))
  const sextets: StepSextet[] = []
  for (let c = firstChar; c < endChar; c++) {
    const bits: StepBit[] = []
    for (let k = 0; k < 6; k++) {
      const bit = c * 6 + k
      const byte = shown[Math.floor(bit / 8) - firstByte]
      bits.push(byte ? { value: byte.bits[bit % 8]!, byte: byte.index } : { value: 0 })
    }
    const value = bits.reduce((sum, bit) => sum * 2 + bit.value, 0)
    sextets.push({ tokenIndex: start + c, value, letter: ALPHABET[value]!, bits, selected: c >= from && c < to })
  }
  return { tokenRange: [start + firstChar, start + endChar], bytes: shown, sextets, truncated: to > endChar }
}

/** The JSON member at an offset: its name, its value and the whole `"name": value`. */
export interface MemberAt {
  readonly key: string
  readonly keyRange: Range
  readonly valueRange: Range
  /** From the name's opening quote to the end of the value (no comma). */
  readonly range: Range
  /** Member names and array indexes from the root down to this member, its own name last. */
  readonly path: readonly (string | number)[]
}

/** The last tree built: hovering asks about the same JSON text many times. */
let lastTree: { json: string; root: JsonNode | undefined } | undefined

/** The child whose range holds offset, by binary search: children are in text order and do not overlap. */
function childAt<T>(children: readonly T[], rangeOf: (child: T) => Range, offset: number): number {
  let low = 0
  let high = children.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [from, to] = rangeOf(children[middle]!)
    if (offset < from) high = middle - 1
    else if (offset >= to) low = middle + 1
    else return middle
  }
  return -1
}

/**
 * The innermost member of any object in `json` whose text holds the character at `offset` (its
 * name, the colon or its value); undefined for braces, commas, whitespace between members, a
 * top-level value that is not inside a member, or text that is not JSON (RFC 8259 §4).
 */
export function memberAt(json: string, offset: number): MemberAt | undefined {
  if (!Number.isFinite(offset)) return undefined
  if (lastTree?.json !== json) lastTree = { json, root: parseJson(json, { tree: true }).root }
  let node = lastTree.root
  const path: (string | number)[] = []
  let found: MemberAt | undefined
  while (node) {
    if (node.kind === 'object') {
      const index = childAt(node.members, (m) => m.range, offset)
      const member = node.members[index]
      if (!member) break
      path.push(member.key)
      found = { key: member.key, keyRange: member.keyRange, valueRange: member.value.range, range: member.range, path: [...path] }
      node = member.value
    } else if (node.kind === 'array') {
      const index = childAt(node.items, (item) => item.range, offset)
      if (index < 0) break
      path.push(index)
      node = node.items[index]
    } else break
  }
  return found
}
