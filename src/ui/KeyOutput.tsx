import { useId } from 'react'
import { useSection } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import { CopyButton } from './CopyButton'
import { DownloadButton } from './DownloadButton'

interface Props {
  label: string
  value: string
  filename: string
  type: string
  rows?: number
}

/** A read-only result (a key, a JWK set) with Copy and Download beside its label. */
export function KeyOutput({ label, value, filename, type, rows = 6 }: Props) {
  const id = useId()
  const t = useSection(keyWorkbench).workbench
  // "Copy generated public key", but "Copy JWK set".
  const name = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
  return (
    <div className="keys-output">
      <div className="field-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <CopyButton text={value} label={t.copy(name)} />
        <DownloadButton text={value} filename={filename} type={type} label={t.download(name, filename)} />
      </div>
      <textarea id={id} className="keys-textarea" value={value} readOnly rows={rows} spellCheck={false} />
    </div>
  )
}

/** File name and media type for a key text: PEM (RFC 7468) or JSON (RFC 7517 §8.5). */
export function fileOf(base: string, text: string, jsonType = 'application/jwk+json'): { filename: string; type: string } {
  return text.trimStart().startsWith('{') ? { filename: `${base}.json`, type: jsonType } : { filename: `${base}.pem`, type: 'application/x-pem-file' }
}
