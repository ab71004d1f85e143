import type { ReactNode } from 'react'
import { describeInstant } from '../jwt'
import type { CertificateDetails, KeyDetails } from '../jwt/keyTools'

const HALF = { public: 'public key', private: 'private key', secret: 'shared secret' } as const
const VALIDITY = { valid: ['✓', 'valid now'], expired: ['✗', 'expired'], 'not yet valid': ['✗', 'not yet valid'] } as const

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="keys-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

const when = (date: Date) => describeInstant(date.getTime() / 1000)

function CertificateFacts({ certificate }: { certificate: CertificateDetails }) {
  const [symbol, words] = VALIDITY[certificate.validity]
  return (
    <>
      <Fact term="Subject">{certificate.subject}</Fact>
      <Fact term="Issuer">{certificate.issuer}</Fact>
      <Fact term="Valid from">{when(certificate.notBefore)}</Fact>
      <Fact term="Valid until">{when(certificate.notAfter)}</Fact>
      <Fact term="Validity">
        <span className={certificate.validity === 'valid' ? 'keys-ok' : 'keys-bad'}>
          <span aria-hidden="true">{symbol}</span> {words}
        </span>
      </Fact>
      <Fact term="Serial number">{certificate.serialNumber}</Fact>
    </>
  )
}

function Algorithms({ details }: { details: KeyDetails }) {
  if (details.algorithms.length === 0) return <>no JWS algorithm: this key is not for signing</>
  const cautions = details.algorithms.filter((a) => a.caution)
  return (
    <>
      {details.algorithms.map((a) => a.alg).join(', ')}
      {cautions.map((a) => (
        <span key={a.alg} className="problem problem-warning keys-caution">
          <span aria-hidden="true">! </span>
          <span className="visually-hidden">Warning: </span>
          {a.caution}
        </span>
      ))}
    </>
  )
}

/**
 * Each key found in the text: what it is, where it was, what it signs, and its certificate. A
 * lone key needs no title: the summary line above says what it is.
 */
export function KeyDetailsList({ keys }: { keys: readonly KeyDetails[] }) {
  return (
    <ul className="keys-list" aria-label="Keys found">
      {keys.map((details, i) => (
        <li key={i} className="keys-item">
          {keys.length > 1 && <p className="keys-item-title">{details.description}</p>}
          <dl className="keys-facts">
            <Fact term="Type">{details.kind === 'secret' ? `shared secret, ${details.size}` : `${details.kind}, ${details.size}, ${HALF[details.half]}`}</Fact>
            <Fact term="Written as">{details.container}</Fact>
            <Fact term="Found in">{details.origin}</Fact>
            {details.kid !== undefined && <Fact term="kid">{details.kid}</Fact>}
            <Fact term="Algorithms">
              <Algorithms details={details} />
            </Fact>
            {details.certificate && <CertificateFacts certificate={details.certificate} />}
          </dl>
        </li>
      ))}
    </ul>
  )
}
