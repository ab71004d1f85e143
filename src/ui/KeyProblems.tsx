import { useMessages, useSection, useSentence } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import type { Problem, Range } from '../jwt'

const SYMBOL = { error: '✗', warning: '!', info: 'i' } as const

/** "Line 3, column 12", 1-based, for a problem at a place in the text (not about all of it). */
export function placeOf(text: string, [start, end]: Range, t: (typeof keyWorkbench)['en']['reader'] = keyWorkbench.en.reader): string | undefined {
  if (start === 0 && (end === 0 || end >= text.length)) return undefined
  const before = text.slice(0, start)
  const line = before.split(/\r\n|\r|\n/).length
  const column = start - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  return t.place(line, column)
}

/** What is wrong with the key text, each with where it is, so a long PEM can be fixed by hand. */
export function KeyProblems({ problems, text }: { problems: readonly Problem[]; text: string }) {
  const messages = useMessages()
  const t = useSection(keyWorkbench).reader
  const say = useSentence()
  if (problems.length === 0) return null
  return (
    <ul className="problems" aria-label={t.problems}>
      {problems.map((problem, i) => {
        const place = placeOf(text, problem.range, t)
        return (
          <li key={`${problem.code}-${i}`} className={`problem problem-${problem.severity}`}>
            <span className="problem-symbol" aria-hidden="true">
              {SYMBOL[problem.severity]}
            </span>
            <span className="visually-hidden">{messages.severity[problem.severity]}: </span>
            {place && <span className="keys-place">{place}: </span>}
            {say(problem.sentence, problem.message)}
          </li>
        )
      })}
    </ul>
  )
}
