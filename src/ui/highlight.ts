/**
 * Cutting text into coloured pieces: the token by part, JSON by kind of token, each with the
 * problems that cover it. Pure, so the editors only map pieces to spans.
 */
import type { DecodedToken, Problem, Range, Severity } from '../jwt'

export type TokenPart = 'header' | 'payload' | 'signature' | 'dot' | 'jwe' | 'outside'

export interface Piece<Kind extends string> {
  readonly text: string
  readonly kind: Kind
  readonly range: Range
  /** The worst problem covering this piece, if any. */
  readonly severity?: Severity
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 }

/** Splits `text` at every boundary of the kinds and problem ranges given. */
function cut<Kind extends string>(text: string, spans: readonly { range: Range; kind: Kind }[], fallback: Kind, problems: readonly { range: Range; severity: Severity }[]): Piece<Kind>[] {
  const bounds = new Set<number>([0, text.length])
  for (const { range } of spans) bounds.add(range[0]).add(range[1])
  for (const { range } of problems) if (range[1] > range[0]) bounds.add(range[0]).add(range[1])
  const sorted = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b)
  const pieces: Piece<Kind>[] = []
  let spanIndex = 0
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!
    const end = sorted[i + 1]!
    while (spanIndex < spans.length && spans[spanIndex]!.range[1] <= start) spanIndex++
    const span = spans[spanIndex]
    const kind = span && span.range[0] <= start && end <= span.range[1] ? span.kind : fallback
    let severity: Severity | undefined
    for (const p of problems) {
      if (p.range[0] <= start && end <= p.range[1] && p.range[1] > p.range[0] && (!severity || SEVERITY_RANK[p.severity] > SEVERITY_RANK[severity])) severity = p.severity
    }
    pieces.push({ text: text.slice(start, end), kind, range: [start, end], ...(severity && { severity }) })
  }
  return pieces
}

/** The pasted text in pieces by token part; problems marked where they are (info notes are not). */
export function tokenPieces(text: string, decoded: DecodedToken): Piece<TokenPart>[] {
  const spans: { range: Range; kind: TokenPart }[] = []
  decoded.segments.forEach((segment, i) => {
    const kind: TokenPart = decoded.kind === 'jwe' && i > 0 ? 'jwe' : segment.part === 'header' || segment.part === 'payload' ? segment.part : 'signature'
    spans.push({ range: segment.range, kind })
    const dot = decoded.dots[i]
    if (dot) spans.push({ range: dot, kind: 'dot' })
  })
  spans.sort((a, b) => a.range[0] - b.range[0])
  const marked = decoded.problems.filter((p: Problem) => p.severity !== 'info')
  return cut(text, spans, 'outside', marked)
}

export type JsonKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'plain'

const JSON_TOKEN = /("(?:[^"\\\n]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g

/**
 * Beyond these sizes text is shown plain: laying out megabytes twice (the field and its coloured
 * copy) takes the browser seconds.
 */
export const JSON_HIGHLIGHT_LIMIT = 100_000
export const TOKEN_HIGHLIGHT_LIMIT = 200_000

/** JSON text in pieces by kind, with the error range (if any) marked. */
export function jsonPieces(text: string, error?: Range): Piece<JsonKind>[] {
  const spans: { range: Range; kind: JsonKind }[] = []
  if (text.length <= JSON_HIGHLIGHT_LIMIT) {
    for (const match of text.matchAll(JSON_TOKEN)) {
      const start = match.index
      if (match[1] !== undefined) {
        spans.push({ range: [start, start + match[1].length], kind: match[2] ? 'key' : 'string' })
        if (match[2]) spans.push({ range: [start + match[1].length, start + match[0].length], kind: 'punctuation' })
      } else if (match[3] !== undefined) spans.push({ range: [start, start + match[0].length], kind: 'number' })
      else if (match[4] !== undefined) spans.push({ range: [start, start + match[0].length], kind: 'literal' })
      else spans.push({ range: [start, start + match[0].length], kind: 'punctuation' })
    }
  }
  const problems = error ? [{ range: (error[1] > error[0] ? error : [error[0], Math.min(error[0] + 1, text.length)]) as Range, severity: 'error' as const }] : []
  return cut(text, spans, 'plain', problems)
}

/** A piece of text with the linked-highlighting mark (see LinkedFocus.ts) that covers it, if any. */
export type LinkedPiece<Kind extends string> = Piece<Kind> & { readonly linked?: 'source' | 'full' | 'partial' }

/**
 * The pieces cut again at the marks' edges, each with the mark over it. Marks do not overlap.
 * Only the pieces a mark touches are cut, so hovering costs little on a long text.
 */
export function withLinked<Kind extends string>(pieces: readonly Piece<Kind>[], marks: readonly { range: Range; kind: 'source' | 'full' | 'partial' }[]): LinkedPiece<Kind>[] {
  if (marks.length === 0) return pieces as LinkedPiece<Kind>[]
  const out: LinkedPiece<Kind>[] = []
  for (const piece of pieces) {
    const [start, end] = piece.range
    const touching = marks.filter((m) => m.range[0] < end && m.range[1] > start && m.range[1] > m.range[0])
    if (touching.length === 0) {
      out.push(piece)
      continue
    }
    const bounds = new Set([start, end])
    for (const { range } of touching) bounds.add(Math.max(start, range[0])).add(Math.min(end, range[1]))
    const sorted = [...bounds].sort((a, b) => a - b)
    for (let i = 0; i + 1 < sorted.length; i++) {
      const from = sorted[i]!
      const to = sorted[i + 1]!
      const mark = touching.find((m) => m.range[0] <= from && to <= m.range[1])
      const cutPiece: LinkedPiece<Kind> = { ...piece, text: piece.text.slice(from - start, to - start), range: [from, to] }
      out.push(mark ? { ...cutPiece, linked: mark.kind } : cutPiece)
    }
  }
  return out
}
