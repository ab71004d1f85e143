import { useEffect, useId, useState } from 'react'
import { useMessages, useSentence } from '../i18n'
import { detectKeyFormat, readKey } from '../jwt'
import type { Sentence } from '../jwt/sentences'
import { CopyButton } from './CopyButton'

/** What the pasted key text is, in one line, read by the core (cached, so verify reuses it). */
function useKeySummary(text: string): string {
  const [summary, setSummary] = useState<{ text: string; value: string; sentence?: Sentence }>({ text: '', value: '' })
  const say = useSentence()
  useEffect(() => {
    let current = true
    const problem = (read: Awaited<ReturnType<typeof readKey>>) => (read.candidates.length ? undefined : read.problems[0])
    if (text.trim()) void readKey({ text }).then((read) => current && setSummary({ text, value: problem(read)?.message ?? read.summary, sentence: problem(read)?.sentence }))
    return () => {
      current = false
    }
  }, [text])
  return text.trim() && summary.text === text ? say(summary.sentence, summary.value) : ''
}

interface Props {
  /** Which key: its English name; the field shows the page's word for it. */
  label: 'Public key' | 'Private key'
  value: string
  onChange: (text: string) => void
  placeholder: string
}

/** A key textarea that shows the detected format and what the key is. */
export function KeyField({ label, value, onChange, placeholder }: Props) {
  const id = useId()
  const t = useMessages().keyField
  const format = t.formats[detectKeyFormat(value)]
  const summary = useKeySummary(value)
  return (
    <div className="key-field">
      <div className="field-row">
        <label htmlFor={id} className="field-label">
          {t.labels[label]}
        </label>
        {format && <span className="badge">{format}</span>}
        <CopyButton text={value} label={t.copy[label]} />
      </div>
      <textarea id={id} className="key-input" value={value} onChange={(event) => onChange(event.target.value)} placeholder={placeholder} spellCheck={false} aria-describedby={`${id}-summary`} rows={5} />
      <p id={`${id}-summary`} className="key-summary">
        {summary}
      </p>
    </div>
  )
}
