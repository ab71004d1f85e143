import { lazy, Suspense, useState } from 'react'

// The predictions (a port of PyJWT, jose's jwtVerify, the frameworks) load when the panel is first
// opened, so the debugger's first load stays small; a failed load is said here, not thrown.
const LibraryVerdicts = lazy(() =>
  import('./LibraryVerdicts').then(
    (module) => ({ default: module.LibraryVerdicts }),
    (error: unknown) => ({
      default: () => (
        <p className="problem problem-error" role="alert">
          The library predictions could not be loaded ({error instanceof Error ? error.message : String(error)}); reload the page to try again.
        </p>
      ),
    }),
  ),
)

/** What real libraries would say about this token: closed until asked for. */
export function LibrariesPanel() {
  const [opened, setOpened] = useState(false)
  return (
    <section className="panel libraries-panel" aria-labelledby="libraries-heading">
      <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="keys-summary">
          <h2 id="libraries-heading" className="panel-title keys-title">
            What libraries would say
          </h2>
          <span className="keys-hint">PyJWT, jose, flask-jwt-extended, Flask-JWT</span>
        </summary>
        {opened && (
          <Suspense fallback={<p className="keys-loading">Loading the library predictions…</p>}>
            <LibraryVerdicts />
          </Suspense>
        )}
      </details>
    </section>
  )
}
