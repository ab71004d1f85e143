import type { Diagnosis as DiagnosisResult, Hypothesis } from '../jwt'

const FIX_LABELS = {
  base64url: 'Read the secret as base64url',
  base64: 'Read the secret as base64',
  hex: 'Read the secret as hex',
  utf8: 'Read the secret as UTF-8 text',
} as const

interface Props {
  diagnosis: DiagnosisResult
  onFix: (fix: NonNullable<Hypothesis['fix']>) => void
}

/** Why the signature does not verify: each cause that was tried and found to apply. */
export function Diagnosis({ diagnosis, onFix }: Props) {
  if (diagnosis.hypotheses.length === 0 && !diagnosis.conclusion) return null
  return (
    <div className="diagnosis">
      <h3 className="diagnosis-title">Why it does not verify</h3>
      {diagnosis.hypotheses.length > 0 ? (
        <ul aria-label="Causes that would make it verify">
          {diagnosis.hypotheses.map((hypothesis) => (
            <li key={hypothesis.code + hypothesis.message}>
              {hypothesis.message}.{' '}
              {hypothesis.fix && (
                <button type="button" className="small-button" onClick={() => onFix(hypothesis.fix!)}>
                  {hypothesis.fix.encoding ? FIX_LABELS[hypothesis.fix.encoding] : 'Use the cleaned secret'}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{diagnosis.conclusion}</p>
      )}
      <p className="diagnosis-note">Each cause above was tried on the real signature; the verdict stays as it is until you change the key.</p>
    </div>
  )
}
