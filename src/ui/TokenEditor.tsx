import { lazy, Suspense, useEffect, useRef, type ClipboardEvent } from 'react'
import { useMessages, type Messages } from '../i18n'
import { decodedOf } from '../state/debugger'
import { useDebugger, useDispatch } from '../state/DebuggerContext'
import { HighlightedTextarea } from './HighlightedTextarea'
import { focusForToken, loadMapping, withMapping } from './LinkedFocus'
import { TokenText } from './LinkedText'
import { ProblemList } from './ProblemList'
import { TOKEN_HIGHLIGHT_LIMIT } from './highlight'
import { onIdle } from './idle'

// The "how base64url works" inset matters only once a claim is pointed at or the caret moves: it
// loads then, or at idle time after the first load. Should it fail to load, the field has no inset.
const loadInset = () => import('./Base64Inset')
const Base64Inset = lazy(() =>
  loadInset().then(
    (module) => ({ default: module.Base64Inset }),
    () => ({ default: () => null }),
  ),
)

/** Starts loading the linked highlighting's code when the browser is first idle, so the first caret or pointer finds it there. */
function useLinkingPreload() {
  useEffect(() => {
    const load = () => {
      loadMapping().catch(() => undefined)
      loadInset().catch(() => undefined)
    }
    return onIdle(load, 2000)
  }, [])
}

/** Beyond this the field shows a bounded view: the browser itself cannot edit megabytes smoothly. */
export const TOKEN_EDIT_LIMIT = 200_000

const boundedView = (token: string, t: Messages['token']) => `${token.slice(0, 4000)}\n${t.notShown((token.length - 4500).toLocaleString('en'))}\n${token.slice(-500)}`

/** The encoded token, coloured by part as it is typed, with its problems marked and listed. */
export function TokenEditor() {
  const token = useDebugger((s) => s.token)
  const dispatch = useDispatch()
  const t = useMessages().token
  const decoded = decodedOf(token)
  const large = token.length > TOKEN_EDIT_LIMIT
  const plain = large || token.length > TOKEN_HIGHLIGHT_LIMIT
  const problems = decoded.problems.filter((p) => p.code !== 'token.empty')

  // The paste itself is left to the browser (so undo works); the change it makes is then
  // cleaned of wrappers such as `Bearer `, but only when it replaced the whole field.
  const pasting = useRef(false)
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain')
    if (text.length > TOKEN_EDIT_LIMIT || large) {
      // The browser would spend seconds inserting and laying out megabytes in the field:
      // keep the text in state instead, and show a bounded view of it.
      event.preventDefault()
      dispatch({ type: 'tokenPasted', text })
      return
    }
    const field = event.currentTarget
    pasting.current = field.selectionStart === 0 && field.selectionEnd === field.value.length
  }
  const onChange = (text: string) => {
    dispatch({ type: pasting.current ? 'tokenPasted' : 'tokenChanged', text })
    pasting.current = false
  }
  // Linked highlighting: the character at the caret (or the selection) marks the JSON it decodes to.
  const header = useDebugger((s) => s.header)
  const payload = useDebugger((s) => s.payload)
  const onCaret = (start: number, end: number) =>
    withMapping(() => {
      const focus = focusForToken({ token, header, payload }, [start, end > start ? end : start + 1])
      dispatch(focus ? { type: 'focused', focus } : { type: 'unfocused', source: 'token' })
    })
  const focused = useDebugger((s) => s.focus !== undefined)
  useLinkingPreload()

  return (
    <section className="panel token-panel" aria-labelledby="encoded-heading">
      <h2 id="encoded-heading" className="panel-title">
        {t.title}
        <span className="panel-hint">{t.hint}</span>
      </h2>
      <HighlightedTextarea
        label={t.label}
        className="token-editor"
        value={large ? boundedView(token, t) : token}
        readOnly={large}
        onChange={onChange}
        onPaste={onPaste}
        describedBy={problems.length ? 'token-problems' : undefined}
        invalid={problems.some((p) => p.severity === 'error')}
        autoFocus
        plain={plain}
        highlighted={<TokenText token={token} />}
        onCaret={plain ? undefined : onCaret}
        onBlur={() => dispatch({ type: 'unfocused', source: 'token' })}
      />
      {!plain && focused && (
        <Suspense fallback={null}>
          <Base64Inset token={token} />
        </Suspense>
      )}
      {large ? (
        <p className="panel-hint" id="token-size">
          {t.large((token.length / 1_000_000).toFixed(1))}
        </p>
      ) : (
        plain && <p className="panel-hint">{t.plain(Math.round(token.length / 1000))}</p>
      )}
      <ProblemList id="token-problems" problems={problems} label={t.problems} />
      {decoded.kind === 'jwe' && decoded.jwe && (
        <p className="jwe-summary">
          {t.jwe(decoded.jwe.encryptedKeyBytes, decoded.jwe.ivBytes, decoded.jwe.ciphertextBytes, decoded.jwe.tagBytes)}
        </p>
      )}
    </section>
  )
}
