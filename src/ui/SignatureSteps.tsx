import { useMessages } from '../i18n'
import { LazyDisclosure, lazyBody } from './LazyDisclosure'

// The core's explainSignature and the key readers: loaded when the panel is first opened.
const SignatureStepsExplained = lazyBody(() => import('./SignatureStepsExplained').then((module) => module.SignatureStepsExplained))

/** How the signature is made, step by step: closed until asked for. */
export function SignatureSteps() {
  return <LazyDisclosure className="signature-steps-panel" headingId="signature-steps-heading" text={useMessages().steps} body={SignatureStepsExplained} />
}
