import { useMessages, useSentence } from '../i18n'
import type { Range } from '../jwt'
import type { EditorState, Focus } from '../state/debugger'
import { useOptionalDebugger } from '../state/DebuggerContext'
import { HighlightedTextarea } from './HighlightedTextarea'
import { JSON_HIGHLIGHT_LIMIT } from './highlight'
import { focusForJson, linkedSegmentOf, memberRangeAt, withMapping, type LinkedPart } from './LinkedFocus'
import { JsonText } from './LinkedText'

interface Props {
  /** Which part: its English name, also its element ids; the field shows the page's word for it. */
  label: 'Header' | 'Payload'
  editor: EditorState
  onChange: (text: string) => void
  /** Linked highlighting: the member pointed at, or undefined when nothing is (DecodedPanel dispatches it). */
  onFocusChange?: (focus: Focus | undefined) => void
}

/** Beyond this, the JSON is previewed read-only: a browser takes seconds to lay out megabytes. */
export const JSON_EDIT_LIMIT = 200_000
const PREVIEW_LENGTH = 20_000

/** Decoded JSON, coloured and editable; invalid JSON is marked where it breaks. */
export function JsonEditor({ label, editor, onChange, onFocusChange }: Props) {
  const messages = useMessages()
  const say = useSentence()
  const t = messages.decoded
  const name = t.parts[label]
  const large = editor.text.length > JSON_EDIT_LIMIT
  const plain = editor.text.length > JSON_HIGHLIGHT_LIMIT
  const errorId = `${label.toLowerCase()}-error`
  const link = useLinking(label.toLowerCase() as LinkedPart, editor, plain, onFocusChange)
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
        highlighted={<JsonText part={label.toLowerCase() as LinkedPart} text={editor.text} errorRange={editor.error?.range} />}
        {...link}
      />
      {editor.error && (
        <p id={errorId} className="problem problem-error" role="alert">
          <span className="visually-hidden">{messages.severity.error}: </span>
          {t.invalid}
          {say(editor.error.sentence, editor.error.message)}
        </p>
      )}
    </div>
  )
}

/**
 * Linked highlighting from this editor: the member under the pointer or the caret (or the text
 * selected) marks the token characters that carry it. Off while the JSON is not what the token
 * carries (invalid) and for text too large to colour.
 */
function useLinking(part: LinkedPart, editor: EditorState, plain: boolean, onFocusChange: Props['onFocusChange']) {
  const token = useOptionalDebugger((s) => s.token, '')
  if (!onFocusChange || plain || !linkedSegmentOf(token, editor, part)) return {}
  const focusOn = (range: Range | undefined) => onFocusChange(range && focusForJson(token, editor, part, range))
  // A caret sits between two characters: the member it is in, else the one it ends.
  const atCaret = (start: number, end: number) => (end > start ? ([start, end] as Range) : (memberRangeAt(editor.text, start) ?? memberRangeAt(editor.text, start - 1)))
  return {
    // Off any member, the pointer gives way to the caret, if the field has it.
    onPoint: (offset: number | undefined, field: HTMLTextAreaElement) =>
      withMapping(() => {
        const pointed = offset === undefined ? undefined : memberRangeAt(editor.text, offset)
        focusOn(pointed ?? (field.ownerDocument.activeElement === field ? atCaret(field.selectionStart, field.selectionEnd) : undefined))
      }),
    onCaret: (start: number, end: number) => withMapping(() => focusOn(atCaret(start, end))),
    onBlur: () => onFocusChange(undefined),
  }
}
