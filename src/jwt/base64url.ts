/**
 * base64url (RFC 4648 §5) as JWS uses it: no padding, `-` and `_` in place of `+` and `/`
 * (RFC 7515 §2). Decoding is lenient so a person sees what a damaged segment says, and strict in
 * what it reports: every departure from the canonical form is an issue with its index.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Sextet value per char code; -1 outside the alphabet. `+` and `/` decode too (and are reported). */
const SEXTET = (() => {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < 64; i++) table[ALPHABET.charCodeAt(i)] = i
  table[43] = 62 // '+', standard base64
  table[47] = 63 // '/', standard base64
  return table
})()

export const Base64urlIssueKind = {
  /** A character outside both alphabets. */
  alphabet: 'alphabet',
  /** `=` padding, which RFC 7515 §2 removes. */
  padding: 'padding',
  /** `+` or `/` from standard base64. */
  standardAlphabet: 'standard-alphabet',
  /** Whitespace inside the segment, e.g. a token wrapped across lines. */
  whitespace: 'whitespace',
  /** A final character whose unused low bits are not zero (RFC 4648 §3.5). */
  nonCanonical: 'non-canonical',
  /** A length of 4n+1 characters: the last one carries only 6 of a byte's 8 bits. */
  length: 'length',
} as const
export type Base64urlIssueKind = (typeof Base64urlIssueKind)[keyof typeof Base64urlIssueKind]

export interface Base64urlIssue {
  readonly kind: Base64urlIssueKind
  /** Index of the offending character in the decoded text. */
  readonly index: number
  readonly char: string
  /** For `non-canonical`: the character the canonical encoding ends in. */
  readonly canonical?: string
}

export interface Base64urlDecoded {
  readonly bytes: Uint8Array
  /** At most one issue of each kind (the first), plus how many of that kind there were. */
  readonly issues: readonly (Base64urlIssue & { readonly count: number })[]
}

const isWhitespace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9

const CANONICAL_TEXT = /^[A-Za-z0-9_-]*$/

type FromBase64 = (text: string, options: { alphabet: 'base64url' }) => Uint8Array
const fromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64

/** The common case, clean base64url, decoded by the runtime's native code. */
function decodeClean(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1 || !CANONICAL_TEXT.test(text)) return undefined
  // RFC 4648 §3.5: unused bits of the last character must be zero; otherwise take the slow path,
  // which reports it.
  const rest = text.length % 4
  if (rest !== 0) {
    const last = SEXTET[text.charCodeAt(text.length - 1)]!
    if ((last & (rest === 2 ? 15 : 3)) !== 0) return undefined
  }
  if (fromBase64) return fromBase64(text, { alphabet: 'base64url' })
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Decodes base64url leniently, reporting the first occurrence of each kind of issue. */
export function decodeBase64url(text: string): Base64urlDecoded {
  const clean = decodeClean(text)
  if (clean) return { bytes: clean, issues: [] }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3)
  const first = new Map<Base64urlIssueKind, Base64urlIssue & { count: number }>()
  const report = (kind: Base64urlIssueKind, index: number, canonical?: string) => {
    const seen = first.get(kind)
    if (seen) seen.count++
    else first.set(kind, { kind, index, char: text[index] ?? '', count: 1, ...(canonical && { canonical }) })
  }

  let buffer = 0
  let bits = 0
  let length = 0
  let lastSextetIndex = -1
  let sextets = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? SEXTET[code]! : -1
    if (value < 0) {
      if (code === 61) report('padding', i)
      else if (isWhitespace(code)) report('whitespace', i)
      else report('alphabet', i)
      continue
    }
    if (code === 43 || code === 47) report('standard-alphabet', i)
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    sextets++
    lastSextetIndex = i
    if (bits >= 8) {
      bits -= 8
      out[length++] = (buffer >> bits) & 0xff
    }
  }
  if (sextets % 4 === 1) report('length', lastSextetIndex)
  // RFC 4648 §3.5: the bits left over after the last whole byte must be zero in canonical form.
  else if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) {
    const lastSextet = buffer & 63
    report('non-canonical', lastSextetIndex, ALPHABET[lastSextet & ~((1 << bits) - 1)])
  }

  return { bytes: out.subarray(0, length), issues: [...first.values()] }
}

/** Encodes bytes as base64url without padding. */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}

const utf8Encoder = new TextEncoder()

export const encodeUtf8 = (text: string): Uint8Array => utf8Encoder.encode(text)

export const encodeBase64urlText = (text: string): string => encodeBase64url(encodeUtf8(text))

/** Strict decode for key material: undefined when the text is not canonical base64url. */
export function decodeBase64urlStrict(text: string): Uint8Array | undefined {
  const { bytes, issues } = decodeBase64url(text)
  return issues.length === 0 ? bytes : undefined
}
