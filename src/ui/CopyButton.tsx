import { useEffect, useState } from 'react'
import { useMessages } from '../i18n'

interface Props {
  /** The text, or a function making it when clicked (for text that is costly to build). */
  text: string | (() => string)
  /** Names what is copied, for screen readers. */
  label: string
  children?: string
  disabled?: boolean
}

/** Copies text to the clipboard and says so for two seconds. */
export function CopyButton({ text, label, children, disabled = text === '' }: Props) {
  const t = useMessages().copy
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])
  const copy = () => {
    navigator.clipboard.writeText(typeof text === 'function' ? text() : text).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }
  return (
    <button type="button" className="small-button" onClick={copy} disabled={disabled} aria-label={label}>
      {state === 'copied' ? t.copied : state === 'failed' ? t.failed : (children ?? t.copy)}
    </button>
  )
}
