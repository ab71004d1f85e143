/**
 * A minimal ASN.1 DER reader and writer (ITU-T X.690), enough for the key containers of
 * RFC 5280, 5915, 5958, 8017 and 8410.
 *
 * Reading is strict DER: definite, minimal lengths; minimal INTEGERs; primitive strings. Every
 * read is bounds-checked against the enclosing value. The `read*` functions throw `DerError` so a
 * parser can be written as straight-line code; `readDer` is the boundary that turns a `DerError`
 * into a typed result. Offsets are byte offsets in the DER, so a caller can point at the bytes.
 */
import type { Range } from './types'

/** Identifier octets of the universal types we meet (X.680 §8.4), and the constructed bit. */
export const DerTag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OBJECT_IDENTIFIER: 0x06,
  UTF8String: 0x0c,
  NumericString: 0x12,
  PrintableString: 0x13,
  TeletexString: 0x14,
  IA5String: 0x16,
  UTCTime: 0x17,
  GeneralizedTime: 0x18,
  VisibleString: 0x1a,
  UniversalString: 0x1c,
  BMPString: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const
export type DerTag = (typeof DerTag)[keyof typeof DerTag]

const CONSTRUCTED = 0x20
const CONTEXT = 0x80

/** One tag-length-value. `contents` is [start, end) in the DER; `end` is where the next TLV starts. */
export interface Tlv {
  /** The identifier octet: class, constructed bit and tag number (low-tag-number form only). */
  readonly tag: number
  readonly offset: number
  readonly headerLength: number
  readonly length: number
  readonly contents: Range
  readonly end: number
}

export interface DerFailure {
  /** First byte at fault. */
  readonly offset: number
  /** End (exclusive) of the bytes at fault; at least `offset`. */
  readonly end: number
  readonly message: string
}

export type DerResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DerFailure }

/** Malformed DER. Thrown by the `read*` functions; `readDer` catches it. */
export class DerError extends Error {
  readonly offset: number
  readonly end: number

  constructor(offset: number, end: number, message: string) {
    super(message)
    this.name = 'DerError'
    this.offset = offset
    this.end = Math.max(offset, end)
  }
}

/** Runs a reader over `der`; a DerError becomes `{ ok: false }`. Other errors are our bugs. */
export function readDer<T>(der: Uint8Array, read: (der: Uint8Array) => T): DerResult<T> {
  try {
    return { ok: true, value: read(der) }
  } catch (error) {
    if (error instanceof DerError) {
      return { ok: false, error: { offset: error.offset, end: error.end, message: error.message } }
    }
    throw error
  }
}

const UNIVERSAL_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(DerTag).map(([name, tag]) => [tag, name.replace('_', ' ')]),
)

/** A readable name for an identifier octet: `SEQUENCE`, `[0]`, `[APPLICATION 3]`, `tag 0x0b`. */
export function tagName(tag: number): string {
  const number = tag & 0x1f
  switch (tag & 0xc0) {
    case 0x00:
      return UNIVERSAL_NAMES[tag] ?? `universal tag ${number}${tag & CONSTRUCTED ? ' (constructed)' : ''}`
    case 0x40:
      return `[APPLICATION ${number}]`
    case CONTEXT:
      return `[${number}]`
    default:
      return `[PRIVATE ${number}]`
  }
}

// ---------------------------------------------------------------------------------------------
// Reader: structure

/** Reads the TLV at `offset`, which must end by `limit` (the end of the enclosing value). */
export function readTlv(der: Uint8Array, offset: number, limit: number = der.length): Tlv {
  const tag = der[offset]
  if (tag === undefined || offset >= limit) {
    throw new DerError(offset, offset, `expected a DER value at byte ${offset}, found the end of the data`)
  }
  // X.690 §8.1.2.4: tag numbers of 31 and above take more octets; no key format uses them.
  if ((tag & 0x1f) === 0x1f) {
    throw new DerError(offset, offset + 1, `expected a tag number below 31 at byte ${offset}, found the multi-byte form`)
  }
  const first = der[offset + 1]
  if (first === undefined || offset + 1 >= limit) {
    throw new DerError(offset, limit, `expected a length after the ${tagName(tag)} tag at byte ${offset}, found the end of the data`)
  }
  const { length, headerLength } = readLength(der, offset, first, limit)
  const start = offset + headerLength
  if (length > limit - start) {
    throw new DerError(
      offset,
      limit,
      `${tagName(tag)} at byte ${offset} says its contents are ${length} bytes long, but only ${limit - start} bytes follow`,
    )
  }
  return { tag, offset, headerLength, length, contents: [start, start + length], end: start + length }
}

