import { useMessages, useSentence, type Messages } from '../i18n'
import type { ClaimsResult, ClaimStatus } from '../jwt/claims'

/** A symbol (and, from the catalogue, a word) for each status, so the result never rests on colour alone. */
const SYMBOLS = { pass: '✓', fail: '✗', skip: '–' } as const satisfies Record<ClaimStatus, string>

/** The first failure says what is wrong; otherwise one short verdict. */
function summarize(result: ClaimsResult, t: Messages['claims'], say: ReturnType<typeof useSentence>): { status: ClaimStatus; text: string } {
  const failed = result.checks.find((check) => check.status === 'fail')
  if (failed) return { status: 'fail', text: say(failed.sentence, failed.message) }
  // No check ran (no time claims, nothing expected): saying "valid" would claim more than we know.
  if (!result.checks.some((check) => check.status === 'pass')) return { status: 'skip', text: t.noneChecked }
  return { status: 'pass', text: t.valid }
}

/** The outcome of validateClaims: a one-line verdict, then every check with its mark. */
export function ClaimValidation({ result }: { readonly result: ClaimsResult }) {
  const t = useMessages().claims
  const say = useSentence()
  const summary = summarize(result, t, say)
  return (
    <div className="claims-validation">
      <p role="status" aria-label={t.validation} className={`claims-summary claims-${summary.status}`}>
        <span className="claims-mark" aria-hidden="true">
          {SYMBOLS[summary.status]}
        </span>
        {summary.text}
      </p>
      {result.checks.length > 0 && (
        <ul className="claims-checks" aria-label={t.checks}>
          {result.checks.map((check, i) => (
            <li key={i} className={`claims-check claims-${check.status}`}>
              <span className="claims-mark" aria-hidden="true">
                {SYMBOLS[check.status]}
              </span>
              <span className="claims-visually-hidden">{t.marks[check.status]}: </span>
              {say(check.sentence, check.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
