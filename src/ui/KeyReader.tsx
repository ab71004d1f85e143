import { useId } from 'react'
import { detectKeyFormat, type Jwk, type SecretEncoding } from '../jwt'
import { describeKeyText } from '../jwt/keyTools'
import { KeyConverter } from './KeyConverter'
import { KeyDetailsList } from './KeyDetailsList'
import { KeyProblems } from './KeyProblems'
import { useAsyncResult } from './useAsyncResult'

const ENCODINGS: readonly [SecretEncoding, string][] = [
  ['utf8', 'UTF-8 text'],
  ['base64url', 'base64url'],
  ['base64', 'base64'],
  ['hex', 'hex'],
]

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
  const isSecret = detectKeyFormat(text) === 'secret'
  const source = `${isSecret ? encoding : ''}\u0000${text}`
  const described = useAsyncResult(source, () => describeKeyText({ text, encoding }))
  const description = described?.ok ? described.value : undefined
  const summary =
    text.trim() === ''
      ? 'Paste a key to see what it is and what it can sign.'
      : !described
        ? 'Reading the key…'
        : !described.ok
          ? `The key could not be read: ${described.error}`
          : described.value.keys.length > 0
            ? described.value.summary
            : 'No key could be read from this text.'

  return (
    <section className="keys-tool keys-reader" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="keys-tool-title">
        Read and convert a key
      </h3>
      <div className="field-row">
        <label htmlFor={`${id}-text`} className="field-label">
          Key to inspect
        </label>
        {isSecret && (
          <>
            <label htmlFor={`${id}-encoding`} className="keys-inline-label">
              Read the secret as
            </label>
            <select id={`${id}-encoding`} value={encoding} onChange={(event) => onEncodingChange(event.target.value as SecretEncoding)}>
              {ENCODINGS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
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
        placeholder="PEM (SPKI, PKCS#8, PKCS#1, SEC1, certificate), JWK, JWK set, or a shared secret"
        rows={6}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-summary`}
      />
      <p id={`${id}-summary`} className="keys-line" role="status" aria-label="What the key is">
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
