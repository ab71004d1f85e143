/**
 * UTF-8 (RFC 3629) as JWS requires for the JOSE header and JWT claims (RFC 7515 §4, RFC 7519 §7.2).
 */
import { say, type Sentence } from './sentences'

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export type Utf8Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly byteOffset: number; readonly message: string; readonly sentence: Sentence }

/** Decodes strictly; on failure says which byte is wrong and why. */
export function decodeUtf8(bytes: Uint8Array): Utf8Decoded {
  try {
    return { ok: true, text: fatalDecoder.decode(bytes) }
  } catch {
    const { byteOffset, sentence } = findInvalidUtf8(bytes)
    return { ok: false, byteOffset, message: sentence.text, sentence }
  }
}

/** Walks the bytes by the RFC 3629 §4 grammar to find the first invalid sequence. */
function findInvalidUtf8(bytes: Uint8Array): { byteOffset: number; sentence: Sentence } {
  const hex = (b: number) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i++
      continue
    }
    let need: number
    let min = 0x80
    let max = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) need = 1
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2
      if (lead === 0xe0) min = 0xa0 // overlong
      if (lead === 0xed) max = 0x9f // UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3
      if (lead === 0xf0) min = 0x90 // overlong
      if (lead === 0xf4) max = 0x8f // beyond U+10FFFF
    } else {
      return { byteOffset: i, sentence: say('utf8.bad-lead', { byte: hex(lead) }, `byte ${hex(lead)} cannot start a UTF-8 character`) }
    }
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k]
      if (next === undefined) {
        return { byteOffset: i, sentence: say('utf8.truncated', { bytes: need + 1 }, `the text ends inside a ${need + 1}-byte UTF-8 character`) }
      }
      const lo = k === 1 ? min : 0x80
      const hi = k === 1 ? max : 0xbf
      if (next < lo || next > hi) {
        return { byteOffset: i + k, sentence: say('utf8.bad-continuation', { byte: hex(next), lead: hex(lead) }, `byte ${hex(next)} does not continue the UTF-8 character started by ${hex(lead)}`) }
      }
    }
    i += need + 1
  }
  return { byteOffset: bytes.length, sentence: say('utf8.invalid', {}, 'invalid UTF-8') }
}

/** Number of UTF-8 bytes that encode `text.slice(start, end)` (lone surrogates count as U+FFFD). */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let length = 0
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) length += 1
    else if (code < 0x800) length += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        length += 4
        i++
      } else length += 3
    } else length += 3
  }
  return length
}
