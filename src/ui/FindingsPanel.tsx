import { useEffect, useRef, useState } from 'react'
import { useMessages } from '../i18n'
import { onDemand } from '../jwt/modules'
import { deferredPanel } from './deferredPanel'
import './FindingsPanel.css'

/**
 * The checks, with their list of weak secrets and their translations: not needed for the verdict,
 * so loaded after it; the prerendered HTML shows their findings for the example from the first paint.
 */
const findingsModule = onDemand(() => import('./FindingsPanelList').then((module) => module.Findings))

function FindingsLoading() {
  return <p className="keys-loading">{useMessages().findings.loading}</p>
}

const Findings = deferredPanel(findingsModule, <FindingsLoading />)

/** What is unsafe about this token: open, since findings matter; it can be folded away. */
export function FindingsPanel() {
  const [open, setOpen] = useState(true)
  const details = useRef<HTMLDetailsElement>(null)
  // Folded in the prerendered page before React had hydrated it: its toggle event went unheard.
  useEffect(() => {
    if (details.current && !details.current.open) setOpen(false)
  }, [])
  const t = useMessages().findings
  return (
    <section className="panel findings-panel" aria-labelledby="findings-heading">
      <details ref={details} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="keys-summary">
          <h2 id="findings-heading" className="panel-title keys-title">
            {t.title}
          </h2>
          <span className="keys-hint">{t.hint}</span>
        </summary>
        {open && <Findings />}
      </details>
    </section>
  )
}
