import { useId } from 'react'
import { useMessages, useSection } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import type { Jwk } from '../jwt'
import { buildJwks } from '../jwt/keyTools'
import { useDispatch } from '../state/DebuggerContext'
import { KeyOutput } from './KeyOutput'
import { useAsyncResult } from './useAsyncResult'

export interface JwksEntry {
  readonly id: number
  readonly jwk: Jwk
}

/** "EC P-256 (ES256), kid 3vB…": the members a person tells keys apart by. */
function labelOf(jwk: Jwk, t: (typeof keyWorkbench)['en']['jwks']): string {
  const crv = jwk.crv === undefined ? '' : ` ${jwk.crv}`
  const alg = jwk.alg === undefined ? '' : ` (${jwk.alg})`
  return `${jwk.kty}${crv}${alg}, ${jwk.kid === undefined ? t.noKid : t.kid(jwk.kid)}`
}

interface Props {
  entries: readonly JwksEntry[]
  onRemove: (id: number) => void
  onClear: () => void
}

/** A JWK set (RFC 7517 §5) of the public keys added, each once, to publish or to verify with. */
export function JwksBuilder({ entries, onRemove, onClear }: Props) {
  const id = useId()
  const messages = useMessages()
  const t = useSection(keyWorkbench).jwks
  const dispatch = useDispatch()
  const result = useAsyncResult(entries.map((entry) => entry.id).join(','), () => buildJwks(entries.map((entry) => entry.jwk)))
  const built = result?.ok ? result.value : undefined
  const text = entries.length === 0 ? '' : (built?.text ?? '')

  return (
    <section className="keys-tool keys-jwks" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="keys-tool-title">
        {t.title}
      </h3>
      {entries.length === 0 ? (
        <p className="keys-note">{t.empty}</p>
      ) : (
        <ol className="keys-entries" aria-label={t.entries}>
          {entries.map((entry, i) => (
            <li key={entry.id}>
              <span className="keys-entry-label">{labelOf(entry.jwk, t)}</span>
              <button type="button" className="small-button" onClick={() => onRemove(entry.id)} aria-label={t.removeLabel(i + 1)}>
                {t.remove}
              </button>
            </li>
          ))}
        </ol>
      )}
      {built?.messages.map((message) => (
        <p key={message} className="problem problem-warning">
          <span aria-hidden="true">! </span>
          <span className="visually-hidden">{messages.severity.warning}: </span>
          {message}
        </p>
      ))}
      {result && !result.ok && <p className="problem problem-error">{t.failed(result.error)}</p>}
      <KeyOutput label={t.set} value={text} filename="jwks.json" type="application/jwk-set+json" rows={8} />
      <p className="keys-actions">
        <button type="button" className="small-button" onClick={() => dispatch({ type: 'publicKeyChanged', publicKey: text })} disabled={text === ''}>
          {t.useToVerify}
        </button>
        <button type="button" className="small-button" onClick={onClear} disabled={entries.length === 0}>
          {t.clear}
        </button>
      </p>
    </section>
  )
}
