import { ALGORITHM_NAMES, algorithmOf, type AlgorithmFamily } from '../jwt'

const GROUPS: readonly [AlgorithmFamily, string][] = [
  ['none', 'None'],
  ['HMAC', 'HMAC (shared secret)'],
  ['RSA', 'RSA PKCS#1 v1.5'],
  ['RSA-PSS', 'RSA-PSS'],
  ['ECDSA', 'ECDSA'],
  ['EdDSA', 'EdDSA'],
  ['ML-DSA', 'ML-DSA (post-quantum)'],
]

interface Props {
  value: string
  onChange: (alg: string) => void
  id?: string
}

/** Every algorithm of the core, grouped by family. */
export function AlgorithmPicker({ value, onChange, id = 'algorithm' }: Props) {
  const known = algorithmOf(value) !== undefined
  return (
    <div className="algorithm-picker">
      <label htmlFor={id} className="field-label">
        Algorithm
      </label>
      <select id={id} value={known ? value : ''} onChange={(event) => onChange(event.target.value)}>
        {!known && (
          <option value="" disabled>
            {value ? `${value} (unknown)` : 'choose…'}
          </option>
        )}
        {GROUPS.map(([family, label]) => (
          <optgroup key={family} label={label}>
            {ALGORITHM_NAMES.filter((alg) => algorithmOf(alg)!.family === family).map((alg) => (
              <option key={alg} value={alg}>
                {alg} — {algorithmOf(alg)!.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}
