// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { encodeBase64urlText, encodeUtf8 } from '../../src/jwt/base64url'
import { base64Steps, jsonCharsForToken, memberAt, tokenCharsForJson, type JsonChars, type TokenChars } from '../../src/jwt/mapping'
import type { Range } from '../../src/jwt/types'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const HEADER = 'eyJhbGciOiJIUzI1NiJ9'

/** A token whose payload is `json`, placed after `prefix` characters; the payload's range in it. */
function tokenWith(json: string, prefix = 0) {
  const payload = encodeBase64urlText(json)
  const token = `${'x'.repeat(prefix)}${payload}.c2ln`
  return { token, segment: [prefix, prefix + payload.length] as Range }
}

/** The bits the token characters carry, as '0'/'1' text (RFC 4648 §4, most significant first). */
const bitsOfChars = (chars: string) => [...chars].map((c) => ALPHABET.indexOf(c).toString(2).padStart(6, '0')).join('')
const bitsOfBytes = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('')

/** Every character of the text (a lone surrogate on its own) with its UTF-16 and UTF-8 ranges. */
function characters(json: string) {
  const found: { units: Range; bytes: Range }[] = []
  let unit = 0
  let byte = 0
  for (const char of json) {
    const length = encodeUtf8(char).length
    found.push({ units: [unit, unit + char.length], bytes: [byte, byte + length] })
    unit += char.length
    byte += length
  }
  return found
}

/** The UTF-8 bytes [first, end) of the characters that meet the range, found character by character. */
function bytesOfRange(json: string, [from, to]: Range): Range | undefined {
  const meeting = characters(json).filter((c) => from < to && c.units[0] < to && c.units[1] > from)
  return meeting.length ? [meeting[0]!.bytes[0], meeting.at(-1)!.bytes[1]] : undefined
}

/** The expected answer of tokenCharsForJson, by classifying every token character bit by bit. */
function tokenCharsByBits(json: string, segment: Range, jsonRange: Range): TokenChars | undefined {
  const bytes = bytesOfRange(json, jsonRange)
  if (!bytes) return undefined
  const dataBits = encodeUtf8(json).length * 8
  const full: number[] = []
  const partial: number[] = []
  for (let c = 0; c < segment[1] - segment[0]; c++) {
    const bits = Array.from({ length: 6 }, (_, k) => c * 6 + k).filter((bit) => bit < dataBits)
    const inRange = bits.filter((bit) => bit >= bytes[0] * 8 && bit < bytes[1] * 8).length
    if (inRange === 0) continue
    ;(inRange === bits.length ? full : partial).push(segment[0] + c)
  }
  const fullStart = full.length ? full[0]! : partial[0]! + 1
  const fullEnd = full.length ? full.at(-1)! + 1 : fullStart
  const partialStart = partial.find((c) => c < fullStart)
  const partialEnd = partial.find((c) => c >= fullEnd)
  return { full: [fullStart, fullEnd], ...(partialStart !== undefined && { partialStart }), ...(partialEnd !== undefined && { partialEnd }) }
}

/** The expected answer of jsonCharsForToken for a non-empty selection, character by character. */
function jsonCharsByBits(json: string, segment: Range, tokenRange: Range): JsonChars | undefined {
  const from = Math.max(tokenRange[0], segment[0]) - segment[0]
  const to = Math.min(tokenRange[1], segment[1]) - segment[0]
  const firstBit = from * 6
  const endBit = Math.min(to * 6, encodeUtf8(json).length * 8)
  if (firstBit >= endBit) return undefined
  const full: Range[] = []
  const partial: Range[] = []
  for (const { units, bytes } of characters(json)) {
    const [a, b] = [bytes[0] * 8, bytes[1] * 8]
    if (b <= firstBit || a >= endBit) continue
    ;(a >= firstBit && b <= endBit ? full : partial).push(units)
  }
  const fullStart = full.length ? full[0]![0] : partial[0]![1]
  const fullEnd = full.length ? full.at(-1)![1] : fullStart
  const partialStart = partial.find((r) => r[1] <= fullStart)
  const partialEnd = partial.find((r) => r[0] >= fullEnd)
  return { full: [fullStart, fullEnd], ...(partialStart && { partialStart }), ...(partialEnd && { partialEnd }) }
}

