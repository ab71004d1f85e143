/**
 * Linked highlighting, the page's side: which segment a focus is about, the focus for a range of
 * the JSON or of the token, and the marks each editor draws for it. The mapping itself is the
 * core's (src/jwt/mapping.ts); this only picks its inputs and names its answers.
 */
import type { DecodedToken, Range } from '../jwt'
import { decodedOf, type DebuggerState, type EditorState, type Focus } from '../state/debugger'

type Mapping = typeof import('../jwt/mapping')

// The mapping matters only once a claim is pointed at or the caret moves, so it is not part of the
// first load: it loads at idle time after it (TokenEditor) or at the first caret or pointer event,
// whichever comes first. Until it has arrived nothing is linked.
let mapping: Mapping | undefined
let loading: Promise<Mapping> | undefined

/** Loads the mapping, once; a failed load (offline, a newer deploy) is tried again at the next call. */
export function loadMapping(): Promise<Mapping> {
  loading ??= import('../jwt/mapping').then(
    (module) => (mapping = module),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** Runs `link` now when the mapping is here, else once it has loaded, so the first caret or pointer event is not lost. */
export function withMapping(link: () => void): void {
  if (mapping) link()
  else loadMapping().then(link, (error: unknown) => console.warn('Linked highlighting is not available:', error))
}

export type LinkedPart = Focus['part']

/**
 * Beyond this the token field is a bounded read-only view (TokenEditor's TOKEN_EDIT_LIMIT): its
 * characters are not all on screen, so nothing is linked.
 */
export const LINKED_TOKEN_LIMIT = 200_000

/** A mark on an editor's text: `source` is what is pointed at, `full` and `partial` what carries it. */
export type LinkedKind = 'source' | 'full' | 'partial'
export interface LinkedMark {
  readonly range: Range
  readonly kind: LinkedKind
}

/** Where a part's characters sit in the token and the JSON text they decode to. */
export interface LinkedSegment {
  readonly range: Range
  readonly json: string
}

/** What linking reads: the token and the two editors (a component passes the slices it has). */
export type LinkInput = Pick<DebuggerState, 'token' | 'header' | 'payload'>

const SEGMENT_PARTS: readonly LinkedPart[] = ['header', 'payload']

/**
 * The segment of a part, when its characters map one to one onto its JSON: clean base64url
 * (RFC 7515 §2; the mapping assumes it) that decodes to text.
 */
export function segmentOf(decoded: DecodedToken, part: LinkedPart): LinkedSegment | undefined {
  if (decoded.kind === 'jwe' && part === 'payload') return undefined
  const segment = decoded.segments.find((s) => s.part === part)
  const json = part === 'header' ? decoded.header?.text : decoded.payload?.kind === 'bytes' ? undefined : decoded.payload?.text
  if (!segment || json === undefined || json === '') return undefined
  if (decoded.problems.some((p) => p.part === part && p.code.includes('base64'))) return undefined
  return { range: segment.range, json }
}

/** The segment, when the editor shows exactly what the token carries (not while its JSON is invalid). */
export function linkedSegmentOf(token: string, editor: EditorState, part: LinkedPart): LinkedSegment | undefined {
  if (token.length > LINKED_TOKEN_LIMIT) return undefined
  const segment = segmentOf(decodedOf(token), part)
  return segment && !editor.error && segment.json === editor.text ? segment : undefined
}

/** Whether a part's editor can link at all; a boolean, so the selector's answer is stable. */
export const isLinkable = (state: LinkInput, part: LinkedPart) => linkedSegmentOf(state.token, state[part], part) !== undefined

/** The token characters that carry a JSON range, partial ones included. */
function carriers({ tokenCharsForJson }: Mapping, segment: LinkedSegment, jsonRange: Range): Range {
  const { full, partialStart, partialEnd } = tokenCharsForJson(segment.range, segment.json, jsonRange)
  return [partialStart ?? full[0], partialEnd !== undefined ? partialEnd + 1 : full[1]]
}

/**
 * The JSON range a person means by an offset in the editor: a member's name (or the colon) stands
 * for the whole member, the claim; inside its value, the value (the innermost member wins).
 */
export function memberRangeAt(json: string, offset: number): Range | undefined {
  const member = mapping?.memberAt(json, offset)
  if (!member) return undefined
  return offset >= member.valueRange[0] && offset < member.valueRange[1] ? member.valueRange : member.range
}

/** The focus for a range of a part's JSON (a member hovered, text selected). */
export function focusForJson(token: string, editor: EditorState, part: LinkedPart, jsonRange: Range): Focus | undefined {
  const segment = linkedSegmentOf(token, editor, part)
  if (!mapping || !segment || jsonRange[1] <= jsonRange[0]) return undefined
  return { part, source: 'json', jsonRange, tokenRange: carriers(mapping, segment, jsonRange) }
}

/** The focus for a caret or selection in the token field; pass [caret, caret + 1] for a caret. */
export function focusForToken(state: LinkInput, tokenRange: Range): Focus | undefined {
  if (!mapping) return undefined
  for (const part of SEGMENT_PARTS) {
    const segment = linkedSegmentOf(state.token, state[part], part)
    if (!segment || tokenRange[0] < segment.range[0] || tokenRange[0] >= segment.range[1]) continue
    const range: Range = [tokenRange[0], Math.min(Math.max(tokenRange[1], tokenRange[0] + 1), segment.range[1])]
    const { full, partialStart, partialEnd } = mapping.jsonCharsForToken(segment.range, segment.json, range)
    const jsonRange: Range = [partialStart?.[0] ?? full[0], partialEnd?.[1] ?? full[1]]
    return jsonRange[1] > jsonRange[0] ? { part, source: 'token', jsonRange, tokenRange: range } : undefined
  }
  return undefined
}

/** What the token field marks: the characters pointed at, or those that carry the JSON pointed at. */
export function tokenMarks(decoded: DecodedToken, focus: Focus | undefined): LinkedMark[] {
  if (!focus) return []
  if (focus.source === 'token') return [{ range: focus.tokenRange, kind: 'source' }]
  const segment = segmentOf(decoded, focus.part)
  if (!mapping || !segment) return []
  const { full, partialStart, partialEnd } = mapping.tokenCharsForJson(segment.range, segment.json, focus.jsonRange)
  const marks: LinkedMark[] = []
  if (partialStart !== undefined) marks.push({ range: [partialStart, partialStart + 1], kind: 'partial' })
  if (full[1] > full[0]) marks.push({ range: full, kind: 'full' })
  if (partialEnd !== undefined) marks.push({ range: [partialEnd, partialEnd + 1], kind: 'partial' })
  return marks
}

/** What a JSON editor marks: the member pointed at, or the characters the token's caret decodes to. */
export function jsonMarks(decoded: DecodedToken, focus: Focus | undefined): LinkedMark[] {
  if (!focus) return []
  if (focus.source === 'json') return [{ range: focus.jsonRange, kind: 'source' }]
  const segment = segmentOf(decoded, focus.part)
  if (!mapping || !segment) return []
  const { full, partialStart, partialEnd } = mapping.jsonCharsForToken(segment.range, segment.json, focus.tokenRange)
  const marks: LinkedMark[] = []
  if (partialStart) marks.push({ range: partialStart, kind: 'partial' })
  if (full[1] > full[0]) marks.push({ range: full, kind: 'full' })
  if (partialEnd) marks.push({ range: partialEnd, kind: 'partial' })
  return marks
}
