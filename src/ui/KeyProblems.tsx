import type { Problem, Range } from '../jwt'

const SYMBOL = { error: '✗', warning: '!', info: 'i' } as const
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const

/** "Line 3, column 12", 1-based, for a problem at a place in the text (not about all of it). */
export function placeOf(text: string, [start, end]: Range): string | undefined {
  if (start === 0 && (end === 0 || end >= text.length)) return undefined
  const before = text.slice(0, start)
  const line = before.split(/\r\n|\r|\n/).length
  const column = start - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  return `Line ${line}, column ${column}`
}

/** What is wrong with the key text, each with where it is, so a long PEM can be fixed by hand. */
export function KeyProblems({ problems, text }: { problems: readonly Problem[]; text: string }) {
  if (problems.length === 0) return null
  return (
    <ul className="problems" aria-label="Problems with the key">
      {problems.map((problem, i) => {
        const place = placeOf(text, problem.range)
        return (
          <li key={`${problem.code}-${i}`} className={`problem problem-${problem.severity}`}>
            <span className="problem-symbol" aria-hidden="true">
              {SYMBOL[problem.severity]}
            </span>
            <span className="visually-hidden">{WORD[problem.severity]}: </span>
            {place && <span className="keys-place">{place}: </span>}
            {problem.message}
          </li>
        )
      })}
    </ul>
  )
}
