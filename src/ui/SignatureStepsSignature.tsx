import { useSection } from '../i18n'
import { steps } from '../i18n/sections/steps'
import type { SignatureBytes } from '../jwt/signatureSteps'

/** Hex digits two by two, a space between bytes, so the bytes can be counted and lines can wrap. */
export function HexBytes({ hex }: { readonly hex: string }) {
  return <code className="steps-hex">{hex.match(/../g)?.join(' ')}</code>
}

/** The token's signature in hex, its length against the algorithm's, and ECDSA's r and s. */
export function SignatureStepsSignature({ signature, alg }: { readonly signature: SignatureBytes; readonly alg: string }) {
  const t = useSection(steps)
  const { length, expectedLength: expected, halves } = signature
  if (length === 0) return <p className="steps-note">{t.empty}</p>
  const differs = expected !== undefined && expected !== length
  return (
    <>
      <p className={differs ? 'steps-length steps-bad' : 'steps-length'}>
        {differs && <span aria-hidden="true">✗ </span>}
        {t.length(length, alg, expected)}
      </p>
      {halves ? (
        <>
          <dl className="steps-halves">
            {(['r', 's'] as const).map((name) => (
              <div key={name} className="steps-half">
                <dt>{t.half(name, halves[name].length / 2)}</dt>
                <dd>
                  <HexBytes hex={halves[name]} />
                </dd>
              </div>
            ))}
          </dl>
          <p className="steps-note">{t.halves}</p>
        </>
      ) : (
        <p className="steps-bytes">
          <HexBytes hex={signature.hex} />
        </p>
      )}
    </>
  )
}
