import { useMemo, useRef, type ClipboardEvent } from 'react'
import { decodedOf } from '../state/debugger'
import { useDebugger, useDispatch } from '../state/DebuggerContext'
import { HighlightedTextarea } from './HighlightedTextarea'
import { ProblemList } from './ProblemList'
import { TOKEN_HIGHLIGHT_LIMIT, tokenPieces } from './highlight'

/** The encoded token, coloured by part as it is typed, with its problems marked and listed. */
export function TokenEditor() {
  const token = useDebugger((s) => s.token)
  const dispatch = useDispatch()
  const decoded = decodedOf(token)
  const plain = token.length > TOKEN_HIGHLIGHT_LIMIT
  const pieces = useMemo(() => (plain ? [] : tokenPieces(token, decoded)), [plain, token, decoded])
  const problems = decoded.problems.filter((p) => p.code !== 'token.empty')

  // The paste itself is left to the browser (so undo works); the change it makes is then
  // cleaned of wrappers such as `Bearer `, but only when it replaced the whole field.
  const pasting = useRef(false)
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
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
        value={token}
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
      {plain && <p className="panel-hint">Colours are off for a token this large ({Math.round(token.length / 1000)} KB), so typing stays fast.</p>}
      <ProblemList id="token-problems" problems={problems} label="Problems in the token" />
      {decoded.kind === 'jwe' && decoded.jwe && (
        <p className="jwe-summary">
          Encrypted key {decoded.jwe.encryptedKeyBytes} bytes, IV {decoded.jwe.ivBytes} bytes, ciphertext {decoded.jwe.ciphertextBytes} bytes, tag {decoded.jwe.tagBytes} bytes.
        </p>
      )}
    </section>
  )
}
