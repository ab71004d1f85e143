import { useMessages } from '../i18n'
import { describeInstant } from '../jwt/time'

const TIME_CLAIMS = ['iat', 'nbf', 'auth_time', 'exp'] as const
type TimeClaim = (typeof TIME_CLAIMS)[number]

interface Props {
  readonly payload: Readonly<Record<string, unknown>>
  /** The moment checked at, seconds since 1970. */
  readonly at: number
  readonly leeway: number
  /** Whether `at` is the real now (labelled "now") or a chosen moment. */
  readonly live: boolean
}

const WIDTH = 600
const AXIS_Y = 52
const PAD = 24

/** The time claims that are numbers, in the order the picture draws them. */
function timesOf(payload: Props['payload']): { claim: TimeClaim; at: number }[] {
  return TIME_CLAIMS.flatMap((claim) => {
    const value = payload[claim]
    return typeof value === 'number' && Number.isFinite(value) ? [{ claim, at: value }] : []
  })
}

/** Where the token stands at `at`: valid (and for how long), expired, not yet valid, or within a leeway. */
function useStanding(times: readonly { claim: TimeClaim; at: number }[], at: number, leeway: number): string {
  const { timeline, span } = useMessages()
  const exp = times.find((t) => t.claim === 'exp')?.at
  const start = times.find((t) => t.claim === 'nbf')?.at
  // RFC 7519 §4.1.4, §4.1.5: expired on or after exp; valid on or after nbf; each with the leeway.
  if (exp !== undefined && at >= exp + leeway) return timeline.state.expired(span(at - exp))
  if (start !== undefined && at < start - leeway) return timeline.state.notYet(span(start - at))
  if (exp !== undefined && at >= exp) return timeline.state.inLeeway('exp')
  if (start !== undefined && at < start) return timeline.state.inLeeway('nbf')
  return exp === undefined ? timeline.state.validForever : timeline.state.valid(span(exp - at))
}

/**
 * iat, nbf, auth_time and exp on one axis with the checked moment marked and the leeway drawn as a
 * band beside exp and nbf, so the validity window reads at a glance.
 */
export function ValidityTimeline({ payload, at, leeway, live }: Props) {
  const { timeline, span } = useMessages()
  const times = timesOf(payload)
  const standing = useStanding(times, at, leeway)
  if (times.length === 0) return <p className="timeline-none">{timeline.noTimes}</p>

  const exp = times.find((t) => t.claim === 'exp')?.at
  const from = times.find((t) => t.claim === 'nbf')?.at ?? times.find((t) => t.claim === 'iat')?.at
  const all = [...times.map((t) => t.at), at, ...(exp !== undefined ? [exp + leeway] : []), ...(from !== undefined ? [from - leeway] : [])]
  const [min, max] = [Math.min(...all), Math.max(...all)]
  const range = Math.max(max - min, 60)
  const x = (seconds: number) => PAD + ((seconds - min) / range) * (WIDTH - 2 * PAD)
  const windowStart = from !== undefined ? x(from) : 0
  const windowEnd = exp !== undefined ? x(exp) : WIDTH
  // Labels of claims that fall close together alternate above and below the axis.
  const placed = [...times].sort((a, b) => a.at - b.at).map((t, i) => ({ ...t, below: i % 2 === 1 }))
  const lifetime = exp !== undefined && from !== undefined ? timeline.lifetime(span(exp - from)) : undefined

  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${WIDTH} 100`} role="img" aria-label={`${timeline.picture}: ${standing}`} className="timeline-svg">
        <line x1={0} x2={WIDTH} y1={AXIS_Y} y2={AXIS_Y} className="timeline-axis" />
        <rect x={windowStart} width={Math.max(windowEnd - windowStart, 1)} y={AXIS_Y - 8} height={16} className="timeline-window" />
        {leeway > 0 && exp !== undefined && <rect x={x(exp)} width={Math.max(x(exp + leeway) - x(exp), 2)} y={AXIS_Y - 8} height={16} className="timeline-leeway" />}
        {leeway > 0 && from !== undefined && <rect x={x(from - leeway)} width={Math.max(x(from) - x(from - leeway), 2)} y={AXIS_Y - 8} height={16} className="timeline-leeway" />}
        {placed.map((t) => (
          <g key={t.claim}>
            <line x1={x(t.at)} x2={x(t.at)} y1={AXIS_Y - 12} y2={AXIS_Y + 12} className={`timeline-tick timeline-${t.claim}`} />
            <text x={x(t.at)} y={t.below ? AXIS_Y + 28 : AXIS_Y - 18} textAnchor="middle" className="timeline-label">
              {t.claim}
            </text>
          </g>
        ))}
        <line x1={x(at)} x2={x(at)} y1={8} y2={92} className="timeline-now" />
        <text x={Math.min(Math.max(x(at), 20), WIDTH - 20)} y={98} textAnchor="middle" className="timeline-now-label">
          {live ? timeline.marker.now : timeline.marker.at}
        </text>
      </svg>
      <figcaption>
        <strong>{standing}</strong> {lifetime}
        {leeway > 0 && <span className="timeline-leeway-note"> ({timeline.leeway(leeway)})</span>}
        <ul className="timeline-times">
          {times.map((t) => (
            <li key={t.claim}>
              <code>{t.claim}</code> {describeInstant(t.at)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
