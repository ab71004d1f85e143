import { useMessages } from '../i18n'
import { revealInvisible } from '../jwt/invisible'
import { ClaimTime } from './ClaimTime'

/** Characters of a value shown before the ellipsis; the full value is in the title. */
const SHOWN_LENGTH = 80

/** A member's value as JSON, cut at SHOWN_LENGTH code points so no surrogate pair is split. */
const MAX_TITLE_LENGTH = 2000

export function shortenValue(value: unknown): { shown: string; full: string } {
  const text = revealInvisible(JSON.stringify(value) ?? String(value))
  // Only the start is split into code points: a megabyte value would cost a second.
  const points = Array.from(text.slice(0, SHOWN_LENGTH * 2 + 2))
  // The tooltip is bounded too; the payload editor has the whole value.
  const full = text.length > MAX_TITLE_LENGTH ? `${text.slice(0, MAX_TITLE_LENGTH)}…` : text
  return points.length > SHOWN_LENGTH ? { shown: `${points.slice(0, SHOWN_LENGTH - 1).join('')}…`, full } : { shown: text, full }
}

interface ClaimValueProps {
  readonly name: string
  readonly value: unknown
  /** 'time' for a claim defined as a NumericDate. */
  readonly kind: 'time' | undefined
  /** Seconds since 1970. */
  readonly now: number
}

/** A claim's value as JSON text (never HTML) and, for a NumericDate, when that is. */
export function ClaimValue({ name, value, kind, now }: ClaimValueProps) {
  const t = useMessages().claims
  const { shown, full } = shortenValue(value)
  return (
    <>
      <code className="claims-json" title={shown === full ? undefined : full}>
        {shown}
      </code>
      {kind === 'time' &&
        (typeof value === 'number' && Number.isFinite(value) ? (
          <ClaimTime claim={name} seconds={value} now={now} />
        ) : (
          // RFC 7519 §2: a date string here is a common mistake, and libraries read it differently.
          <span className="claims-warning">
            <span aria-hidden="true">⚠ </span>
            {t.notNumericDate}
          </span>
        ))}
    </>
  )
}
