import { useMessages } from '../i18n'
import { ALGORITHM_NAMES, algorithmOf, type AlgorithmFamily } from '../jwt'

const GROUPS: readonly AlgorithmFamily[] = ['none', 'HMAC', 'RSA', 'RSA-PSS', 'ECDSA', 'EdDSA', 'ML-DSA']

interface Props {
  value: string
  onChange: (alg: string) => void
  id?: string
}

/** Every algorithm of the core, grouped by family. */
export function AlgorithmPicker({ value, onChange, id = 'algorithm' }: Props) {
  const t = useMessages().algorithm
  const known = algorithmOf(value) !== undefined
  return (
    <div className="algorithm-picker">
      <label htmlFor={id} className="field-label">
        {t.label}
      </label>
      <select id={id} value={known ? value : ''} onChange={(event) => onChange(event.target.value)}>
        {!known && (
          <option value="" disabled>
            {value ? t.unknown(value) : t.choose}
          </option>
        )}
        {GROUPS.map((family) => (
          <optgroup key={family} label={t.groups[family]}>
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
