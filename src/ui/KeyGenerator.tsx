import { useId, useState } from 'react'
import { useSection } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import { ALGORITHM_NAMES, algorithmOf, generateKey, type SecretEncoding } from '../jwt'
import { GeneratedKeyView, type Made } from './GeneratedKeyView'

const SIGNING_ALGS = ALGORITHM_NAMES.filter((alg) => algorithmOf(alg)!.family !== 'none')
const RSA_SIZES = [2048, 3072, 4096] as const

/** Says what is being made, for the progress bar: "an RSA 4096-bit key", "a secret for HS256". */
function describeJob(alg: string, bits: number, crv: string, t: (typeof keyWorkbench)['en']['generator']): string {
  const need = algorithmOf(alg)!.key
  if (need.kty === 'RSA') return t.rsaJob(bits)
  if (need.kty === 'oct') return t.secretJob(alg)
  return need.kty === 'OKP' && need.crv.length > 1 ? t.curveJob(crv, alg) : t.keyJob(alg)
}

/** Makes a key or secret for any algorithm of the core, in PEM and JWK, ready to sign with. */
export function KeyGenerator({ onInspect }: { onInspect: (text: string, encoding: SecretEncoding) => void }) {
  const id = useId()
  const t = useSection(keyWorkbench).generator
  const [alg, setAlg] = useState('ES256')
  const [bits, setBits] = useState<number>(2048)
  const [crv, setCrv] = useState<'Ed25519' | 'Ed448'>('Ed25519')
  const [running, setRunning] = useState<string>()
  const [made, setMade] = useState<Made>()
  const [message, setMessage] = useState('')
  const need = algorithmOf(alg)!.key

  const generate = () => {
    const what = describeJob(alg, bits, crv, t)
    setRunning(what)
    setMessage('')
    // WebCrypto reports no progress, so the bar is indeterminate: it shows work, not how much.
    generateKey(alg, { modulusLength: bits, crv }).then(
      (key) => {
        if (key.kind !== 'none') setMade(key)
        setMessage(t.done(what))
      },
      (error: unknown) => setMessage(t.failed(what, error instanceof Error ? error.message : String(error))),
    ).finally(() => setRunning(undefined))
  }

  return (
    <section className="keys-tool keys-generator" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="keys-tool-title">
        {t.title}
      </h3>
      <div className="keys-controls">
        <span className="keys-control">
          <label htmlFor={`${id}-alg`}>{t.algorithm}</label>
          <select id={`${id}-alg`} value={alg} onChange={(event) => setAlg(event.target.value)}>
            {SIGNING_ALGS.map((name) => (
              <option key={name} value={name}>
                {name} — {algorithmOf(name)!.title}
              </option>
            ))}
          </select>
        </span>
        {need.kty === 'RSA' && (
          <span className="keys-control">
            <label htmlFor={`${id}-bits`}>{t.rsaSize}</label>
            <select id={`${id}-bits`} value={bits} onChange={(event) => setBits(Number(event.target.value))}>
              {RSA_SIZES.map((size) => (
                <option key={size} value={size}>{t.bits(size)}</option>
              ))}
            </select>
          </span>
        )}
        {need.kty === 'OKP' && need.crv.length > 1 && (
          <span className="keys-control">
            <label htmlFor={`${id}-crv`}>{t.curve}</label>
            <select id={`${id}-crv`} value={crv} onChange={(event) => setCrv(event.target.value as 'Ed25519' | 'Ed448')}>
              {need.crv.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </span>
        )}
        <button type="button" className="keys-button" onClick={generate} disabled={running !== undefined}>
          {t.generate}
        </button>
      </div>
      {running && (
        <p className="keys-progress-row">
          <progress className="keys-progress" aria-label={t.progress(running)} />
          <span>{t.running(running)}</span>
        </p>
      )}
      <p role="status" className="keys-note">
        {message}
      </p>
      {made && <GeneratedKeyView made={made} onInspect={onInspect} onUsed={setMessage} />}
    </section>
  )
}
