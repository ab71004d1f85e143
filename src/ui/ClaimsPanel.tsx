import { useMemo } from 'react'
import { useMessages } from '../i18n'
import { validateClaims } from '../jwt'
import { currentAlg, decodedOf } from '../state/debugger'
import { useDebugger } from '../state/DebuggerContext'
import { readExpectations } from '../state/expectations'
import { ClaimsView } from './ClaimsView'
import { ExpectationsForm } from './ExpectationsForm'

/** The payload's claims explained, with their times live and validated against now and the expectations. */
export function ClaimsPanel() {
  const token = useDebugger((s) => s.token)
  const now = useDebugger((s) => Math.floor(s.now))
  const fields = useDebugger((s) => s.expectations)
  const alg = useDebugger(currentAlg)
  const t = useMessages().claims
  const decoded = decodedOf(token)
  const payload = decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
  const expectations = useMemo(() => readExpectations(fields, alg), [fields, alg])
  const validation = useMemo(
    () => (payload === undefined ? undefined : validateClaims(payload, { ...expectations.claimOptions, now, header: decoded.header?.value })),
    [payload, now, decoded.header, expectations],
  )
  if (payload === undefined) return null
  return (
    <section className="panel claims-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading" className="panel-title">
        {t.title}
      </h2>
      <ExpectationsForm errors={expectations.errors} />
      <ClaimsView payload={payload} now={now} validation={validation} />
    </section>
  )
}