/** The token characters the forward mapping names, partial ones included. */
const carrying = (chars: TokenChars): Range => [chars.partialStart ?? chars.full[0], chars.partialEnd !== undefined ? chars.partialEnd + 1 : chars.full[1]]

const within = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1] && inner[0] <= inner[1]

/** Random JSON documents with unicode strings (2-, 3- and 4-byte UTF-8), compact or indented. */
const jsonDocument = fc
  .tuple(
    fc.oneof(
      fc.json({ stringUnit: 'grapheme', maxDepth: 3 }),
      fc.json({ stringUnit: 'binary', maxDepth: 3 }),
      fc.object({ key: fc.string({ unit: 'grapheme' }), maxDepth: 2 }).map((o) => JSON.stringify(o)),
    ),
    fc.boolean(),
  )
  .map(([text, indent]) => (indent ? JSON.stringify(JSON.parse(text), null, 2) : text))

/** A document, where its segment starts in the token, and some ranges of its text. */
const documentAndRanges = fc
  .tuple(jsonDocument, fc.nat({ max: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }))
  .map(([json, prefix, pairs]) => ({
    json,
    prefix,
    ranges: pairs.map(([a, b]): Range => {
      const [x, y] = [a % (json.length + 1), b % (json.length + 1)]
      return x <= y ? [x, y] : [y, x]
    }),
  }))

