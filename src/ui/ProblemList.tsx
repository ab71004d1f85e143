import type { Problem } from '../jwt'

const SYMBOL = { error: '✗', warning: '!', info: 'i' } as const
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const

/** Problems under a field, each with its severity in words (not only colour) and its place. */
export function ProblemList({ id, problems, label }: { id: string; problems: readonly Problem[]; label: string }) {
  if (problems.length === 0) return null
  return (
    <ul id={id} className="problems" aria-label={label}>
      {problems.map((problem, i) => (
        <li key={`${problem.code}-${i}`} className={`problem problem-${problem.severity}`}>
          <span className="problem-symbol" aria-hidden="true">
            {SYMBOL[problem.severity]}
          </span>
          <span className="visually-hidden">{WORD[problem.severity]}: </span>
          {problem.message}
        </li>
      ))}
    </ul>
  )
}
