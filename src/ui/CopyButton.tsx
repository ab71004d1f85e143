import { useEffect, useState } from 'react'

/** Copies text to the clipboard and says so for two seconds. `label` names what is copied. */
export function CopyButton({ text, label, children = 'Copy' }: { text: string; label: string; children?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }
  return (
    <button type="button" className="small-button" onClick={copy} disabled={text === ''} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}
    </button>
  )
}
