import { useMemo } from 'react'
import { useMessages } from '../i18n'
import { validateClaims } from '../jwt'
import { checkTimeOf, currentAlg, decodedOf } from '../state/debugger'
import { useDebugger, useDebuggerAfterPaint } from '../state/DebuggerContext'
import { readExpectations } from '../state/expectations'
import { CheckTime } from './CheckTime'
import { ClaimsView } from './ClaimsView'
import { ExpectationsForm } from './ExpectationsForm'
import { TokenRoleNote } from './TokenRoleNote'
import { ValidityTimeline } from './ValidityTimeline'

const isMembers = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The payload's claims explained, with their times live and validated against now and the expectations. */
export function ClaimsPanel() {
  // The token as of the last frame shown: a keystroke in it is drawn before this panel re-renders.
  // The rest is current: the check time's field and the expectations' errors come from it.
  const token = useDebuggerAfterPaint((s) => s.token)
  const fields = useDebugger((s) => s.expectations)
  const alg = useDebugger(currentAlg)
  const now = useDebugger(checkTimeOf)
  const checkAt = useDebugger((s) => s.checkAt)
  const t = useMessages().claims
  const decoded = decodedOf(token)
  const payload = decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
  const expectations = useMemo(() => readExpectations(fields, alg), [fields, alg])
  const validation = useMemo(
    () => (payload === undefined ? undefined : validateClaims(payload, { ...expectations.claimOptions, now, header: decoded.header?.value })),
    [payload, now, decoded.header, expectations],
  )
  if (payload === undefined) return null
  const claims = isMembers(payload) ? payload : undefined
  const header = isMembers(decoded.header?.value) ? decoded.header.value : undefined
  return (
    <section className="panel claims-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading" className="panel-title">
        {t.title}
      </h2>
      {claims && (
        <>
          <ValidityTimeline payload={claims} at={now} leeway={expectations.claimOptions.leeway ?? 0} live={checkAt === undefined} />
          <CheckTime checkAt={checkAt} at={now} payload={claims} />
          <TokenRoleNote payload={claims} header={header} />
        </>
      )}
      <ExpectationsForm errors={expectations.errors} sentences={expectations.errorSentences} />
      <ClaimsView payload={payload} now={now} validation={validation} />
    </section>
  )
}
