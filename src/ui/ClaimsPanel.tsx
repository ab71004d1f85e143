import { useMemo } from 'react'
import { validateClaims } from '../jwt'
import { decodedOf } from '../state/debugger'
import { useDebugger } from '../state/DebuggerContext'
import { ClaimsView } from './ClaimsView'

/** The payload's claims explained, with their times live and validated against now. */
export function ClaimsPanel() {
  const token = useDebugger((s) => s.token)
  const now = useDebugger((s) => Math.floor(s.now))
  const decoded = decodedOf(token)
  const payload = decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
  const validation = useMemo(() => (payload === undefined ? undefined : validateClaims(payload, { now, header: decoded.header?.value })), [payload, now, decoded.header])
  if (payload === undefined) return null
  return (
    <section className="panel claims-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading" className="panel-title">
        What the token says
      </h2>
      <ClaimsView payload={payload} now={now} validation={validation} />
    </section>
  )
}
