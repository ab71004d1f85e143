import { claimInfo } from '../jwt/claimInfo'
import type { ClaimsResult } from '../jwt/claims'
import { isObject } from '../jwt/decode'
import { ClaimValidation } from './ClaimValidation'
import { ClaimValue } from './ClaimValue'
import './ClaimsView.css'

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
  const entries = isObject(payload) ? Object.entries(payload) : []
  return (
    <section className="claims">
      {validation && <ClaimValidation result={validation} />}
      {isObject(payload) ? (
        <table className="claims-table">
          <caption>Claims</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
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
                        {info.description} <cite className="claims-spec">{info.spec}</cite>
                      </>
                    ) : (
                      <span className="claims-unregistered">Not a registered claim</span>
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
                  and {entries.length - MAX_CLAIM_ROWS} more claims, not listed here; the payload editor shows them all
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      ) : (
        <p className="claims-not-object">The payload is not a JSON object, so it has no claims.</p>
      )}
    </section>
  )
}