function readLength(der: Uint8Array, offset: number, first: number, limit: number) {
  if (first < 0x80) return { length: first, headerLength: 2 }
  // X.690 §10.1: DER uses the definite form only.
  if (first === 0x80) {
    throw new DerError(offset + 1, offset + 2, `expected a definite length at byte ${offset + 1}, found the indefinite form (BER, not DER)`)
  }
  const count = first & 0x7f
  if (count > 4) {
    throw new DerError(offset + 1, offset + 2, `expected a length of at most 4 octets at byte ${offset + 1}, found ${count}`)
  }
  if (offset + 2 + count > limit) {
    throw new DerError(offset, limit, `expected ${count} length octets at byte ${offset + 2}, found the end of the data`)
  }
  let length = 0
  for (let i = 0; i < count; i++) length = length * 256 + (der[offset + 2 + i] ?? 0)
  // X.690 §10.1: the length must be encoded in the minimum number of octets.
  if (der[offset + 2] === 0 || length < 0x80) {
    throw new DerError(offset + 1, offset + 2 + count, `expected the shortest encoding of the length ${length} at byte ${offset + 1}, found ${count + 1} octets`)
  }
  return { length, headerLength: 2 + count }
}

/** Reads the one TLV that fills `range` exactly, e.g. DER nested inside an OCTET STRING. */
export function readSingle(der: Uint8Array, range: Range, what: string): Tlv {
  const tlv = readTlv(der, range[0], range[1])
  if (tlv.end !== range[1]) {
    throw new DerError(tlv.end, range[1], `expected ${what} to end at byte ${tlv.end}, found ${range[1] - tlv.end} more bytes`)
  }
  return tlv
}

/** The elements of a constructed value (SEQUENCE, SET, explicit [n]). */
export function readChildren(der: Uint8Array, tlv: Tlv): Tlv[] {
  if ((tlv.tag & CONSTRUCTED) === 0) {
    throw new DerError(tlv.offset, tlv.end, `expected a constructed value at byte ${tlv.offset}, found the primitive ${tagName(tlv.tag)}`)
  }
  const children: Tlv[] = []
  for (let at = tlv.contents[0]; at < tlv.contents[1]; ) {
    const child = readTlv(der, at, tlv.contents[1])
    children.push(child)
    at = child.end
  }
  return children
}

/** Checks the identifier octet; `what` names the field for the message ("the RSA modulus n"). */
export function expectTag(tlv: Tlv | undefined, tag: number, what: string, parent?: Tlv): Tlv {
  if (tlv === undefined) {
    const where = parent ? parent.contents[1] : 0
    throw new DerError(parent?.offset ?? 0, where, `expected ${tagName(tag)} for ${what}, found the end of ${parent ? tagName(parent.tag) : 'the data'}`)
  }
  if (tlv.tag !== tag) {
    throw new DerError(tlv.offset, tlv.end, `expected ${tagName(tag)} for ${what} at byte ${tlv.offset}, found ${tagName(tlv.tag)}`)
  }
  return tlv
}

/** A tuple of at least N TLVs, then optional ones: destructuring gives `Tlv` for the first N. */
export type Fields<N extends number, T extends Tlv[] = []> = T['length'] extends N
  ? [...T, ...(Tlv | undefined)[]]
  : Fields<N, [...T, Tlv]>

