import { useEffect, useId, useLayoutEffect, useRef, type ClipboardEvent, type ReactNode } from 'react'
import { offsetAtPoint } from './LinkedPointer'
import { useFirstOfTwoFrames } from './useTwoFrames'

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
  /** The character under the pointer (undefined when it leaves), at most once per animation frame. */
  onPoint?: (offset: number | undefined, field: HTMLTextAreaElement) => void
  /** The caret or selection, after a key or a click moved it. */
  onCaret?: (start: number, end: number) => void
  onBlur?: () => void
}

/** What a field not being edited shows of a long text in the first frame of a large change: more than a screen holds. */
const FIRST_SCREENFUL = 10_000

/**
 * A real textarea (so paste, undo, select-all and screen readers behave as usual) over a layer
 * that draws the same text in colour. Both use the same font, padding and wrapping; the layer
 * follows the textarea's scrolling.
 *
 * A large change to a long text (a paste) is drawn in two frames (useFirstOfTwoFrames): the first
 * shows the text without its layer, and where the field is not the one being edited, only its
 * first screenful; the layer and the rest of the text follow once that frame is painted.
 */
export function HighlightedTextarea({ label, value, onChange, onPaste, highlighted, plain, readOnly, describedBy, autoFocus, className, invalid, onPoint, onCaret, onBlur }: Props) {
  const id = useId()
  const layer = useRef<HTMLPreElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const pointer = usePointer(layer, onPoint)
  const firstFrame = useFirstOfTwoFrames(value)
  // Read at the change, not kept: the field being edited must keep its whole text, caret and undo.
  const editing = typeof document !== 'undefined' && document.activeElement?.id === id
  const shown = firstFrame && !editing ? value.slice(0, FIRST_SCREENFUL) : value
  const layered = !plain && !firstFrame
  // A layer drawn anew (after the first frame of a paste, which scrolled the field to its caret)
  // starts where the field is scrolled to; from then on it follows the field's scroll events.
  useLayoutEffect(() => {
    if (layered && layer.current && field.current) layer.current.scrollTop = field.current.scrollTop
  }, [layered])
  const caret = onCaret && ((event: { currentTarget: HTMLTextAreaElement }) => onCaret(event.currentTarget.selectionStart, event.currentTarget.selectionEnd))
  const syncScroll = (event: { currentTarget: HTMLTextAreaElement }) => {
    if (layer.current) layer.current.scrollTop = event.currentTarget.scrollTop
  }
  return (
    <div className={`highlighted ${layered ? '' : 'highlighted-plain'} ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="highlighted-stack">
        {layered && (
          <pre ref={layer} className="highlighted-layer" aria-hidden="true">
            {highlighted}
            {/* A trailing newline in a textarea adds a line; the layer needs one too. */}
            {'\n'}
          </pre>
        )}
        <textarea
          ref={field}
          id={id}
          className="highlighted-input"
          value={shown}
          onChange={(event) => onChange(event.target.value)}
          onPaste={onPaste}
          onScroll={syncScroll}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          autoFocus={autoFocus}
          // Only a first screenful for a frame: not to be edited, or the rest would be lost.
          readOnly={readOnly || shown !== value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-busy={firstFrame || undefined}
          onMouseMove={pointer?.move}
          onMouseLeave={pointer?.leave}
          onKeyUp={caret}
          onMouseUp={caret}
          onBlur={onBlur}
        />
      </div>
    </div>
  )
}

/**
 * Pointer moves become character offsets once per animation frame: a mouse reports more often
 * than the screen redraws, and each offset costs a few layout reads.
 */
function usePointer(layer: { current: HTMLElement | null }, onPoint: Props['onPoint']) {
  const frame = useRef(0)
  const latest = useRef(onPoint)
  useEffect(() => {
    latest.current = onPoint
  })
  useEffect(() => () => cancelAnimationFrame(frame.current), [])
  if (!onPoint) return undefined
  return {
    move(event: { currentTarget: HTMLTextAreaElement; clientX: number; clientY: number }) {
      const { currentTarget: field, clientX, clientY } = event
      cancelAnimationFrame(frame.current)
      frame.current = requestAnimationFrame(() => latest.current?.(offsetAtPoint(field, layer.current, clientX, clientY), field))
    },
    leave(event: { currentTarget: HTMLTextAreaElement }) {
      cancelAnimationFrame(frame.current)
      latest.current?.(undefined, event.currentTarget)
    },
  }
}
