import { useEffect } from 'react'
import { useMessages } from '../i18n'
import { onDemand } from '../jwt/modules'
import { useDebugger } from '../state/DebuggerContext'
import { CodeSnippets } from './CodeSnippets'
import { deferredPanel } from './deferredPanel'
import { DecodedPanel } from './DecodedPanel'
import { FindingsPanel } from './FindingsPanel'
import { KeyWorkbench } from './KeyWorkbench'
import { LibrariesPanel } from './LibrariesPanel'
import { Notes } from './Notes'
import { PanelBoundary } from './PanelBoundary'
import { SignaturePanel } from './SignaturePanel'
import { SignatureSteps } from './SignatureSteps'
import { TokenEditor } from './TokenEditor'
import { Toolbar } from './Toolbar'
import './styles.css'
// The claims panel's code loads later, but the prerendered HTML shows it from the first paint.
import './ClaimsView.css'

/** The claims, their times and validation: not needed for the verdict, so loaded after it. */
const claimsPanelModule = onDemand(() => import('./ClaimsPanel').then((module) => module.ClaimsPanel))

function ClaimsLoading() {
  const t = useMessages().claims
  return (
    <section className="panel claims-panel" aria-labelledby="claims-heading" aria-busy="true">
      <h2 id="claims-heading" className="panel-title">
        {t.title}
      </h2>
      <p className="keys-loading">{t.loading}</p>
    </section>
  )
}

const ClaimsPanel = deferredPanel(claimsPanelModule, <ClaimsLoading />)

/** The one screen: encoded token on the left, what it says and its signature on the right. */
export function App() {
  const theme = useDebugger((s) => s.theme)
  const language = useDebugger((s) => s.language)
  const t = useMessages()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          {t.app.title} <span className="tagline">{t.app.tagline}</span>
        </h1>
        <PanelBoundary name="toolbar">
          <Toolbar />
        </PanelBoundary>
      </header>
      <PanelBoundary name="notes">
        <Notes />
      </PanelBoundary>
      <main className="columns">
        <div className="column">
          <PanelBoundary name="token editor">
            <TokenEditor />
          </PanelBoundary>
          <PanelBoundary name="claims panel">
            <ClaimsPanel />
          </PanelBoundary>
          <PanelBoundary name="findings panel">
            <FindingsPanel />
          </PanelBoundary>
        </div>
        <div className="column">
          <PanelBoundary name="decoded panel">
            <DecodedPanel />
          </PanelBoundary>
          <PanelBoundary name="signature panel">
            <SignaturePanel />
          </PanelBoundary>
          <PanelBoundary name="signature steps panel">
            <SignatureSteps />
          </PanelBoundary>
          <PanelBoundary name="libraries panel">
            <LibrariesPanel />
          </PanelBoundary>
          <PanelBoundary name="code snippets panel">
            <CodeSnippets />
          </PanelBoundary>
        </div>
      </main>
      <PanelBoundary name="key workbench">
        <KeyWorkbench />
      </PanelBoundary>
    </div>
  )
}
