import type { ExpectationField, ExpectationFields } from '../state/expectations'
import { useDebugger, useDispatch } from '../state/DebuggerContext'

const FIELDS: readonly { field: ExpectationField; label: string; placeholder: string; inputMode?: 'decimal' }[] = [
  { field: 'issuer', label: 'Expected issuer', placeholder: 'iss, e.g. https://auth.example.com/' },
  { field: 'audience', label: 'Expected audience', placeholder: 'aud; several separated by commas' },
  { field: 'subject', label: 'Expected subject', placeholder: 'sub' },
  { field: 'required', label: 'Required claims', placeholder: 'e.g. exp, iat, sub' },
  { field: 'leeway', label: 'Leeway (seconds)', placeholder: '0', inputMode: 'decimal' },
  { field: 'typ', label: 'Expected typ', placeholder: 'header typ, e.g. at+jwt' },
]

/** What the token is checked against, the way a server's jwt.decode or jwtVerify is configured. */
export function ExpectationsForm({ errors }: { readonly errors: Partial<Record<ExpectationField, string>> }) {
  const fields: ExpectationFields = useDebugger((s) => s.expectations)
  const dispatch = useDispatch()
  return (
    <details className="expectations">
      <summary>Check against an issuer, audience, required claims or leeway</summary>
      <div className="expectations-grid">
        {FIELDS.map(({ field, label, placeholder, inputMode }) => (
          <div key={field} className="expectations-field">
            <label htmlFor={`expect-${field}`} className="field-label">
              {label}
            </label>
            <input
              id={`expect-${field}`}
              type="text"
              value={fields[field]}
              placeholder={placeholder}
              inputMode={inputMode}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `expect-${field}-error` : undefined}
              onChange={(event) => dispatch({ type: 'expectationChanged', field, value: event.target.value })}
            />
            {errors[field] && (
              <p id={`expect-${field}-error`} className="problem problem-error">
                {errors[field]}
              </p>
            )}
          </div>
        ))}
      </div>
    </details>
  )
}
