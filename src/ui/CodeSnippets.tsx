import { lazy, Suspense, useState } from 'react'
import { useMessages } from '../i18n'

// The snippet builder loads when the panel is first opened, so the debugger's first load stays
// small; a failed load is said here, not thrown.
const CodeSnippetsTabs = lazy(() =>
  import('./CodeSnippetsTabs').then(
    (module) => ({ default: module.CodeSnippetsTabs }),
    (error: unknown) => ({
      default: () => <LoadFailed error={error} />,
    }),
  ),
)

/** Said in place of the snippets when their code cannot be loaded. */
function LoadFailed({ error }: { error: unknown }) {
  const t = useMessages().snippets
  return (
    <p className="problem problem-error" role="alert">
      {t.loadFailed(error instanceof Error ? error.message : String(error))}
    </p>
  )
}

/** "Use it in code": programs that verify this token in Python and Node, and a curl call; closed until asked for. */
export function CodeSnippets() {
  const [opened, setOpened] = useState(false)
  const t = useMessages().snippets
  return (
    <section className="panel snippets-panel" aria-labelledby="snippets-heading">
      <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="keys-summary">
          <h2 id="snippets-heading" className="panel-title keys-title">
            {t.title}
          </h2>
          <span className="keys-hint">{t.hint}</span>
        </summary>
        {opened && (
          <Suspense fallback={<p className="keys-loading">{t.loading}</p>}>
            <CodeSnippetsTabs />
          </Suspense>
        )}
      </details>
    </section>
  )
}
