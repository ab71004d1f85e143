import { useId, useState } from 'react'
import { useSection } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import type { GeneratedKey, SecretEncoding } from '../jwt'
import { fileOf, KeyOutput } from './KeyOutput'
import { jsonOf, keyToSign, useToSign } from './useToSign'

export type Made = Exclude<GeneratedKey, { kind: 'none' }>

interface Props {
  made: Made
  onInspect: (text: string, encoding: SecretEncoding) => void
  onUsed: (message: string) => void
}

/** A generated key in PEM or JWK (a secret in base64url or JWK), to copy, download, inspect or sign with. */
export function GeneratedKeyView({ made, onInspect, onUsed }: Props) {
  const id = useId()
  const t = useSection(keyWorkbench).generator
  const [format, setFormat] = useState<'text' | 'jwk'>('text')
  const shown = keyToSign(made, format)
  const secretText = made.kind === 'secret' ? (format === 'jwk' ? jsonOf({ kty: 'oct', k: made.secret, alg: made.alg }) : made.secret) : ''
  const toSign = useToSign()

  const use = () => {
    toSign(shown)
    onUsed(t.used(made.alg, made.kind === 'secret'))
  }

  return (
    <div className="keys-generated">
      <fieldset className="keys-format">
        <legend>{t.format}</legend>
        {(['text', 'jwk'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name={`${id}-format`} value={value} checked={format === value} onChange={() => setFormat(value)} /> {value === 'jwk' ? 'JWK' : made.kind === 'pair' ? 'PEM' : 'base64url'}
          </label>
        ))}
      </fieldset>
      {shown.kind === 'pair' ? (
        <>
          <KeyOutput label={t.publicKey} value={shown.publicKey} {...fileOf(`${made.alg}-public`, shown.publicKey)} />
          <KeyOutput label={t.privateKey} value={shown.privateKey} {...fileOf(`${made.alg}-private`, shown.privateKey)} />
        </>
      ) : (
        <KeyOutput label={t.secret} value={secretText} rows={format === 'jwk' ? 5 : 2} {...(format === 'jwk' ? fileOf(`${made.alg}-secret`, secretText) : { filename: `${made.alg}-secret.txt`, type: 'text/plain' })} />
      )}
      <p className="keys-actions">
        <button type="button" className="keys-button" onClick={use}>
          {t.useToSign}
        </button>
        <button type="button" className="small-button" onClick={() => (shown.kind === 'pair' ? onInspect(shown.privateKey, 'utf8') : onInspect(shown.secret, 'base64url'))}>
          {t.inspect}
        </button>
      </p>
    </div>
  )
}
