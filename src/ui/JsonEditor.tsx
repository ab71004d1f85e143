import { useMemo } from 'react'
import type { EditorState } from '../state/debugger'
import { HighlightedTextarea } from './HighlightedTextarea'
import { jsonPieces } from './highlight'

interface Props {
  label: 'Header' | 'Payload'
  editor: EditorState
  onChange: (text: string) => void
}

/** Decoded JSON, coloured and editable; invalid JSON is marked where it breaks. */
export function JsonEditor({ label, editor, onChange }: Props) {
  const pieces = useMemo(() => jsonPieces(editor.text, editor.error?.range), [editor.text, editor.error])
  const errorId = `${label.toLowerCase()}-error`
  return (
    <div className={`json-editor json-editor-${label.toLowerCase()}`}>
      <HighlightedTextarea
        label={label}
        value={editor.text}
        onChange={onChange}
        invalid={Boolean(editor.error)}
        describedBy={editor.error ? errorId : undefined}
        highlighted={pieces.map((piece) => (
          <span key={piece.range[0]} className={`json-${piece.kind}${piece.severity ? ` mark mark-${piece.severity}` : ''}`}>
            {piece.text}
          </span>
        ))}
      />
      {editor.error && (
        <p id={errorId} className="problem problem-error" role="alert">
          <span className="visually-hidden">Error: </span>
          Invalid JSON, the token keeps its last valid value: {editor.error.message}
        </p>
      )}
    </div>
  )
}
