import { lazy, Suspense, useState } from 'react'
import { useMessages } from '../i18n'

// The predictions (a port of PyJWT, jose's jwtVerify, the frameworks) load when the panel is first
// opened, so the debugger's first load stays small; a failed load is said here, not thrown.
const LibraryVerdicts = lazy(() =>
  import('./LibraryVerdicts').then(
    (module) => ({ default: module.LibraryVerdicts }),
    (error: unknown) => ({
      default: () => <LoadFailed error={error} />,
    }),
  ),
)

/** Said in place of the predictions when their code cannot be loaded. */
function LoadFailed({ error }: { error: unknown }) {
  const t = useMessages().libraries
  return (
    <p className="problem problem-error" role="alert">
      {t.loadFailed(error instanceof Error ? error.message : String(error))}
    </p>
  )
}

/** What real libraries would say about this token: closed until asked for. */
export function LibrariesPanel() {
  const [opened, setOpened] = useState(false)
  const t = useMessages().libraries
  return (
    <section className="panel libraries-panel" aria-labelledby="libraries-heading">
      <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="keys-summary">
          <h2 id="libraries-heading" className="panel-title keys-title">
            {t.title}
          </h2>
          <span className="keys-hint">{t.hint}</span>
        </summary>
        {opened && (
          <Suspense fallback={<p className="keys-loading">{t.loading}</p>}>
            <LibraryVerdicts />
          </Suspense>
        )}
      </details>
    </section>
  )
}
