import { useMemo } from 'react'
import { useMessages } from '../i18n'
import type { EditorState } from '../state/debugger'
import { HighlightedTextarea } from './HighlightedTextarea'
import { JSON_HIGHLIGHT_LIMIT, jsonPieces } from './highlight'

interface Props {
  /** Which part: its English name, also its element ids; the field shows the page's word for it. */
  label: 'Header' | 'Payload'
  editor: EditorState
  onChange: (text: string) => void
}

/** Beyond this, the JSON is previewed read-only: a browser takes seconds to lay out megabytes. */
export const JSON_EDIT_LIMIT = 200_000
const PREVIEW_LENGTH = 20_000

/** Decoded JSON, coloured and editable; invalid JSON is marked where it breaks. */
export function JsonEditor({ label, editor, onChange }: Props) {
  const messages = useMessages()
  const t = messages.decoded
  const name = t.parts[label]
  const large = editor.text.length > JSON_EDIT_LIMIT
  const plain = editor.text.length > JSON_HIGHLIGHT_LIMIT
  const pieces = useMemo(() => (plain ? [] : jsonPieces(editor.text, editor.error?.range)), [plain, editor.text, editor.error])
  const errorId = `${label.toLowerCase()}-error`
  if (large) {
    return (
      <div className={`json-editor json-editor-${label.toLowerCase()}`}>
        <HighlightedTextarea label={name} value={`${editor.text.slice(0, PREVIEW_LENGTH)}…`} onChange={() => undefined} readOnly plain highlighted={null} describedBy={`${label}-large`} />
        <p id={`${label}-large`} className="panel-hint">
          {t.large(label, (editor.text.length / 1_000_000).toFixed(1), PREVIEW_LENGTH / 1000)}
        </p>
      </div>
    )
  }
  return (
    <div className={`json-editor json-editor-${label.toLowerCase()}`}>
      <HighlightedTextarea
        label={name}
        value={editor.text}
        onChange={onChange}
        invalid={Boolean(editor.error)}
        plain={plain}
        describedBy={editor.error ? errorId : undefined}
        highlighted={pieces.map((piece) => (
          <span key={piece.range[0]} className={`json-${piece.kind}${piece.severity ? ` mark mark-${piece.severity}` : ''}`}>
            {piece.text}
          </span>
        ))}
      />
      {editor.error && (
        <p id={errorId} className="problem problem-error" role="alert">
          <span className="visually-hidden">{messages.severity.error}: </span>
          {t.invalid}
          {editor.error.message}
        </p>
      )}
    </div>
  )
}
