import { Suspense } from 'react'
import { useMessages } from '../i18n'
import { algorithmOf, type SecretEncoding } from '../jwt'
import { currentAlg, pairFor } from '../state/debugger'
import { useDebugger, useDispatch } from '../state/DebuggerContext'
import { CopyButton } from './CopyButton'
import { KeyField } from './KeyField'
import { lazyBody } from './LazyDisclosure'
import { SignatureStatus } from './SignatureStatus'

// Shown only after a failed verification, like the hypotheses it presents (effects.ts loads those).
const Diagnosis = lazyBody(() => import('./Diagnosis').then((module) => module.Diagnosis))

const ENCODINGS: readonly SecretEncoding[] = ['utf8', 'base64url', 'base64', 'hex']

/** The key fields the algorithm needs, and the verdict. */
export function SignaturePanel() {
  const alg = useDebugger(currentAlg)
  const keys = useDebugger((s) => s.keys)
  const verification = useDebugger((s) => s.verification)
  const diagnosis = useDebugger((s) => s.diagnosis)
  const signError = useDebugger((s) => s.signError)
  const keyRequest = useDebugger((s) => s.keyRequest)
  const keyError = useDebugger((s) => s.keyError)
  const dispatch = useDispatch()
  const messages = useMessages()
  const t = messages.signature
  const family = algorithmOf(alg)?.family
  const pair = pairFor(keys, alg)

  return (
    <section className="panel signature-panel" aria-labelledby="signature-heading">
      <h2 id="signature-heading" className="panel-title">
        {t.title}
      </h2>
      <SignatureStatus result={verification.result} checking={verification.checking} />
      {diagnosis && !verification.checking && (
        <Suspense fallback={null}>
          <Diagnosis
            diagnosis={diagnosis}
            onFix={(fix) => {
              if (fix.encoding) dispatch({ type: 'secretEncodingChanged', encoding: fix.encoding })
              if (fix.secret !== undefined) dispatch({ type: 'secretChanged', secret: fix.secret })
            }}
          />
        </Suspense>
      )}
      {keyRequest && (
        <p className="busy" role="status" aria-label={t.keyGeneration}>
          <span className="spinner" aria-hidden="true" /> {keyRequest.alg.startsWith('RS') || keyRequest.alg.startsWith('PS') ? t.generatingRsa : t.generating(keyRequest.alg)}
        </p>
      )}
      {keyError && <p className="problem problem-error">{t.keyFailed(keyError)}</p>}
      {family === 'HMAC' && (
        <div className="secret-field">
          <div className="field-row">
            <label htmlFor="secret" className="field-label">
              {t.secret}
            </label>
            <label htmlFor="secret-encoding" className="visually-hidden">
              {t.secretEncoding}
            </label>
            <select id="secret-encoding" value={keys.secretEncoding} onChange={(event) => dispatch({ type: 'secretEncodingChanged', encoding: event.target.value as SecretEncoding })}>
              {ENCODINGS.map((value) => (
                <option key={value} value={value}>
                  {messages.encodings[value]}
                </option>
              ))}
            </select>
            <CopyButton text={keys.secret} label={t.copySecret} />
          </div>
          <input id="secret" type="text" className="secret-input" value={keys.secret} onChange={(event) => dispatch({ type: 'secretChanged', secret: event.target.value })} spellCheck={false} autoComplete="off" placeholder={t.secretPlaceholder} />
        </div>
      )}
      {family && family !== 'HMAC' && family !== 'none' && (
        <div className="key-pair">
          <KeyField label="Public key" value={pair.publicKey} onChange={(publicKey) => dispatch({ type: 'publicKeyChanged', publicKey })} placeholder={t.publicPlaceholder} />
          <KeyField label="Private key" value={pair.privateKey} onChange={(privateKey) => dispatch({ type: 'privateKeyChanged', privateKey })} placeholder={t.privatePlaceholder} />
        </div>
      )}
      {signError && (
        <p className="problem problem-error" role="alert">
          {t.signFailed(signError)}
        </p>
      )}
    </section>
  )
}