/** Checks that `parent` has from `min` to `max` elements. */
export function requireFields<N extends number>(fields: Tlv[], parent: Tlv, what: string, min: N, max: number = min): Fields<N> {
  if (fields.length < min || fields.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`
    throw new DerError(parent.offset, parent.end, `expected ${expected} elements in ${what}, found ${fields.length}`)
  }
  return fields as Fields<N>
}

/** The elements of a SEQUENCE, checked to number from `min` to `max`. */
export function readSequence<N extends number>(der: Uint8Array, tlv: Tlv, what: string, min: N, max: number = min): Fields<N> {
  return requireFields(readChildren(der, expectTag(tlv, DerTag.SEQUENCE, what)), tlv, what, min, max)
}

const contentsOf = (der: Uint8Array, tlv: Tlv) => der.subarray(tlv.contents[0], tlv.contents[1])

// ---------------------------------------------------------------------------------------------
// Reader: primitive values

/**
 * A non-negative INTEGER as unsigned big-endian bytes, without the 0x00 that DER puts in front
 * of a value whose high bit is set (X.690 §8.3). Zero reads as a single 0x00.
 */
export function readInteger(der: Uint8Array, tlv: Tlv, what = 'an INTEGER'): Uint8Array {
  expectTag(tlv, DerTag.INTEGER, what)
  const bytes = contentsOf(der, tlv)
  const [first, second] = bytes
  if (first === undefined) throw new DerError(tlv.offset, tlv.end, `expected at least one content octet in ${what}, found none`)
  // X.690 §8.3.2: the first nine bits must not be all zero or all one.
  if (second !== undefined && ((first === 0 && second < 0x80) || (first === 0xff && second >= 0x80))) {
    throw new DerError(tlv.offset, tlv.end, `expected the shortest encoding of ${what}, found a redundant leading 0x${hex(first)}`)
  }
  if (first >= 0x80) throw new DerError(tlv.offset, tlv.end, `expected a non-negative value for ${what}, found a negative INTEGER`)
  return first === 0 && second !== undefined ? bytes.subarray(1) : bytes
}

/** A small non-negative INTEGER such as a version number. */
export function readSmallInteger(der: Uint8Array, tlv: Tlv, what = 'an INTEGER'): number {
  const bytes = readInteger(der, tlv, what)
  if (bytes.length > 4) throw new DerError(tlv.offset, tlv.end, `expected a small number for ${what}, found a ${bytes.length}-byte INTEGER`)
  return bytes.reduce((value, byte) => value * 256 + byte, 0)
}

/** An OBJECT IDENTIFIER as its dotted string, e.g. `1.2.840.10045.2.1` (X.690 §8.19). */
export function readOid(der: Uint8Array, tlv: Tlv, what = 'an OBJECT IDENTIFIER'): string {
  expectTag(tlv, DerTag.OBJECT_IDENTIFIER, what)
  const bytes = contentsOf(der, tlv)
  if (bytes.length === 0) throw new DerError(tlv.offset, tlv.end, `expected at least one subidentifier in ${what}, found none`)
  const arcs: bigint[] = []
  let value = 0n
  let fresh = true
  for (const byte of bytes) {
    // X.690 §8.19.2: each subidentifier uses the fewest octets, so it never starts with 0x80.
    if (fresh && byte === 0x80) throw new DerError(tlv.offset, tlv.end, `expected the shortest encoding of each arc in ${what}, found a leading 0x80`)
    value = (value << 7n) | BigInt(byte & 0x7f)
    fresh = byte < 0x80
    if (fresh) {
      arcs.push(value)
      value = 0n
    }
  }
  if (!fresh) throw new DerError(tlv.offset, tlv.end, `expected the last octet of ${what} to end its arc, found a continuation bit`)
  // X.690 §8.19.4: the first subidentifier packs the first two arcs as 40 * first + second.
  const [packed = 0n, ...rest] = arcs
  const first = packed < 40n ? 0n : packed < 80n ? 1n : 2n
  return [first, packed - 40n * first, ...rest].join('.')
}

export interface BitString {
  /** Number of unused bits in the last octet (0 to 7). */
  readonly unusedBits: number
  readonly bytes: Uint8Array
  /** Where `bytes` sit in the DER, for parsing what they contain. */
  readonly range: Range
}

/** A BIT STRING (X.690 §8.6); `tag` allows an IMPLICIT tag such as `[1]` (0x81). */
export function readBitString(der: Uint8Array, tlv: Tlv, what = 'a BIT STRING', tag: number = DerTag.BIT_STRING): BitString {
  expectTag(tlv, tag, what)
  const unusedBits = der[tlv.contents[0]]
  if (unusedBits === undefined) throw new DerError(tlv.offset, tlv.end, `expected the unused-bits octet of ${what}, found no contents`)
  const range: Range = [tlv.contents[0] + 1, tlv.contents[1]]
  const bytes = der.subarray(range[0], range[1])
  if (unusedBits > 7 || (bytes.length === 0 && unusedBits !== 0)) {
    throw new DerError(tlv.offset, tlv.end, `expected 0 to 7 unused bits in ${what}${bytes.length === 0 ? ' (0 when empty)' : ''}, found ${unusedBits}`)
  }
  // X.690 §11.2.1: in DER the unused bits are zero.
  const last = bytes[bytes.length - 1] ?? 0
  if ((last & ((1 << unusedBits) - 1)) !== 0) {
    throw new DerError(tlv.offset, tlv.end, `expected the ${unusedBits} unused bits of ${what} to be zero, found 0x${hex(last)} as the last octet`)
  }
  return { unusedBits, bytes, range }
}

/** An OCTET STRING's contents; `tag` allows an IMPLICIT tag such as `[0]` (0x80). */
export function readOctetString(der: Uint8Array, tlv: Tlv, what = 'an OCTET STRING', tag: number = DerTag.OCTET_STRING): Uint8Array {
  expectTag(tlv, tag, what)
  return contentsOf(der, tlv)
}

export function readNull(tlv: Tlv, what = 'NULL'): null {
  expectTag(tlv, DerTag.NULL, what)
  if (tlv.length !== 0) throw new DerError(tlv.offset, tlv.end, `expected no contents in ${what}, found ${tlv.length} bytes`)
  return null
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0')

// ---------------------------------------------------------------------------------------------
// Reader: times and strings

// X.690 §11.7 and §11.8: DER times are UTC ("Z"), with seconds, and no trailing zeros in fractions.
const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/

/** A UTCTime or GeneralizedTime as a Date. */
export function readTime(der: Uint8Array, tlv: Tlv, what = 'a time'): Date {
  if (tlv.tag !== DerTag.UTCTime && tlv.tag !== DerTag.GeneralizedTime) {
    throw new DerError(tlv.offset, tlv.end, `expected UTCTime or GeneralizedTime for ${what} at byte ${tlv.offset}, found ${tagName(tlv.tag)}`)
  }
  const text = asciiOf(der, tlv, what)
  const utc = tlv.tag === DerTag.UTCTime
  const match = (utc ? UTC_TIME : GENERALIZED_TIME).exec(text)
  if (!match) {
    const form = utc ? 'YYMMDDHHMMSSZ' : 'YYYYMMDDHHMMSS[.fff]Z'
    throw new DerError(tlv.offset, tlv.end, `expected ${what} in the form ${form}, found "${text}"`)
  }
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = match.slice(1, 7).map(Number)
  // RFC 5280 §4.1.2.5.1: a two-digit year of 50 or more is 19YY, below 50 is 20YY.
  const fullYear = utc ? (year >= 50 ? 1900 + year : 2000 + year) : year
  const date = new Date(0)
  date.setUTCFullYear(fullYear, month - 1, day)
  date.setUTCHours(hours, minutes, seconds, Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000))
  // Date rolls 31 April over to 1 May; a round trip through the fields catches it.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || date.getUTCHours() !== hours
    || date.getUTCMinutes() !== minutes || date.getUTCSeconds() !== seconds) {
    throw new DerError(tlv.offset, tlv.end, `expected a real calendar date and time for ${what}, found "${text}"`)
  }
  return date
}

/** The character string types, decoded to text (X.680 §41). */
export function readString(der: Uint8Array, tlv: Tlv, what = 'a string'): string {
  const bytes = contentsOf(der, tlv)
  switch (tlv.tag) {
    case DerTag.UTF8String:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        throw new DerError(tlv.offset, tlv.end, `expected UTF-8 in ${what}, found bytes that are not UTF-8`)
      }
    case DerTag.PrintableString:
    case DerTag.IA5String:
    case DerTag.VisibleString:
    case DerTag.NumericString:
      return asciiOf(der, tlv, what)
    // T.61 is rarely used as such; certificates put Latin-1 in it in practice.
    case DerTag.TeletexString:
      return latin1(bytes)
    case DerTag.BMPString:
      return codeUnits(bytes, 2, tlv, what)
    case DerTag.UniversalString:
      return codeUnits(bytes, 4, tlv, what)
    default:
      throw new DerError(tlv.offset, tlv.end, `expected a string type for ${what} at byte ${tlv.offset}, found ${tagName(tlv.tag)}`)
  }
}

function asciiOf(der: Uint8Array, tlv: Tlv, what: string): string {
  const bytes = contentsOf(der, tlv)
  const wide = bytes.findIndex((byte) => byte >= 0x80)
  if (wide >= 0) {
    throw new DerError(tlv.offset, tlv.end, `expected ASCII in ${what} (${tagName(tlv.tag)}), found the byte 0x${hex(bytes[wide] ?? 0)}`)
  }
  return latin1(bytes)
}

/** Bytes as code points 0 to 255, in slices so a long value cannot overflow the argument list. */
function latin1(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 4096) text += String.fromCharCode(...bytes.subarray(i, i + 4096))
  return text
}

const STRING_TAGS: ReadonlySet<number> = new Set([
  DerTag.UTF8String, DerTag.NumericString, DerTag.PrintableString, DerTag.TeletexString,
  DerTag.IA5String, DerTag.VisibleString, DerTag.UniversalString, DerTag.BMPString,
])

/** Whether `readString` reads this tag. */
export const isStringTag = (tag: number) => STRING_TAGS.has(tag)

/** BMPString is UCS-2 and UniversalString UCS-4, both big-endian. */
function codeUnits(bytes: Uint8Array, width: 2 | 4, tlv: Tlv, what: string): string {
  if (bytes.length % width !== 0) {
    throw new DerError(tlv.offset, tlv.end, `expected a multiple of ${width} bytes in ${what} (${tagName(tlv.tag)}), found ${bytes.length}`)
  }
  let text = ''
  for (let i = 0; i < bytes.length; i += width) {
    let code = 0
    for (let j = 0; j < width; j++) code = code * 256 + (bytes[i + j] ?? 0)
    if (code > 0x10ffff) throw new DerError(tlv.offset, tlv.end, `expected Unicode code points in ${what}, found 0x${code.toString(16)}`)
    text += String.fromCodePoint(code)
  }
  return text
}

// ---------------------------------------------------------------------------------------------
// Writer. Inputs are our own values, so a bad one is a caller's bug: TypeError.

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** X.690 §8.1.3 and §10.1: short form below 128, else the fewest big-endian octets. */
export function encodeLength(length: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(length) || length < 0 || length > 0xffffffff) throw new TypeError(`cannot encode the DER length ${length}`)
  if (length < 0x80) return Uint8Array.of(length)
  const octets: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256)
  return Uint8Array.of(0x80 | octets.length, ...octets)
}

export function encodeTlv(tag: number, contents: Uint8Array): Uint8Array<ArrayBuffer> {
  return concatBytes(Uint8Array.of(tag), encodeLength(contents.length), contents)
}

export const encodeSequence = (...elements: readonly Uint8Array[]) => encodeTlv(DerTag.SEQUENCE, concatBytes(...elements))

/** X.690 §11.6: DER sorts the elements of a SET OF by their encodings. */
export function encodeSet(...elements: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return encodeTlv(DerTag.SET, concatBytes(...[...elements].sort(compareBytes)))
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0)
  }
  return a.length - b.length
}

/** An INTEGER from unsigned big-endian bytes (or a small number): minimal, 0x00 before a high bit. */
export function encodeInteger(value: Uint8Array | number): Uint8Array<ArrayBuffer> {
  const bytes = typeof value === 'number' ? smallIntegerBytes(value) : value
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const digits = bytes.length === 0 ? Uint8Array.of(0) : bytes.subarray(start)
  const sign = (digits[0] ?? 0) >= 0x80 ? Uint8Array.of(0) : new Uint8Array(0)
  return encodeTlv(DerTag.INTEGER, concatBytes(sign, digits))
}

function smallIntegerBytes(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`cannot encode ${value} as an unsigned INTEGER`)
  const octets = [value % 256]
  for (let rest = Math.floor(value / 256); rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256)
  return Uint8Array.from(octets)
}

/** An OBJECT IDENTIFIER from its dotted string (X.690 §8.19). */
export function encodeOid(dotted: string): Uint8Array<ArrayBuffer> {
  if (!/^[0-2](\.(0|[1-9]\d*))+$/.test(dotted)) throw new TypeError(`"${dotted}" is not a dotted OBJECT IDENTIFIER`)
  const [first = 0n, second = 0n, ...rest] = dotted.split('.').map(BigInt)
  if (first < 2n && second >= 40n) throw new TypeError(`"${dotted}": under arc ${first} the second arc must be below 40`)
  const octets = [first * 40n + second, ...rest].flatMap(base128)
  return encodeTlv(DerTag.OBJECT_IDENTIFIER, Uint8Array.from(octets))
}

function base128(arc: bigint): number[] {
  const octets = [Number(arc & 0x7fn)]
  for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) octets.unshift(Number(rest & 0x7fn) | 0x80)
  return octets
}

export const encodeNull = () => Uint8Array.of(DerTag.NULL, 0)

export function encodeBitString(bytes: Uint8Array, unusedBits = 0): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(unusedBits) || unusedBits < 0 || unusedBits > 7 || (bytes.length === 0 && unusedBits !== 0)) {
    throw new TypeError(`cannot encode a BIT STRING with ${unusedBits} unused bits`)
  }
  return encodeTlv(DerTag.BIT_STRING, concatBytes(Uint8Array.of(unusedBits), bytes))
}

export const encodeOctetString = (bytes: Uint8Array) => encodeTlv(DerTag.OCTET_STRING, bytes)

/** `[n] EXPLICIT`: a constructed context tag around a whole encoding. */
export function encodeExplicit(number: number, inner: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeTlv(CONTEXT | CONSTRUCTED | contextNumber(number), inner)
}

/** `[n] IMPLICIT`: the encoding's own tag replaced by the context tag, keeping its form. */
export function encodeImplicit(number: number, encoding: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = concatBytes(encoding)
  const tag = out[0]
  if (tag === undefined) throw new TypeError('cannot tag an empty encoding')
  out[0] = CONTEXT | (tag & CONSTRUCTED) | contextNumber(number)
  return out
}

function contextNumber(number: number): number {
  if (!Number.isInteger(number) || number < 0 || number > 30) throw new TypeError(`cannot encode the context tag [${number}]`)
  return number
}

/** RFC 5280 §4.1.2.5: UTCTime for the years 1950 to 2049, GeneralizedTime otherwise. */
export function encodeTime(date: Date): Uint8Array<ArrayBuffer> {
  if (Number.isNaN(date.getTime())) throw new TypeError('cannot encode an invalid Date')
  const year = date.getUTCFullYear()
  const two = (n: number) => String(n).padStart(2, '0')
  const rest = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map(two).join('')
  if (year >= 1950 && year < 2050) return encodeString(`${two(year % 100)}${rest}Z`, DerTag.UTCTime)
  if (year < 0 || year > 9999) throw new TypeError(`cannot encode the year ${year} as a GeneralizedTime`)
  return encodeString(`${String(year).padStart(4, '0')}${rest}Z`, DerTag.GeneralizedTime)
}

/** A string of the given type: UTF8String as UTF-8; the ASCII types checked to be ASCII. */
export function encodeString(text: string, tag: number = DerTag.UTF8String): Uint8Array<ArrayBuffer> {
  if (tag === DerTag.UTF8String) return encodeTlv(tag, new TextEncoder().encode(text))
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(text)) throw new TypeError(`cannot encode non-ASCII text as ${tagName(tag)}`)
  return encodeTlv(tag, Uint8Array.from(text, (char) => char.charCodeAt(0)))
}
