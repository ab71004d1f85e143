import type { TIME_CLAIMS } from '../jwt/claimInfo'
import { describeInstant, describeSpan } from '../jwt/time'

interface Phrases {
  readonly past: (span: string) => string
  readonly future: (span: string) => string
}

/** How each NumericDate claim reads relative to now, in the past and in the future. */
const RELATIVE = {
  exp: { past: (span) => `expired ${span} ago`, future: (span) => `expires in ${span}` },
  nbf: { past: (span) => `valid since ${span} ago`, future: (span) => `valid in ${span}` },
  iat: { past: (span) => `issued ${span} ago`, future: (span) => `issued in the future: in ${span}` },
  auth_time: { past: (span) => `authenticated ${span} ago`, future: (span) => `authenticated in the future: in ${span}` },
  updated_at: { past: (span) => `updated ${span} ago`, future: (span) => `updated in the future: in ${span}` },
} as const satisfies Record<(typeof TIME_CLAIMS)[number], Phrases>

const OTHER: Phrases = { past: (span) => `${span} ago`, future: (span) => `in ${span}` }

const isKnown = (claim: string): claim is keyof typeof RELATIVE => Object.hasOwn(RELATIVE, claim)

/** "expires in 4 minutes", "issued 10 minutes ago": how far `seconds` is from `now`. */
export function describeRelative(claim: string, seconds: number, now: number): string {
  const phrases: Phrases = isKnown(claim) ? RELATIVE[claim] : OTHER
  // exp equal to now is already expired (RFC 7519 §4.1.4: "on or after"), so now counts as past.
  return seconds > now ? phrases.future(describeSpan(seconds - now)) : phrases.past(describeSpan(now - seconds))
}

interface ClaimTimeProps {
  readonly claim: string
  /** The claim's NumericDate: seconds since 1970. */
  readonly seconds: number
  /** Seconds since 1970; the parent passes a ticking clock so the relative time stays live. */
  readonly now: number
}

/** A NumericDate in local time, in UTC, and relative to now. */
export function ClaimTime({ claim, seconds, now }: ClaimTimeProps) {
  const date = new Date(seconds * 1000)
  // Beyond ±8.64e15 ms a Date is invalid: no local time, and describeInstant says so in words.
  const valid = !Number.isNaN(date.getTime())
  return (
    <span className="claims-time">
      {valid && (
        <time className="claims-local" dateTime={date.toISOString()}>
          {date.toLocaleString()}
        </time>
      )}
      <span className="claims-utc">{describeInstant(seconds)}</span>
      <span className="claims-relative">{describeRelative(claim, seconds, now)}</span>
    </span>
  )
}
