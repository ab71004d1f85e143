import { useMemo, useRef, type ClipboardEvent } from 'react'
import { decodedOf } from '../state/debugger'
import { useDebugger, useDispatch } from '../state/DebuggerContext'
import { HighlightedTextarea } from './HighlightedTextarea'
import { ProblemList } from './ProblemList'
import { TOKEN_HIGHLIGHT_LIMIT, tokenPieces } from './highlight'

/** Beyond this the field shows a bounded view: the browser itself cannot edit megabytes smoothly. */
export const TOKEN_EDIT_LIMIT = 200_000

const boundedView = (token: string) => `${token.slice(0, 4000)}\n… ${(token.length - 4500).toLocaleString('en')} characters not shown …\n${token.slice(-500)}`

/** The encoded token, coloured by part as it is typed, with its problems marked and listed. */
export function TokenEditor() {
  const token = useDebugger((s) => s.token)
  const dispatch = useDispatch()
  const decoded = decodedOf(token)
  const large = token.length > TOKEN_EDIT_LIMIT
  const plain = large || token.length > TOKEN_HIGHLIGHT_LIMIT
  const pieces = useMemo(() => (plain ? [] : tokenPieces(token, decoded)), [plain, token, decoded])
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

  return (
    <section className="panel token-panel" aria-labelledby="encoded-heading">
      <h2 id="encoded-heading" className="panel-title">
        Encoded
        <span className="panel-hint">paste a token here</span>
      </h2>
      <HighlightedTextarea
        label="Encoded token"
        className="token-editor"
        value={large ? boundedView(token) : token}
        readOnly={large}
        onChange={onChange}
        onPaste={onPaste}
        describedBy={problems.length ? 'token-problems' : undefined}
        invalid={problems.some((p) => p.severity === 'error')}
        autoFocus
        plain={plain}
        highlighted={pieces.map((piece) => (
          <span key={piece.range[0]} data-part={piece.kind} className={piece.severity ? `mark mark-${piece.severity}` : undefined}>
            {piece.text}
          </span>
        ))}
      />
      {large ? (
        <p className="panel-hint" id="token-size">
          This token is {(token.length / 1_000_000).toFixed(1)} MB, so the field shows only its start and end, read-only. Paste into it to replace the token, or Clear.
        </p>
      ) : (
        plain && <p className="panel-hint">Colours are off for a token this large ({Math.round(token.length / 1000)} KB), so typing stays fast.</p>
      )}
      <ProblemList id="token-problems" problems={problems} label="Problems in the token" />
      {decoded.kind === 'jwe' && decoded.jwe && (
        <p className="jwe-summary">
          Encrypted key {decoded.jwe.encryptedKeyBytes} bytes, IV {decoded.jwe.ivBytes} bytes, ciphertext {decoded.jwe.ciphertextBytes} bytes, tag {decoded.jwe.tagBytes} bytes.
        </p>
      )}
    </section>
  )
}
