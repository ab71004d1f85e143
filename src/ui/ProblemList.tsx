import { useMessages, useSentence } from '../i18n'
import type { Problem } from '../jwt'

const SYMBOL = { error: '✗', warning: '!', info: 'i' } as const

/** Problems under a field, each with its severity in words (not only colour) and its place. */
export function ProblemList({ id, problems, label }: { id: string; problems: readonly Problem[]; label: string }) {
  const word = useMessages().severity
  const say = useSentence()
  if (problems.length === 0) return null
  return (
    <ul id={id} className="problems" aria-label={label}>
      {problems.map((problem, i) => (
        <li key={`${problem.code}-${i}`} className={`problem problem-${problem.severity}`}>
          <span className="problem-symbol" aria-hidden="true">
            {SYMBOL[problem.severity]}
          </span>
          <span className="visually-hidden">{word[problem.severity]}: </span>
          {say(problem.sentence, problem.message)}
        </li>
      ))}
    </ul>
  )
}
