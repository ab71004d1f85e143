import type { VerifyResult } from '../jwt'

const KEY_PROBLEMS = new Set(['verify.key-mismatch', 'verify.unreadable-key', 'verify.algorithm-confusion', 'verify.alg-not-allowed'])

/** The verdict in a few words, then why, then which key. */
function verdict(result: VerifyResult | undefined): { headline: string; tone: 'ok' | 'bad' | 'neutral' | 'warn' } {
  if (!result) return { headline: 'Checking the signature…', tone: 'neutral' }
  if (result.valid) return { headline: 'Signature verified', tone: result.keyUsed?.embedded ? 'warn' : 'ok' }
  if (result.code === 'verify.no-key') return { headline: result.reason ?? 'Enter a key to verify', tone: 'neutral' }
  if (result.code === 'verify.alg-none') return { headline: 'Not signed', tone: 'bad' }
  if (result.code === 'verify.jwe') return { headline: 'Encrypted token', tone: 'neutral' }
  if (result.code === 'verify.malformed' || result.code === 'verify.unknown-alg') return { headline: 'Cannot verify this token', tone: 'bad' }
  if (result.code && KEY_PROBLEMS.has(result.code)) return { headline: 'Cannot verify with this key', tone: 'bad' }
  return { headline: 'Invalid signature', tone: 'bad' }
}

const SYMBOL = { ok: '✓', bad: '✗', warn: '!', neutral: '…' } as const

/** The live region that says whether the signature holds. */
export function SignatureStatus({ result, checking }: { result?: VerifyResult; checking: boolean }) {
  const { headline, tone } = verdict(result)
  const showReason = result?.reason && result.reason !== headline
  return (
    <div role="status" aria-label="Signature status" aria-busy={checking} className={`signature-status status-${tone}`}>
      <p className="status-headline">
        <span aria-hidden="true" className="status-symbol">
          {SYMBOL[tone]}
        </span>{' '}
        {headline}
      </p>
      {showReason && <p className="status-reason">{result.reason}</p>}
      {result?.valid && result.keyUsed && (
        <p className="status-key">
          Key: {result.keyUsed.origin}
          {result.keyUsed.description && !result.keyUsed.origin.includes('secret') && ` (${result.keyUsed.description})`}
        </p>
      )}
      {result?.keyProblems.map((problem, i) => (
        <p key={i} className={`problem problem-${problem.severity}`}>
          <span className="visually-hidden">{problem.severity === 'error' ? 'Error' : 'Warning'}: </span>
          {problem.message}
        </p>
      ))}
    </div>
  )
}
