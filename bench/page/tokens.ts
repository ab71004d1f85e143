/**
 * Tokens for the page benchmark, made in Node. Each carries a marker in its header and at the
 * start of its payload, so the page showing *this* token (not the one before) can be told.
 */
import { createHmac } from 'node:crypto'

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

export interface BenchToken {
  readonly token: string
  /** The Header textbox shows exactly this. */
  readonly header: string
  /** The Payload textbox starts with this (large payloads are previewed, not shown whole). */
  readonly payloadStart: string
}

export type PayloadShape = 'string' | 'claims'

/** A payload of about `bytes` bytes: one long string, or many small claims. */
export function payloadOf(marker: string, bytes: number, shape: PayloadShape): string {
  const start = `{"sub":"bench-${marker}"`
  if (shape === 'string') return `${start},"data":"${'x'.repeat(Math.max(0, bytes - start.length - 11))}"}`
  const claims: string[] = []
  for (let i = 0, length = start.length; length < bytes; i++) {
    const claim = `"claim${i}":"value-${i}"`
    claims.push(claim)
    length += claim.length + 1
  }
  return `${start},${claims.join(',')}}`
}

/** An HS256 token over that payload, signed with `secret` (UTF-8), so the page verifies it. */
export function hs256Token(marker: string, payload: string, secret: string): BenchToken {
  const header = `{"alg":"HS256","typ":"JWT","kid":"bench-${marker}"}`
  const signingInput = `${b64url(header)}.${b64url(payload)}`
  const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(signingInput).digest('base64url')
  return { token: `${signingInput}.${signature}`, header, payloadStart: payload.slice(0, 40) }
}

/**
 * A one-character edit inside the payload's long string: base64url "eHh4" is "xxx", and "dHh4" is
 * "txx". Returns where to type, and what the payload starts with before and after.
 */
export function keystrokeIn(token: string): { at: number; from: string; to: string; payloadStartBefore: string; payloadStartAfter: string } {
  const [header = '', payload = ''] = token.split('.')
  // Far enough in to land in the string of x's, near enough for the payload's first 200 chars.
  const offset = payload.indexOf('eHh4', 80)
  if (offset < 0) throw new Error('the keystroke token has no run of x in its payload')
  const edited = `${payload.slice(0, offset)}d${payload.slice(offset + 1)}`
  const start = (encoded: string) => Buffer.from(encoded, 'base64url').toString('utf8').slice(0, 200)
  return { at: header.length + 1 + offset, from: 'e', to: 'd', payloadStartBefore: start(payload), payloadStartAfter: start(edited) }
}
