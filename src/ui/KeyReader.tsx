import { useId } from 'react'
import { useMessages, useSection } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import { detectKeyFormat, type Jwk, type SecretEncoding } from '../jwt'
import { describeKeyText } from '../jwt/keyTools'
import { KeyConverter } from './KeyConverter'
import { KeyDetailsList } from './KeyDetailsList'
import { KeyProblems } from './KeyProblems'
import { useAsyncResult } from './useAsyncResult'

const ENCODINGS: readonly SecretEncoding[] = ['utf8', 'base64url', 'base64', 'hex']

interface Props {
  text: string
  encoding: SecretEncoding
  onTextChange: (text: string) => void
  onEncodingChange: (encoding: SecretEncoding) => void
  onAddToJwks: (jwk: Jwk) => void
}

/** Paste any key text: what it is in one line, key by key, what is wrong with it, and conversions. */
export function KeyReader({ text, encoding, onTextChange, onEncodingChange, onAddToJwks }: Props) {
  const id = useId()
  const messages = useMessages()
  const t = useSection(keyWorkbench).reader
  const isSecret = detectKeyFormat(text) === 'secret'
  const source = `${isSecret ? encoding : ''}\u0000${text}`
  const described = useAsyncResult(source, () => describeKeyText({ text, encoding }))
  const description = described?.ok ? described.value : undefined
  const summary =
    text.trim() === ''
      ? t.empty
      : !described
        ? t.reading
        : !described.ok
          ? t.failed(described.error)
          : described.value.keys.length > 0
            ? described.value.summary
            : t.none

  return (
    <section className="keys-tool keys-reader" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="keys-tool-title">
        {t.title}
      </h3>
      <div className="field-row">
        <label htmlFor={`${id}-text`} className="field-label">
          {t.label}
        </label>
        {isSecret && (
          <>
            <label htmlFor={`${id}-encoding`} className="keys-inline-label">
              {t.readSecretAs}
            </label>
            <select id={`${id}-encoding`} value={encoding} onChange={(event) => onEncodingChange(event.target.value as SecretEncoding)}>
              {ENCODINGS.map((value) => (
                <option key={value} value={value}>
                  {messages.encodings[value]}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <textarea
        id={`${id}-text`}
        className="keys-textarea keys-input"
        value={text}
        onChange={(event) => onTextChange(event.target.value)}
        placeholder={t.placeholder}
        rows={6}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-summary`}
      />
      <p id={`${id}-summary`} className="keys-line" role="status" aria-label={t.summaryLabel}>
        {summary}
      </p>
      {description && <KeyProblems problems={description.problems} text={text} />}
      {description && description.keys.length > 0 && (
        <>
          <KeyDetailsList keys={description.keys} />
          <KeyConverter keys={description.keys} source={source} onAddToJwks={onAddToJwks} />
        </>
      )}
    </section>
  )
}
