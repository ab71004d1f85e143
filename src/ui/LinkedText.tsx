/**
 * The coloured copies drawn under the token field and the JSON editors, with the linked marks.
 * Each reads only the focus, so a pointer moving re-renders these layers and nothing else.
 */
import { useMemo } from 'react'
import { useMessages } from '../i18n'
import { decodedOf } from '../state/debugger'
import { useDebugger, useOptionalDebugger } from '../state/DebuggerContext'
import type { Range } from '../jwt'
import { jsonPieces, tokenPieces, withLinked, type LinkedPiece } from './highlight'
import { isLinkable, jsonMarks, tokenMarks, type LinkedPart } from './LinkedFocus'
import './Linked.css'

function linkedClass(piece: LinkedPiece<string>): string {
  const classes = piece.severity ? [`mark mark-${piece.severity}`] : []
  if (piece.linked) classes.push(`linked linked-${piece.linked}`)
  return classes.join(' ')
}

/**
 * The token in pieces by part; `data-linked` says how a character carries what is pointed at.
 * The pieces are cut here, so only a layer that is drawn pays for them.
 */
export function TokenText({ token }: { token: string }) {
  const focus = useDebugger((s) => s.focus)
  const partial = useMessages().linked.partial
  const decoded = decodedOf(token)
  const pieces = useMemo(() => tokenPieces(token, decoded), [token, decoded])
  const marked = withLinked(pieces, focus ? tokenMarks(decoded, focus) : [])
  return marked.map((piece) => (
    <span key={piece.range[0]} data-part={piece.kind} data-linked={piece.linked} className={linkedClass(piece) || undefined} title={piece.linked === 'partial' ? partial : undefined}>
      {piece.text}
    </span>
  ))
}

/** A part's JSON in pieces by kind (and where it is invalid), with the characters the token's caret decodes to. */
export function JsonText({ part, text, errorRange }: { part: LinkedPart; text: string; errorRange?: Range }) {
  const pieces = useMemo(() => jsonPieces(text, errorRange), [text, errorRange])
  // Optional: a JsonEditor may be rendered on its own, without a store.
  const focus = useOptionalDebugger((s) => (s.focus?.part === part && isLinkable(s, part) ? s.focus : undefined), undefined)
  const token = useOptionalDebugger((s) => s.token, '')
  const partial = useMessages().linked.partial
  const marked = withLinked(pieces, focus ? jsonMarks(decodedOf(token), focus) : [])
  return marked.map((piece) => (
    <span key={piece.range[0]} data-linked={piece.linked} className={`json-${piece.kind} ${linkedClass(piece)}`.trim()} title={piece.linked === 'partial' ? partial : undefined}>
      {piece.text}
    </span>
  ))
}
