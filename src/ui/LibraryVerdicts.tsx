import { useMemo } from 'react'
import { useSection, useSentence } from '../i18n'
import { libraries } from '../i18n/sections/libraries'
import { predictFrameworks, type FrameworkOutcome } from '../jwt/frameworks'
import { predictPyJwt, runJose, type LibraryOutcome } from '../jwt/libraries'
import { currentAlg, decodedOf, isDecodedOffThread, verifyKeyFor } from '../state/debugger'
import { useDebuggerAfterPaint } from '../state/DebuggerContext'
import { readExpectations } from '../state/expectations'
import { useAsyncResult } from './useAsyncResult'
import './LibraryVerdicts.css'

interface Verdicts {
  readonly libraries: readonly LibraryOutcome[]
  readonly frameworks: readonly FrameworkOutcome[]
}

const asObject = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined)

function Verdict({ ok, text }: { readonly ok: boolean; readonly text: string }) {
  return (
    <p className={`library-verdict ${ok ? 'library-ok' : 'library-bad'}`}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {text}
    </p>
  )
}

function LibraryCard({ outcome }: { readonly outcome: LibraryOutcome }) {
  const t = useSection(libraries)
  const say = useSentence()
  const ok = outcome.outcome === 'returns'
  const verb = outcome.library.startsWith('jose') ? t.throws : t.raises
  return (
    <li className="library-card">
      <h4>
        {outcome.library} <span className="library-source">({t.sources[outcome.library]})</span>
      </h4>
      <pre className="library-call">
        <code>{outcome.call}</code>
      </pre>
      {/* The library's own exception and message stay verbatim: they are what it prints. */}
      <Verdict ok={ok} text={ok ? say(outcome.messageSentence, outcome.message) : `${verb} ${outcome.error}: ${outcome.message}`} />
      <p className="library-why">{say(outcome.whySentence, outcome.why)}</p>
    </li>
  )
}

function FrameworkTable({ outcomes }: { readonly outcomes: readonly FrameworkOutcome[] }) {
  const t = useSection(libraries)
  const say = useSentence()
  return (
    <table className="framework-table">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.frameworkAndRoute}</th>
          <th scope="col">{t.result}</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o) => (
          <tr key={o.framework + o.endpoint}>
            <th scope="row">
              {o.framework} <code>{say(o.endpointSentence, o.endpoint)}</code>
              <span className="framework-header">
                {t.reads} <code>{o.header}</code>
              </span>
            </th>
            <td>
              <Verdict ok={o.outcome === 'accepts'} text={o.outcome === 'accepts' ? say(o.messageSentence, o.message) : `${o.error}: ${say(o.messageSentence, o.message)}`} />
              <span className="library-why">{say(o.whySentence, o.why)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** What PyJWT, jose and the Flask frameworks would do with this token, key and expectations. */
export function LibraryVerdicts() {
  const token = useDebuggerAfterPaint((s) => s.token)
  const keys = useDebuggerAfterPaint((s) => s.keys)
  const alg = useDebuggerAfterPaint(currentAlg)
  const fields = useDebuggerAfterPaint((s) => s.expectations)
  const now = useDebuggerAfterPaint((s) => Math.floor(s.now))
  const t = useSection(libraries)
  const decoded = decodedOf(token)
  const checkAt = useDebuggerAfterPaint((s) => s.checkAt)
  const input = useMemo(() => {
    const key = verifyKeyFor(keys, alg)
    // The real now unless another moment is chosen: the calls shown are the ones a server makes.
    return { key, expectations: { ...readExpectations(fields, alg).library, ...(checkAt !== undefined && { now: checkAt }) } }
  }, [keys, alg, fields, checkAt])
  const compute = async (): Promise<Verdicts> => {
    if (isDecodedOffThread(token)) return { libraries: [], frameworks: [] }
    const parts = { payload: asObject(decoded.payload?.kind === 'json' ? decoded.payload.value : undefined), header: asObject(decoded.header?.value) }
    const [py, jose, frameworks] = await Promise.all([predictPyJwt(decoded.token, input.key, input.expectations), runJose(decoded.token, input.key, input.expectations), predictFrameworks(decoded.token, input.key, input.expectations, parts)])
    return { libraries: [py, jose], frameworks }
  }
  // A token decoded in the worker is too large to re-read three more times on this thread.
  const tooLarge = isDecodedOffThread(token)
  // Keyed by the second too, so a token that expires while the panel is open is seen to.
  const result = useAsyncResult(tooLarge ? 'too large' : JSON.stringify([decoded.token, input, now]), compute, { keepPrevious: true })
  if (tooLarge) return <p className="keys-loading">{t.tooLarge(Math.round(token.length / 1024))}</p>
  if (!result) return <p className="keys-loading">{t.asking}</p>
  if (!result.ok) return <p className="problem problem-error">{t.failed(result.error)}</p>
  return (
    <div className="library-verdicts" aria-live="polite">
      <ul className="library-cards" aria-label={t.label}>
        {result.value.libraries.map((outcome) => (
          <LibraryCard key={outcome.library} outcome={outcome} />
        ))}
      </ul>
      <FrameworkTable outcomes={result.value.frameworks} />
    </div>
  )
}
