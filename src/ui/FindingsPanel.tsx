import { Suspense, useEffect, useRef, useState } from 'react'
import { useMessages } from '../i18n'
import { checkTimeOf, currentAlg, decodedOf, isDecodedOffThread, type DebuggerState } from '../state/debugger'
import { useDebugger } from '../state/DebuggerContext'
import { LoadBoundary, lazyBody } from './LazyDisclosure'
import { TOKEN_EDIT_LIMIT } from './TokenEditor'

// The checks (with their list of weak secrets) and their translations load right after the first
// paint, so the debugger's first load stays small; a failed load is said in the panel, not thrown.
const FindingsPanelList = lazyBody(() => import('./FindingsPanelList').then((module) => module.FindingsPanelList))

/** True once the page has painted: a frame, then a task after it. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const later = () => (timer = setTimeout(() => setPainted(true), 0))
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(later) : (later(), 0)
    return () => {
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return painted
}

/** The check time, to the minute while it ticks (findings about time need no finer clock); a chosen time as it is. */
const checkMinute = (s: DebuggerState) => (s.checkAt === undefined ? Math.floor(checkTimeOf(s) / 60) * 60 : checkTimeOf(s))

/** The findings of the token in the store; their code loads on its own, so it reads nothing from the store itself. */
function Findings() {
  const token = useDebugger((s) => s.token)
  const alg = useDebugger(currentAlg)
  const secret = useDebugger((s) => s.keys.secret)
  const encoding = useDebugger((s) => s.keys.secretEncoding)
  const now = useDebugger(checkMinute)
  const language = useDebugger((s) => s.language)
  const t = useMessages().findings
  // A token decoded in the worker is too large to check again on this thread.
  if (isDecodedOffThread(token)) return <p className="keys-loading">{t.tooLarge(Math.round(token.length / 1024))}</p>
  if (token.trim() === '') return <p className="keys-loading">{t.empty}</p>
  return (
    <LoadBoundary message={t.loadFailed}>
      <Suspense fallback={<p className="keys-loading">{t.loading}</p>}>
        {/* The field shows a bounded view of a very long token: its characters are not the token's. */}
        <FindingsPanelList decoded={decodedOf(token)} alg={alg} secret={secret} encoding={encoding} now={now} language={language} placeable={token.length <= TOKEN_EDIT_LIMIT} />
      </Suspense>
    </LoadBoundary>
  )
}

/** What is unsafe about this token: open, since findings matter; it can be folded away. */
export function FindingsPanel() {
  const [open, setOpen] = useState(true)
  const details = useRef<HTMLDetailsElement>(null)
  // Folded in the prerendered page before React had hydrated it: its toggle event went unheard.
  useEffect(() => {
    if (details.current && !details.current.open) setOpen(false)
  }, [])
  const painted = useAfterFirstPaint()
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
        {open && (painted ? <Findings /> : <p className="keys-loading">{t.loading}</p>)}
      </details>
    </section>
  )
}
