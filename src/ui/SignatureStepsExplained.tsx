import { useMemo } from 'react'
import { useSection } from '../i18n'
import { steps } from '../i18n/sections/steps'
import { explainSignature, type SigningInput } from '../jwt/signatureSteps'
import { currentAlg, decodedOf, isDecodedOffThread, verifyKeyFor } from '../state/debugger'
import { useDebuggerAfterPaint } from '../state/DebuggerContext'
import { ProblemList } from './ProblemList'
import { SignatureStepsSecret } from './SignatureStepsSecret'
import { SignatureStepsSignature } from './SignatureStepsSignature'
import { useAsyncResult } from './useAsyncResult'
import './SignatureSteps.css'

/** The signing input coloured as the token editor colours the token: header, dot, payload. */
function SigningInputText({ input }: { readonly input: SigningInput }) {
  const part = (kind: 'header' | 'dot' | 'payload') => (
    <span data-part={kind}>{input.text.slice(input[kind][0], input[kind][1])}</span>
  )
  return (
    <pre className="steps-code steps-signing-input">
      {part('header')}
      {part('dot')}
      {part('payload')}
    </pre>
  )
}

/** The token's signature taken apart: signing input, recipe, bytes, and what the secret makes. */
export function SignatureStepsExplained() {
  const token = useDebuggerAfterPaint((s) => s.token)
  const keys = useDebuggerAfterPaint((s) => s.keys)
  const alg = useDebuggerAfterPaint(currentAlg)
  const t = useSection(steps)
  const key = useMemo(() => verifyKeyFor(keys, alg), [keys, alg])
  // A token decoded in the worker is too large to take apart again on this thread.
  const tooLarge = isDecodedOffThread(token)
  const result = useAsyncResult(tooLarge ? 'too large' : JSON.stringify([token, key]), () => explainSignature(decodedOf(token), key))
  if (tooLarge) return <p className="keys-loading">{t.tooLarge(Math.round(token.length / 1024))}</p>
  if (!result) return <p className="keys-loading">{t.working}</p>
  if (!result.ok) return <p className="problem problem-error">{t.failed(result.error)}</p>
  const { signingInput, recipe, signature, secretSignature, problems } = result.value
  // The length problem is said, translated, beside the bytes; the token's own problems are
  // listed under the token editor already.
  const own = problems.filter((p) => p.code.startsWith('steps.') && p.code !== 'steps.signature-length')
  return (
    <div className="signature-steps">
      <ol className="steps-list" aria-label={t.label}>
        {signingInput && (
          <li className="steps-step">
            <h3 className="steps-title">{t.signingInput}</h3>
            <p className="steps-formula">
              <code>{t.formula}</code>
            </p>
            <SigningInputText input={signingInput} />
            <p className="steps-note">{t.inputLength(signingInput.bytes.length)}</p>
          </li>
        )}
        {recipe && (
          <li className="steps-step">
            <h3 className="steps-title">{t.recipe}</h3>
            <p className="steps-recipe">{t.recipeLine(recipe)}</p>
          </li>
        )}
        {signature && (
          <li className="steps-step">
            <h3 className="steps-title">{t.signature}</h3>
            <SignatureStepsSignature signature={signature} alg={result.value.alg ?? alg} />
          </li>
        )}
        {secretSignature && signature && (
          <li className="steps-step">
            <h3 className="steps-title">{t.secret}</h3>
            <SignatureStepsSecret token={signature.hex} secret={secretSignature} />
          </li>
        )}
      </ol>
      <ProblemList id="signature-steps-problems" problems={own} label={t.problems} />
    </div>
  )
}
