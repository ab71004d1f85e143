import { useMessages } from '../i18n'
import { useDispatch } from '../state/DebuggerContext'

interface Props {
  /** The chosen moment, or undefined for the real now. */
  readonly checkAt?: number
  /** The moment in force (checkAt or the ticking now), seconds since 1970. */
  readonly at: number
  readonly payload: Readonly<Record<string, unknown>>
}

/** `datetime-local` wants local time without a zone: "2026-12-01T20:45:00". */
function toLocalInput(seconds: number): string {
  const date = new Date(seconds * 1000)
  if (Number.isNaN(date.getTime())) return ''
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 19)
}

const fromLocalInput = (value: string): number | undefined => {
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000)
}

/** "Check at another time": a date-time picker and quick offsets; Now returns to the live clock. */
export function CheckTime({ checkAt, at, payload }: Props) {
  const { timeline } = useMessages()
  const dispatch = useDispatch()
  const set = (seconds: number | undefined) => dispatch({ type: 'checkTimeChanged', at: seconds })
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined
  const iat = typeof payload.iat === 'number' ? payload.iat : undefined
  return (
    <div className="check-time">
      <label htmlFor="check-at" className="field-label">
        {timeline.checkAt}
      </label>
      {/* Focusing the picker pins the moment, so the ticking clock does not change it under the keys. */}
      <input id="check-at" type="datetime-local" step={1} value={toLocalInput(at)} onFocus={() => checkAt === undefined && set(at)} onChange={(event) => set(fromLocalInput(event.target.value))} />
      <div className="check-time-offsets" role="group" aria-label={timeline.checkAt}>
        <button type="button" className="small-button" onClick={() => set(at - 3600)}>
          {timeline.offsets.minusHour}
        </button>
        <button type="button" className="small-button" onClick={() => set(at + 3600)}>
          {timeline.offsets.plusHour}
        </button>
        <button type="button" className="small-button" onClick={() => set(at + 86400)}>
          {timeline.offsets.plusDay}
        </button>
        {exp !== undefined && (
          <button type="button" className="small-button" onClick={() => set(exp + 1)}>
            {timeline.offsets.afterExp}
          </button>
        )}
        {iat !== undefined && (
          <button type="button" className="small-button" onClick={() => set(iat)}>
            {timeline.offsets.atIat}
          </button>
        )}
        <button type="button" className="small-button" onClick={() => set(undefined)} disabled={checkAt === undefined}>
          {timeline.now}
        </button>
      </div>
      <p className="check-time-note" role="status">
        {checkAt === undefined ? timeline.live : timeline.fixed(new Date(checkAt * 1000).toLocaleString())}
      </p>
    </div>
  )
}
