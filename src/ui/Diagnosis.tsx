import { useMessages, useSentence } from '../i18n'
import type { Diagnosis as DiagnosisResult, Hypothesis } from '../jwt/diagnose'
import type { Sentence } from '../jwt/sentences'

/** A hypothesis is its own sentence: its code, its params, and the English message. */
const sentenceOf = (hypothesis: Hypothesis) => ({ code: hypothesis.code, params: hypothesis.params, text: hypothesis.message }) as Sentence

interface Props {
  diagnosis: DiagnosisResult
  onFix: (fix: NonNullable<Hypothesis['fix']>) => void
}

/** Why the signature does not verify: each cause that was tried and found to apply. */
export function Diagnosis({ diagnosis, onFix }: Props) {
  const t = useMessages().diagnosis
  const say = useSentence()
  if (diagnosis.hypotheses.length === 0 && !diagnosis.conclusion) return null
  return (
    <div className="diagnosis">
      <h3 className="diagnosis-title">{t.title}</h3>
      {diagnosis.hypotheses.length > 0 ? (
        <ul aria-label={t.causes}>
          {diagnosis.hypotheses.map((hypothesis) => (
            <li key={hypothesis.code + hypothesis.message}>
              {say(sentenceOf(hypothesis), hypothesis.message)}
              {t.stop}{' '}
              {hypothesis.fix && (
                <button type="button" className="small-button" onClick={() => onFix(hypothesis.fix!)}>
                  {hypothesis.fix.encoding ? t.fixes[hypothesis.fix.encoding] : t.cleaned}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{say(diagnosis.conclusionSentence, diagnosis.conclusion ?? '')}</p>
      )}
      <p className="diagnosis-note">{t.note}</p>
    </div>
  )
}
