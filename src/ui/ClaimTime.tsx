import { en, type Messages } from '../i18n/en'
import { useMessages } from '../i18n'
import { describeInstant } from '../jwt/time'
import { useHydrated } from '../state/DebuggerContext'

/** How each NumericDate claim reads relative to now, in the past and in the future (the catalogue's claims.relative). */
type Relative = Messages['claims']['relative']
type TimeClaim = Exclude<keyof Relative, 'other'>

const isKnown = (claim: string): claim is TimeClaim => claim !== 'other' && Object.hasOwn(en.claims.relative, claim)

/** "expires in 4 minutes", "issued 10 minutes ago": how far `seconds` is from `now`. */
export function describeRelative(claim: string, seconds: number, now: number, relative: Relative = en.claims.relative, span: Messages['span'] = en.span): string {
  const phrases = isKnown(claim) ? relative[claim] : relative.other
  // exp equal to now is already expired (RFC 7519 §4.1.4: "on or after"), so now counts as past.
  return seconds > now ? phrases.future(span(seconds - now)) : phrases.past(span(now - seconds))
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
  const messages = useMessages()
  // The build renders the page without knowing the reader's time zone: UTC until hydrated.
  const local = useHydrated() ? date.toLocaleString() : describeInstant(seconds)
  return (
    <span className="claims-time">
      {valid && (
        <time className="claims-local" dateTime={date.toISOString()}>
          {local}
        </time>
      )}
      <span className="claims-utc">{describeInstant(seconds)}</span>
      <span className="claims-relative">{describeRelative(claim, seconds, now, messages.claims.relative, messages.span)}</span>
    </span>
  )
}
