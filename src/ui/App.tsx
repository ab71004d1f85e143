import { useEffect, type ReactNode } from 'react'
import { useMessages } from '../i18n'
import { onDemand } from '../jwt/modules'
import { useDebugger } from '../state/DebuggerContext'
import { CodeSnippets } from './CodeSnippets'
import { deferredPanel, HydratesLater } from './deferredPanel'
import { DecodedPanel } from './DecodedPanel'
import { FindingsPanel } from './FindingsPanel'
import { KeyWorkbench } from './KeyWorkbench'
import { LibrariesPanel } from './LibrariesPanel'
import { Notes } from './Notes'
import { PanelBoundary, type PanelName } from './PanelBoundary'
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

/** Keeps <html> in step with the chosen theme and language; apart, so a theme change re-renders no panel. */
function DocumentSettings() {
  const theme = useDebugger((s) => s.theme)
  const language = useDebugger((s) => s.language)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  return null
}

/** A panel that hydrates after the signature panel: the first verdict waits for none of them. */
function LaterPanel({ name, children }: { name: PanelName; children: ReactNode }) {
  return (
    <PanelBoundary name={name}>
      <HydratesLater>{children}</HydratesLater>
    </PanelBoundary>
  )
}

/** The one screen: encoded token on the left, what it says and its signature on the right. */
export function App() {
  const t = useMessages()
  return (
    <div className="app">
      <DocumentSettings />
      <header className="app-header">
        <h1>
          {t.app.title} <span className="tagline">{t.app.tagline}</span>
        </h1>
        <LaterPanel name="toolbar">
          <Toolbar />
        </LaterPanel>
      </header>
      <LaterPanel name="notes">
        <Notes />
      </LaterPanel>
      <main className="columns">
        <div className="column">
          <LaterPanel name="token editor">
            <TokenEditor />
          </LaterPanel>
          {/* Hydrates later by itself, once its code has come. */}
          <PanelBoundary name="claims panel">
            <ClaimsPanel />
          </PanelBoundary>
          <LaterPanel name="findings panel">
            <FindingsPanel />
          </LaterPanel>
        </div>
        <div className="column">
          <LaterPanel name="decoded panel">
            <DecodedPanel />
          </LaterPanel>
          <PanelBoundary name="signature panel">
            <SignaturePanel />
          </PanelBoundary>
          <LaterPanel name="signature steps panel">
            <SignatureSteps />
          </LaterPanel>
          <LaterPanel name="libraries panel">
            <LibrariesPanel />
          </LaterPanel>
          <LaterPanel name="code snippets panel">
            <CodeSnippets />
          </LaterPanel>
        </div>
      </main>
      <LaterPanel name="key workbench">
        <KeyWorkbench />
      </LaterPanel>
    </div>
  )
}
