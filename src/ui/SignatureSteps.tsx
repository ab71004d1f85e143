import { lazy, Suspense, useState } from 'react'
import { useMessages } from '../i18n'

// The explanation (the core's explainSignature, the key readers) loads when the panel is first
// opened, so the debugger's first load stays small; a failed load is said here, not thrown.
const SignatureStepsExplained = lazy(() =>
  import('./SignatureStepsExplained').then(
    (module) => ({ default: module.SignatureStepsExplained }),
    (error: unknown) => ({ default: () => <LoadFailed error={error} /> }),
  ),
)

/** Said in place of the explanation when its code cannot be loaded. */
function LoadFailed({ error }: { error: unknown }) {
  const t = useMessages().steps
  return (
    <p className="problem problem-error" role="alert">
      {t.loadFailed(error instanceof Error ? error.message : String(error))}
    </p>
  )
}

/** How the signature is made, step by step: closed until asked for. */
export function SignatureSteps() {
  const [opened, setOpened] = useState(false)
  const t = useMessages().steps
  return (
    <section className="panel signature-steps-panel" aria-labelledby="signature-steps-heading">
      <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="keys-summary">
          <h2 id="signature-steps-heading" className="panel-title keys-title">
            {t.title}
          </h2>
          <span className="keys-hint">{t.hint}</span>
        </summary>
        {opened && (
          <Suspense fallback={<p className="keys-loading">{t.loading}</p>}>
            <SignatureStepsExplained />
          </Suspense>
        )}
      </details>
    </section>
  )
}
