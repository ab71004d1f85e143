import { useMessages } from '../i18n'
import { claimMeaning } from '../i18n/core'
import { claimInfo } from '../jwt/claimInfo'
import type { ClaimsResult } from '../jwt/claims'
import { isObject } from '../jwt/decode'
import { useOptionalDebugger } from '../state/DebuggerContext'
import { ClaimValidation } from './ClaimValidation'
import { ClaimValue } from './ClaimValue'

export interface ClaimsViewProps {
  /** The decoded payload: a claims set when it is a JSON object. */
  readonly payload: unknown
  /** Seconds since 1970; pass a ticking clock to keep relative times live. */
  readonly now: number
  /** validateClaims' result, shown above the table when given. */
  readonly validation?: ClaimsResult
}

/** Beyond this many claims the rest are counted, not drawn: 40,000 rows would freeze the tab. */
export const MAX_CLAIM_ROWS = 200

/** The payload's claims, one row each in payload order, explained and, for times, dated. */
export function ClaimsView({ payload, now, validation }: ClaimsViewProps) {
  const t = useMessages().claims
  const language = useOptionalDebugger((s) => s.language, 'en')
  const entries = isObject(payload) ? Object.entries(payload) : []
  return (
    <section className="claims">
      {validation && <ClaimValidation result={validation} />}
      {isObject(payload) ? (
        <table className="claims-table">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.claim}</th>
              <th scope="col">{t.value}</th>
              <th scope="col">{t.meaning}</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, MAX_CLAIM_ROWS).map(([name, value]) => {
              const info = claimInfo(name, 'payload')
              return (
                <tr key={name}>
                  <th scope="row">
                    <code>{name}</code>
                  </th>
                  <td className="claims-value">
                    <ClaimValue name={name} value={value} kind={info?.kind} now={now} />
                  </td>
                  <td className="claims-meaning">
                    {info ? (
                      <>
                        {claimMeaning(language, 'payload', name, info.description)} <cite className="claims-spec">{info.spec}</cite>
                      </>
                    ) : (
                      <span className="claims-unregistered">{t.unregistered}</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
          {entries.length > MAX_CLAIM_ROWS && (
            <tfoot>
              <tr>
                <td colSpan={3} className="claims-unregistered">
                  {t.more(entries.length - MAX_CLAIM_ROWS)}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      ) : (
        <p className="claims-not-object">{t.notObject}</p>
      )}
    </section>
  )
}
