import { lazy, Suspense, useState } from 'react'
import { useMessages } from '../i18n'
import './KeyWorkbench.css'

/** Said in place of the tools when their code cannot be loaded (offline, or a newer deploy). */
function LoadFailed({ error }: { error: unknown }) {
  const t = useMessages().workbench
  return (
    <p className="problem problem-error" role="alert">
      {t.loadFailed(error instanceof Error ? error.message : String(error))}
    </p>
  )
}

// The tools load when the workbench is first opened, so the debugger's first load stays small. A
// failed load is shown here rather than thrown, so it cannot take the debugger down with it.
const KeyWorkbenchTools = lazy(() =>
  import('./KeyWorkbenchTools').then(
    (module) => ({ default: module.KeyWorkbenchTools }),
    (error: unknown) => ({ default: () => <LoadFailed error={error} /> }),
  ),
)

/** Read, convert, generate and publish keys: closed until asked for, so it does not crowd the debugger. */
export function KeyWorkbench() {
  const [opened, setOpened] = useState(false)
  const t = useMessages().workbench
  return (
    <section className="panel keys-workbench" aria-labelledby="keys-heading">
      <details className="keys-details" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="keys-summary">
          <h2 id="keys-heading" className="panel-title keys-title">
            {t.title}
          </h2>
          <span className="keys-hint">{t.hint}</span>
        </summary>
        {opened && (
          <Suspense fallback={<p className="keys-loading">{t.loading}</p>}>
            <KeyWorkbenchTools />
          </Suspense>
        )}
      </details>
    </section>
  )
}
