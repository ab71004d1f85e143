import { useId, useState } from 'react'
import { useSection } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import type { Jwk, KeyCandidate } from '../jwt'
import { toJwk, toPem, toPublic, type JwkOptions, type KeyDetails } from '../jwt/keyTools'
import { fileOf, KeyOutput } from './KeyOutput'
import { useAsyncResult } from './useAsyncResult'

/** What the key can be written as; which ones are offered depends on the key's half. */
const OUTPUTS = {
  'jwk-public': { format: 'jwk', half: 'public' },
  'pem-public': { format: 'pem', half: 'public' },
  'jwk-private': { format: 'jwk', half: 'private' },
  'pem-private': { format: 'pem', half: 'private' },
  'jwk-secret': { format: 'jwk', half: 'secret' },
} as const
type Output = keyof typeof OUTPUTS

function outputsFor(details: KeyDetails): Output[] {
  return (Object.keys(OUTPUTS) as Output[]).filter((output) => {
    const { half } = OUTPUTS[output]
    return details.half === 'secret' ? half === 'secret' : half === 'public' || details.half === 'private' && half === 'private'
  })
}

/** PEM becomes JWK and JWK becomes PEM, keeping the half it is. */
function defaultOutput(details: KeyDetails): Output {
  if (details.half === 'secret') return 'jwk-secret'
  const format = details.container.endsWith('PEM') || details.container.includes('certificate') ? 'jwk' : 'pem'
  return `${format}-${details.half}`
}

async function convert(candidate: KeyCandidate, output: Output, options: JwkOptions): Promise<string> {
  const { format, half } = OUTPUTS[output]
  const key = half === 'public' ? toPublic(candidate) : candidate
  if (format === 'pem') return toPem(key, half === 'public' ? 'public' : 'private')
  return `${JSON.stringify(await toJwk(key, options), null, 2)}\n`
}

interface Props {
  keys: readonly KeyDetails[]
  /** Names the text the keys were read from, so a conversion of older text is never shown. */
  source: string
  onAddToJwks: (jwk: Jwk) => void
}

/** PEM ↔ JWK, private → public, with kid (RFC 7638 thumbprint), alg and use; copy, download, publish. */
export function KeyConverter({ keys, source, onAddToJwks }: Props) {
  const id = useId()
  const t = useSection(keyWorkbench).converter
  const [index, setIndex] = useState(0)
  const [chosen, setChosen] = useState<Output>()
  const [options, setOptions] = useState<{ thumbprint: boolean; alg: string; use: '' | 'sig' | 'enc' }>({ thumbprint: false, alg: '', use: '' })
  const [added, setAdded] = useState({ source: '', text: '' })
  const details = keys[index] ?? keys[0]!
  const outputs = outputsFor(details)
  const output = chosen && outputs.includes(chosen) ? chosen : defaultOutput(details)
  const alg = details.algorithms.some((a) => a.alg === options.alg) ? options.alg : ''
  const jwkOptions: JwkOptions = { ...(options.thumbprint && { kid: 'thumbprint' }), ...(alg && { alg }), ...(options.use && { use: options.use }) }
  const result = useAsyncResult(`${source}\u0000${index}\u0000${output}\u0000${JSON.stringify(jwkOptions)}`, () => convert(details.candidate, output, jwkOptions))
  const text = result?.ok ? result.value : ''
  const half = OUTPUTS[output].half

  const add = async () => {
    const jwk = await toJwk(toPublic(details.candidate), jwkOptions)
    onAddToJwks(jwk)
    setAdded({ source, text: t.added(jwk.kid) })
  }

  return (
    <div className="keys-convert">
      <div className="keys-controls">
        {keys.length > 1 && (
          <span className="keys-control">
            <label htmlFor={`${id}-key`}>{t.keyToConvert}</label>
            <select id={`${id}-key`} value={index} onChange={(event) => setIndex(Number(event.target.value))}>
              {keys.map((k, i) => (
                <option key={i} value={i}>
                  {`${i + 1}: ${k.description}${k.kid === undefined ? '' : t.kidOption(k.kid)}`}
                </option>
              ))}
            </select>
          </span>
        )}
        <span className="keys-control">
          <label htmlFor={`${id}-output`}>{t.convertTo}</label>
          <select id={`${id}-output`} value={output} onChange={(event) => setChosen(event.target.value as Output)}>
            {outputs.map((o) => (
              <option key={o} value={o}>
                {t.outputs[o]}
              </option>
            ))}
          </select>
        </span>
      </div>
      {OUTPUTS[output].format === 'jwk' && (
        <fieldset className="keys-members">
          <legend>{t.members}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={options.thumbprint} onChange={(event) => setOptions({ ...options, thumbprint: event.target.checked })} /> {t.thumbprint}
          </label>
          <span className="keys-control">
            <label htmlFor={`${id}-alg`}>alg</label>
            <select id={`${id}-alg`} value={alg} onChange={(event) => setOptions({ ...options, alg: event.target.value })}>
              <option value="">{t.unchanged}</option>
              {details.algorithms.map((a) => (
                <option key={a.alg} value={a.alg}>
                  {a.alg}
                </option>
              ))}
            </select>
          </span>
          <span className="keys-control">
            <label htmlFor={`${id}-use`}>use</label>
            <select id={`${id}-use`} value={options.use} onChange={(event) => setOptions({ ...options, use: event.target.value as '' | 'sig' | 'enc' })}>
              <option value="">{t.unchanged}</option>
              <option value="sig">sig</option>
              <option value="enc">enc</option>
            </select>
          </span>
        </fieldset>
      )}
      {result && !result.ok && <p className="problem problem-error">{t.failed(result.error)}</p>}
      <KeyOutput label={t.converted} value={text} {...fileOf(`${half}-key`, text)} />
      {details.half !== 'secret' && (
        <p className="keys-actions">
          <button type="button" className="small-button" onClick={() => void add()}>
            {details.half === 'private' ? t.addPublic : t.add}
          </button>
          <span role="status" className="keys-note">
            {added.source === source ? added.text : ''}
          </span>
        </p>
      )}
    </div>
  )
}
