import { useMessages, useSentence } from '../i18n'
import type { Sentence } from '../jwt/sentences'
import type { ExpectationField, ExpectationFields } from '../state/expectations'
import { useDebugger, useDispatch } from '../state/DebuggerContext'

const FIELDS: readonly { field: ExpectationField; inputMode?: 'decimal' }[] = [{ field: 'issuer' }, { field: 'audience' }, { field: 'subject' }, { field: 'required' }, { field: 'leeway', inputMode: 'decimal' }, { field: 'typ' }]

/** What the token is checked against, the way a server's jwt.decode or jwtVerify is configured. */
export function ExpectationsForm({ errors, sentences = {} }: { readonly errors: Partial<Record<ExpectationField, string>>; readonly sentences?: Partial<Record<ExpectationField, Sentence>> }) {
  const fields: ExpectationFields = useDebugger((s) => s.expectations)
  const dispatch = useDispatch()
  const t = useMessages().expectations
  const say = useSentence()
  return (
    <details className="expectations">
      <summary>{t.summary}</summary>
      <div className="expectations-grid">
        {FIELDS.map(({ field, inputMode }) => (
          <div key={field} className="expectations-field">
            <label htmlFor={`expect-${field}`} className="field-label">
              {t.fields[field].label}
            </label>
            <input
              id={`expect-${field}`}
              type="text"
              value={fields[field]}
              placeholder={t.fields[field].placeholder}
              inputMode={inputMode}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `expect-${field}-error` : undefined}
              onChange={(event) => dispatch({ type: 'expectationChanged', field, value: event.target.value })}
            />
            {errors[field] && (
              <p id={`expect-${field}-error`} className="problem problem-error">
                {say(sentences[field], errors[field])}
              </p>
            )}
          </div>
        ))}
      </div>
    </details>
  )
}
