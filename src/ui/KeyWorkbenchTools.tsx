import { useState } from 'react'
import type { Jwk, SecretEncoding } from '../jwt'
import { JwksBuilder, type JwksEntry } from './JwksBuilder'
import { KeyGenerator } from './KeyGenerator'
import { KeyReader } from './KeyReader'
import './KeyWorkbenchTools.css'

/**
 * The workbench's tools. Their state is local: it is a tool panel, not the token being debugged,
 * and keys typed or made here live only in memory (never in storage or the URL).
 */
export function KeyWorkbenchTools() {
  const [reading, setReading] = useState<{ text: string; encoding: SecretEncoding }>({ text: '', encoding: 'utf8' })
  const [entries, setEntries] = useState<readonly JwksEntry[]>([])
  const [nextId, setNextId] = useState(1)

  const addToJwks = (jwk: Jwk) => {
    setEntries((current) => [...current, { id: nextId, jwk }])
    setNextId((id) => id + 1)
  }

  return (
    <div className="keys-tools">
      <KeyReader
        text={reading.text}
        encoding={reading.encoding}
        onTextChange={(text) => setReading((current) => ({ ...current, text }))}
        onEncodingChange={(encoding) => setReading((current) => ({ ...current, encoding }))}
        onAddToJwks={addToJwks}
      />
      <KeyGenerator onInspect={(text, encoding) => setReading({ text, encoding })} />
      <JwksBuilder entries={entries} onRemove={(id) => setEntries((current) => current.filter((entry) => entry.id !== id))} onClear={() => setEntries([])} />
    </div>
  )
}
