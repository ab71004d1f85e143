import { useMessages, useSentence } from '../i18n'
import { useDebugger, useDispatch } from '../state/DebuggerContext'

/** Things the page did on the user's behalf (a prefix removed, a link moved), each dismissable. */
export function Notes() {
  const notes = useDebugger((s) => s.notes)
  const dispatch = useDispatch()
  const t = useMessages().notes
  const say = useSentence()
  if (notes.length === 0) return null
  return (
    <ul className="notes" aria-label={t.label}>
      {notes.map((note) => (
        <li key={note.id} className="note">
          <span>{say(note.sentence, note.text)}</span>
          <button type="button" className="small-button" onClick={() => dispatch({ type: 'noteDismissed', id: note.id })} aria-label={t.dismiss}>
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
