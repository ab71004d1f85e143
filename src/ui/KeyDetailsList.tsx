import type { ReactNode } from 'react'
import { useMessages, useSection } from '../i18n'
import { keyWorkbench } from '../i18n/sections/keyWorkbench'
import { describeInstant } from '../jwt'
import type { CertificateDetails, KeyDetails } from '../jwt/keyTools'

const VALIDITY_SYMBOL = { valid: '✓', expired: '✗', 'not yet valid': '✗' } as const

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
  const t = useSection(keyWorkbench).details
  const symbol = VALIDITY_SYMBOL[certificate.validity]
  const words = t.validity[certificate.validity]
  return (
    <>
      <Fact term={t.subject}>{certificate.subject}</Fact>
      <Fact term={t.issuer}>{certificate.issuer}</Fact>
      <Fact term={t.validFrom}>{when(certificate.notBefore)}</Fact>
      <Fact term={t.validUntil}>{when(certificate.notAfter)}</Fact>
      <Fact term={t.validityTerm}>
        <span className={certificate.validity === 'valid' ? 'keys-ok' : 'keys-bad'}>
          <span aria-hidden="true">{symbol}</span> {words}
        </span>
      </Fact>
      <Fact term={t.serialNumber}>{certificate.serialNumber}</Fact>
    </>
  )
}

function Algorithms({ details }: { details: KeyDetails }) {
  const messages = useMessages()
  const t = useSection(keyWorkbench).details
  if (details.algorithms.length === 0) return <>{t.noAlgorithm}</>
  const cautions = details.algorithms.filter((a) => a.caution)
  return (
    <>
      {details.algorithms.map((a) => a.alg).join(', ')}
      {cautions.map((a) => (
        <span key={a.alg} className="problem problem-warning keys-caution">
          <span aria-hidden="true">! </span>
          <span className="visually-hidden">{messages.severity.warning}: </span>
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
  const t = useSection(keyWorkbench).details
  return (
    <ul className="keys-list" aria-label={t.label}>
      {keys.map((details, i) => (
        <li key={i} className="keys-item">
          {keys.length > 1 && <p className="keys-item-title">{details.description}</p>}
          <dl className="keys-facts">
            <Fact term={t.type}>{details.kind === 'secret' ? t.secretType(details.size) : `${details.kind}, ${details.size}, ${t.halves[details.half]}`}</Fact>
            <Fact term={t.writtenAs}>{details.container}</Fact>
            <Fact term={t.foundIn}>{details.origin}</Fact>
            {details.kid !== undefined && <Fact term={t.kid}>{details.kid}</Fact>}
            <Fact term={t.algorithms}>
              <Algorithms details={details} />
            </Fact>
            {details.certificate && <CertificateFacts certificate={details.certificate} />}
          </dl>
        </li>
      ))}
    </ul>
  )
}
