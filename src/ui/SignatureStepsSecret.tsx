import { useSection } from '../i18n'
import { steps } from '../i18n/sections/steps'
import type { SecretSignature } from '../jwt/signatureSteps'
import { HexBytes } from './SignatureStepsSignature'

/** HMAC: the signature the entered secret makes, beside the token's when they differ. */
export function SignatureStepsSecret({ token, secret }: { readonly token: string; readonly secret: SecretSignature }) {
  const t = useSection(steps)
  const verdict = (
    <p className={`steps-verdict ${secret.matches ? 'steps-ok' : 'steps-bad'}`} role="status">
      <span aria-hidden="true">{secret.matches ? '✓' : '✗'}</span> {secret.matches ? t.matches : t.doesNotMatch}
    </p>
  )
  if (secret.matches) return verdict
  return (
    <>
      <dl className="steps-compare">
        <div className="steps-half">
          <dt>{t.inToken}</dt>
          <dd>
            <HexBytes hex={token} />
          </dd>
        </div>
        <div className="steps-half">
          <dt>{t.fromSecret}</dt>
          <dd>
            <HexBytes hex={secret.hex} />
          </dd>
        </div>
      </dl>
      {verdict}
    </>
  )
}
