import { useId, useRef, type ClipboardEvent, type ReactNode } from 'react'

interface Props {
  label: string
  value: string
  onChange: (text: string) => void
  onPaste?: (event: ClipboardEvent<HTMLTextAreaElement>) => void
  /** The same text, coloured; drawn under the transparent textarea. */
  highlighted: ReactNode
  /** No colour layer: the textarea shows its own text (for text too large to lay out twice). */
  plain?: boolean
  readOnly?: boolean
  describedBy?: string
  autoFocus?: boolean
  className?: string
  invalid?: boolean
}

/**
 * A real textarea (so paste, undo, select-all and screen readers behave as usual) over a layer
 * that draws the same text in colour. Both use the same font, padding and wrapping; the layer
 * follows the textarea's scrolling.
 */
export function HighlightedTextarea({ label, value, onChange, onPaste, highlighted, plain, readOnly, describedBy, autoFocus, className, invalid }: Props) {
  const id = useId()
  const layer = useRef<HTMLPreElement>(null)
  const syncScroll = (event: { currentTarget: HTMLTextAreaElement }) => {
    if (layer.current) layer.current.scrollTop = event.currentTarget.scrollTop
  }
  return (
    <div className={`highlighted ${plain ? 'highlighted-plain' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="highlighted-stack">
        {!plain && (
          <pre ref={layer} className="highlighted-layer" aria-hidden="true">
            {highlighted}
            {/* A trailing newline in a textarea adds a line; the layer needs one too. */}
            {'\n'}
          </pre>
        )}
        <textarea
          id={id}
          className="highlighted-input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onPaste={onPaste}
          onScroll={syncScroll}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          autoFocus={autoFocus}
          readOnly={readOnly}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      </div>
    </div>
  )
}
