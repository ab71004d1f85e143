import { useEffect, useState } from 'react'
import { afterNextPaint } from '../state/store'

/**
 * Past this length a large change is drawn in two frames. Laying out text costs the browser about
 * 15 ms per 100 KB on this project's benchmark machine, once for a textarea and again for its
 * colour layer; a pasted 100 KB token laid out three times (field, layer, payload) missed the
 * 50 ms target for it on layout alone.
 */
const TWO_FRAME_LENGTH = 50_000
/** More than a keystroke or a word: a paste, a drop, a new token. */
const LARGE_CHANGE = 1_000

/**
 * Whether this render is the first frame of a large change to a long text: that frame shows what
 * is on screen (the text itself, without its colours), the rest follows after it is painted.
 * Typing, or any change under LARGE_CHANGE characters, is drawn in one frame as before.
 */
export function useFirstOfTwoFrames(value: string): boolean {
  const [previous, setPrevious] = useState(value)
  const [firstFrame, setFirstFrame] = useState(false)
  if (previous !== value) {
    // The state adjusts during render (React re-runs this component at once, before committing).
    setPrevious(value)
    setFirstFrame(value.length > TWO_FRAME_LENGTH && changedLength(previous, value) > LARGE_CHANGE)
  }
  useEffect(() => {
    if (!firstFrame) return
    let current = true
    afterNextPaint(() => current && setFirstFrame(false))
    return () => {
      current = false
    }
  }, [firstFrame, value])
  return firstFrame
}

/** How many characters differ between two texts, past what they share at the start and at the end. */
export function changedLength(before: string, after: string): number {
  const shorter = Math.min(before.length, after.length)
  let start = 0
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  return Math.max(before.length, after.length) - start - end
}
