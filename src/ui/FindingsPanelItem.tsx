import { useSection } from '../i18n'
import { findingsList } from '../i18n/sections/findingsList'
import type { Finding } from '../jwt/findings'
import type { Range } from '../jwt/types'

/** A second cue beside the colour: the word and a shape. */
const SYMBOL = { high: '▲', medium: '◆', low: '▼', info: '○' } as const

/** Selects the characters in the "Encoded token" field, as if the person had selected them. */
function showInToken(range: Range) {
  const field = document.getElementById('encoded-heading')?.closest('section')?.querySelector('textarea')
  if (!field) return
  field.focus()
  field.setSelectionRange(range[0], range[1])
}

interface Props {
  readonly id: string
  readonly finding: Finding
  /** The title and explanation in the page's language. */
  readonly text: { readonly title: string; readonly explanation: string }
  /** Where the finding sits in the token's text, when the field shows that text. */
  readonly range?: Range
}

/** One finding: its severity, title, explanation, reference, and a way to see it in the token. */
export function FindingsPanelItem({ id, finding, text, range }: Props) {
  const t = useSection(findingsList)
  return (
    <li className={`finding finding-${finding.severity}`} aria-labelledby={`${id}-title`}>
      <div className="finding-head">
        <span className={`finding-badge finding-badge-${finding.severity}`}>
          <span aria-hidden="true">{SYMBOL[finding.severity]}</span> {t.severity[finding.severity]}
        </span>
        <h3 id={`${id}-title`} className="finding-title">
          {text.title}
        </h3>
      </div>
      <p className="finding-explanation">{text.explanation}</p>
      <div className="finding-foot">
        <span className="finding-reference">
          {t.reference} <cite>{finding.reference}</cite>
        </span>
        {range && (
          <button type="button" className="small-button" aria-describedby={`${id}-title`} onClick={() => showInToken(range)}>
            {t.show}
          </button>
        )}
      </div>
    </li>
  )
}