describe('tokenCharsForJson', () => {
  const ascii = '{"a":1}' // eyJhIjoxfQ
  const twoByte = '{"é":1}' // é is C3 A9
  const threeByte = '{"€":1}' // € is E2 82 AC
  const fourByte = '{"🙂":1}' // 🙂 is F0 9F 99 82, two UTF-16 units
  it.each([
    ['the whole ASCII document', ascii, 0, [0, 7], { full: [0, 10] }],
    ['an ASCII member name, split at both ends', ascii, 0, [1, 4], { full: [2, 5], partialStart: 1, partialEnd: 5 }],
    ['the first character, at the start of the segment', ascii, 0, [0, 1], { full: [0, 1], partialEnd: 1 }],
    ['a value in the middle', ascii, 0, [5, 6], { full: [7, 8], partialStart: 6 }],
    ['the last character, whose final character ends in padding bits', ascii, 0, [6, 7], { full: [8, 10] }],
    ['a byte that has no full character (bits 8 to 16)', ascii, 0, [1, 2], { full: [2, 2], partialStart: 1, partialEnd: 2 }],
    ['an empty range (a caret)', ascii, 0, [3, 3], { full: [4, 4] }],
    ['a segment that does not start at 0', ascii, HEADER.length + 1, [1, 4], { full: [23, 26], partialStart: 22, partialEnd: 26 }],
    ['a 2-byte UTF-8 character', twoByte, 0, [2, 3], { full: [3, 5], partialStart: 2, partialEnd: 5 }],
    ['a 3-byte UTF-8 character', threeByte, 0, [2, 3], { full: [3, 6], partialStart: 2, partialEnd: 6 }],
    ['a 4-byte UTF-8 character', fourByte, 0, [2, 4], { full: [3, 8], partialStart: 2 }],
    ['half of a surrogate pair, as its whole character', fourByte, 0, [3, 4], { full: [3, 8], partialStart: 2 }],
    ['the characters after a 4-byte character', fourByte, 0, [4, 8], { full: [8, 14] }],
    ['a range past the end, clamped', ascii, 0, [5, 99], { full: [7, 10], partialStart: 6 }],
  ] as const)('maps %s', (_name, json, prefix, jsonRange, expected) => {
    const { token, segment } = tokenWith(json, prefix)
    expect(tokenCharsForJson(segment, json, jsonRange)).toEqual(expected)
    expect(tokenCharsByBits(json, segment, jsonRange) ?? { full: expected.full }).toEqual(expected)
    expect(token.slice(...segment)).toBe(encodeBase64urlText(json))
  })

  it('carries exactly the bytes of the range in the characters it names, over random JSON documents', () => {
    fc.assert(
      fc.property(documentAndRanges, ({ json, prefix, ranges }) => {
        const { token, segment } = tokenWith(json, prefix)
        const bytes = encodeUtf8(json)
        for (const range of ranges) {
          const chars = tokenCharsForJson(segment, json, range)
          expect(within(chars.full, segment)).toBe(true)
          const expected = tokenCharsByBits(json, segment, range)
          if (!expected) {
            expect(chars.full[0]).toBe(chars.full[1])
            expect(chars.partialStart ?? chars.partialEnd).toBeUndefined()
            continue
          }
          expect(chars).toEqual(expected)
          // Decoding the named characters gives back the range's bytes at their bit offset.
          const [from, to] = carrying(chars)
          expect(within([from, to], segment)).toBe(true)
          const [firstByte, endByte] = bytesOfRange(json, range)!
          const offset = firstByte * 8 - (from - segment[0]) * 6
          expect(offset).toBeGreaterThanOrEqual(0)
          const decoded = bitsOfChars(token.slice(from, to)).slice(offset, offset + (endByte - firstByte) * 8)
          expect(decoded).toBe(bitsOfBytes(bytes.subarray(firstByte, endByte)))
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('jsonCharsForToken', () => {
  const ascii = '{"a":1}' // eyJhIjoxfQ
  const fourByte = '{"🙂":1}' // eyLwn5mCIjoxfQ
  it.each([
    ['a whole group of 4 characters', ascii, 0, [0, 4], { full: [0, 3] }],
    ['one character carrying bits of two bytes', ascii, 0, [2, 3], { full: [2, 2], partialStart: [1, 2], partialEnd: [2, 3] }],
    ['the last character, with its padding bits', ascii, 0, [9, 10], { full: [7, 7], partialStart: [6, 7] }],
    ['the whole segment', ascii, 0, [0, 10], { full: [0, 7] }],
    ['a segment that does not start at 0', ascii, HEADER.length + 1, [21, 25], { full: [0, 3] }],
    ['a character inside a 4-byte UTF-8 character', fourByte, 0, [4, 5], { full: [4, 4], partialStart: [2, 4] }],
    ['all the bits of a 4-byte UTF-8 character', fourByte, 0, [2, 8], { full: [2, 4], partialStart: [1, 2] }],
    ['all but its first 2 bits', fourByte, 0, [3, 8], { full: [4, 4], partialStart: [2, 4] }],
    ['a caret (empty range), at the next character boundary', fourByte, 0, [5, 5], { full: [4, 4] }],
    ['a range before the segment, clamped to its start', ascii, 5, [0, 3], { full: [0, 0] }],
  ] as const)('maps %s', (_name, json, prefix, tokenRange, expected) => {
    const { segment } = tokenWith(json, prefix)
    expect(jsonCharsForToken(segment, json, tokenRange)).toEqual(expected)
    expect(jsonCharsByBits(json, segment, tokenRange) ?? { full: expected.full }).toEqual(expected)
  })

  it('classifies every JSON character by its bits, over random JSON documents and selections', () => {
    fc.assert(
      fc.property(documentAndRanges, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), ({ json, prefix }, pairs) => {
        const { segment } = tokenWith(json, prefix)
        const length = segment[1] - segment[0] + 4
        for (const [a, b] of pairs) {
          const x = segment[0] - 2 + (a % length)
          const y = segment[0] - 2 + (b % length)
          const range: Range = x <= y ? [x, y] : [y, x]
          const chars = jsonCharsForToken(segment, json, range)
          expect(within(chars.full, [0, json.length])).toBe(true)
          const expected = jsonCharsByBits(json, segment, range)
          if (expected) expect(chars).toEqual(expected)
          else expect(chars.partialStart ?? chars.partialEnd).toBeUndefined()
        }
      }),
      { numRuns: 300 },
    )
  })

  it('maps the token characters of a JSON range back to text that contains it', () => {
    fc.assert(
      fc.property(documentAndRanges, ({ json, prefix, ranges }) => {
        const { segment } = tokenWith(json, prefix)
        for (const range of ranges) {
          const bytes = bytesOfRange(json, range)
          if (!bytes) continue
          const back = jsonCharsForToken(segment, json, carrying(tokenCharsForJson(segment, json, range)))
          // The range widened to whole characters: a surrogate pair is never split.
          const meeting = characters(json).filter((c) => c.units[0] < range[1] && c.units[1] > range[0])
          expect(within([meeting[0]!.units[0], meeting.at(-1)!.units[1]], back.full)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('base64Steps', () => {
  it('shows the RFC 4648 §10 example "foobar" → "Zm9vYmFy" for the group of the selected character', () => {
    const steps = base64Steps([0, 8], 'foobar', [4, 5])
    expect(steps.tokenRange).toEqual([4, 8])
    expect(steps.truncated).toBe(false)
    expect(steps.bytes.map((b) => b.value)).toEqual([0x62, 0x61, 0x72])
    expect(steps.bytes[0]).toEqual({ index: 3, value: 0x62, bits: [0, 1, 1, 0, 0, 0, 1, 0], jsonRange: [3, 4], nth: 0, of: 1 })
    expect(steps.sextets.map((s) => [s.tokenIndex, s.value, s.letter, s.selected])).toEqual([
      [4, 24, 'Y', true],
      [5, 38, 'm', false],
      [6, 5, 'F', false],
      [7, 50, 'y', false],
    ])
    expect(steps.sextets[1]!.bits).toEqual([
      { value: 1, byte: 3 },
      { value: 0, byte: 3 },
      { value: 0, byte: 4 },
      { value: 1, byte: 4 },
      { value: 1, byte: 4 },
      { value: 0, byte: 4 },
    ])
  })

  it('marks the zero bits that pad the last character, "fooba" → "Zm9vYmE"', () => {
    const steps = base64Steps([0, 7], 'fooba', [6, 7])
    expect(steps.sextets.map((s) => s.letter).join('')).toBe('YmE')
    expect(steps.sextets[2]!.bits).toEqual([
      { value: 0, byte: 4 },
      { value: 0, byte: 4 },
      { value: 0, byte: 4 },
      { value: 1, byte: 4 },
      { value: 0 },
      { value: 0 },
    ])
  })

  it('gives each byte of a 3-byte UTF-8 character its place in the character', () => {
    const steps = base64Steps([3, 7], '€', [3, 4])
    expect(steps.bytes.map((b) => [b.value, b.jsonRange, b.nth, b.of])).toEqual([
      [0xe2, [0, 1], 0, 3],
      [0x82, [0, 1], 1, 3],
      [0xac, [0, 1], 2, 3],
    ])
    expect(steps.sextets.map((s) => s.letter).join('')).toBe('4oKs')
    expect(steps.sextets.map((s) => s.tokenIndex)).toEqual([3, 4, 5, 6])
  })

  it('shows at most 12 characters and says the selection was longer', () => {
    const json = '{"sub":"1234567890","name":"John Doe"}'
    const steps = base64Steps([0, 51], json, [1, 40])
    expect(steps.tokenRange).toEqual([0, 12])
    expect(steps.bytes).toHaveLength(9)
    expect(steps.truncated).toBe(true)
    expect(base64Steps([0, 51], json, [1, 40], { maxChars: 4 }).tokenRange).toEqual([0, 4])
  })

  it('shows nothing for an empty selection or one outside the segment', () => {
    expect(base64Steps([0, 10], '{"a":1}', [3, 3])).toEqual({ tokenRange: [3, 3], bytes: [], sextets: [], truncated: false })
    expect(base64Steps([0, 10], '{"a":1}', [11, 14]).sextets).toEqual([])
  })

  it('spells the token characters and the bytes exactly, over random JSON documents', () => {
    fc.assert(
      fc.property(documentAndRanges, ({ json, prefix, ranges }) => {
        const { token, segment } = tokenWith(json, prefix)
        const bytes = encodeUtf8(json)
        for (const [a, b] of ranges) {
          const steps = base64Steps(segment, json, [segment[0] + a, segment[0] + b])
          expect(within(steps.tokenRange, segment)).toBe(true)
          expect(steps.sextets.length).toBeLessThanOrEqual(12)
          for (const sextet of steps.sextets) expect(sextet.letter).toBe(token[sextet.tokenIndex])
          for (const byte of steps.bytes) {
            expect(byte.value).toBe(bytes[byte.index])
            expect(encodeUtf8(json.slice(...byte.jsonRange))[byte.nth]).toBe(byte.value)
          }
          const carried = steps.sextets.flatMap((s) => s.bits.filter((bit) => bit.byte !== undefined).map((bit) => bit.value)).join('')
          expect(carried).toBe(steps.bytes.map((byte) => byte.bits.join('')).join(''))
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('memberAt', () => {
  const json = '{"sub":"123", "n":{"x":[1,{"y":true}]},"exp":9}'
  const at = (text: string, nth = 0) => {
    let index = -1
    for (let k = 0; k <= nth; k++) index = json.indexOf(text, index + 1)
    return index
  }
  it.each([
    ['the name of the first member', at('"sub"'), ['sub'], '"sub":"123"'],
    ['the colon of a member', at(':'), ['sub'], '"sub":"123"'],
    ['the last character of a value', at('"123"') + 4, ['sub'], '"sub":"123"'],
    ['the opening brace of an object value', at('{', 1), ['n'], '"n":{"x":[1,{"y":true}]}'],
    ['an array item that is not in a member', at('1,'), ['n', 'x'], '"x":[1,{"y":true}]'],
    ['a member inside an object in an array', at('true'), ['n', 'x', 1, 'y'], '"y":true'],
    ['the last member, at the end', at('9'), ['exp'], '"exp":9'],
  ] as const)('finds the member at %s', (_name, offset, path, whole) => {
    const member = memberAt(json, offset)!
    expect(member.path).toEqual(path)
    expect(member.key).toBe(path.at(-1))
    expect(json.slice(...member.range)).toBe(whole)
    expect(json.slice(...member.keyRange)).toBe(`"${member.key}"`)
    expect(json.slice(...member.valueRange)).toBe(whole.slice(whole.indexOf(':') + 1))
  })

  it.each([
    ['the opening brace', 0],
    ['whitespace between members', at(' ')],
    ['a comma between members', at(',')],
    ['the closing brace', json.length - 1],
    ['the end of the text', json.length],
    ['a negative offset', -1],
    ['a non-finite offset', Number.NaN],
  ])('finds no member at %s', (_name, offset) => {
    expect(memberAt(json, offset)).toBeUndefined()
  })

  it('finds no member in text that is not JSON, or in a document without objects', () => {
    expect(memberAt('{"a":1', 2)).toBeUndefined()
    expect(memberAt('[1,2]', 1)).toBeUndefined()
  })

  it('finds, in random JSON documents, a member whose value is the one at its path', () => {
    const valueAt = (value: unknown, path: readonly (string | number)[]) =>
      path.reduce<unknown>((v, step) => Object.getOwnPropertyDescriptor(v as object, step)?.value, value)
    fc.assert(
      fc.property(jsonDocument, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (json, offsets) => {
        for (const n of offsets) {
          const offset = n % (json.length + 1)
          const member = memberAt(json, offset)
          if (!member) continue
          expect(within(member.keyRange, member.range) && within(member.valueRange, member.range)).toBe(true)
          expect(offset).toBeGreaterThanOrEqual(member.range[0])
          expect(offset).toBeLessThan(member.range[1])
          expect(JSON.parse(json.slice(...member.keyRange))).toBe(member.key)
          expect(JSON.parse(json.slice(...member.valueRange))).toEqual(valueAt(JSON.parse(json), member.path))
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('the mapping never throws', () => {
  it('returns ranges inside the segment and the text for any text and any ranges', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('a', 'é', '€', '🙂', '\ud800', '\udfff', '"', '{', '}', ':', ',') }),
      jsonDocument,
    )
    const position = fc.oneof(fc.integer({ min: -5, max: 80 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 2.5, -0))
    const range = fc.tuple(position, position)
    fc.assert(
      fc.property(text, range, range, position, (json, segmentRange, other, offset) => {
        const forward = tokenCharsForJson(segmentRange, json, other)
        const reverse = jsonCharsForToken(segmentRange, json, other)
        const steps = base64Steps(segmentRange, json, other, { maxChars: offset })
        memberAt(json, offset)
        for (const r of [forward.full, reverse.full, steps.tokenRange]) {
          expect(Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] >= 0 && r[0] <= r[1]).toBe(true)
        }
        expect(reverse.full[1]).toBeLessThanOrEqual(json.length)
        for (const r of [reverse.partialStart, reverse.partialEnd]) if (r) expect(within(r, [0, json.length])).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
