import type { ClaimsResult, ClaimStatus } from '../jwt/claims'

/** A symbol and a word for each status, so the result never rests on colour alone. */
const MARKS = {
  pass: { symbol: '✓', word: 'passed' },
  fail: { symbol: '✗', word: 'failed' },
  skip: { symbol: '–', word: 'not checked' },
} as const satisfies Record<ClaimStatus, { symbol: string; word: string }>

/** The first failure says what is wrong; otherwise one short verdict. */
function summarize(result: ClaimsResult): { status: ClaimStatus; text: string } {
  const failed = result.checks.find((check) => check.status === 'fail')
  if (failed) return { status: 'fail', text: failed.message }
  // No check ran (no time claims, nothing expected): saying "valid" would claim more than we know.
  if (!result.checks.some((check) => check.status === 'pass')) return { status: 'skip', text: 'No claims were checked' }
  return { status: 'pass', text: 'Claims valid' }
}

/** The outcome of validateClaims: a one-line verdict, then every check with its mark. */
export function ClaimValidation({ result }: { readonly result: ClaimsResult }) {
  const summary = summarize(result)
  return (
    <div className="claims-validation">
      <p role="status" aria-label="Claim validation" className={`claims-summary claims-${summary.status}`}>
        <span className="claims-mark" aria-hidden="true">
          {MARKS[summary.status].symbol}
        </span>
        {summary.text}
      </p>
      {result.checks.length > 0 && (
        <ul className="claims-checks" aria-label="Claim checks">
          {result.checks.map((check, i) => (
            <li key={i} className={`claims-check claims-${check.status}`}>
              <span className="claims-mark" aria-hidden="true">
                {MARKS[check.status].symbol}
              </span>
              <span className="claims-visually-hidden">{MARKS[check.status].word}: </span>
              {check.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
