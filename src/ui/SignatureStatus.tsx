import { useMessages, useSentence, type Messages } from '../i18n'
import type { VerifyResult } from '../jwt'

const KEY_PROBLEMS = new Set(['verify.key-mismatch', 'verify.unreadable-key', 'verify.algorithm-confusion', 'verify.alg-not-allowed'])

/** The verdict in a few words, then why, then which key. */
function verdict(result: VerifyResult | undefined, t: Messages['status'], reason: string | undefined): { headline: string; tone: 'ok' | 'bad' | 'neutral' | 'warn' } {
  if (!result) return { headline: t.checking, tone: 'neutral' }
  if (result.valid) return { headline: t.verified, tone: result.keyUsed?.embedded ? 'warn' : 'ok' }
  if (result.code === 'verify.no-key') return { headline: reason ?? t.enterKey, tone: 'neutral' }
  if (result.code === 'verify.alg-none') return { headline: t.notSigned, tone: 'bad' }
  if (result.code === 'verify.jwe') return { headline: t.encrypted, tone: 'neutral' }
  if (result.code === 'verify.malformed' || result.code === 'verify.unknown-alg') return { headline: t.cannotVerifyToken, tone: 'bad' }
  if (result.code && KEY_PROBLEMS.has(result.code)) return { headline: t.cannotVerifyKey, tone: 'bad' }
  return { headline: t.invalid, tone: 'bad' }
}

const SYMBOL = { ok: '✓', bad: '✗', warn: '!', neutral: '…' } as const

/** The live region that says whether the signature holds. */
export function SignatureStatus({ result, checking }: { result?: VerifyResult; checking: boolean }) {
  const messages = useMessages()
  const t = messages.status
  const say = useSentence()
  const reason = result?.reason === undefined ? undefined : say(result.reasonSentence, result.reason)
  const { headline, tone } = verdict(result, t, reason)
  const showReason = reason && reason !== headline
  return (
    <div role="status" aria-label={t.label} aria-busy={checking} className={`signature-status status-${tone}`}>
      <p className="status-headline">
        <span aria-hidden="true" className="status-symbol">
          {SYMBOL[tone]}
        </span>{' '}
        {headline}
      </p>
      {showReason && <p className="status-reason">{reason}</p>}
      {result?.valid && result.keyUsed && (
        <p className="status-key">
          {t.key}
          {say(result.keyUsed.originSentence, result.keyUsed.origin)}
          {/* A secret's origin already says its size; decided on the English, which every language shares. */}
          {result.keyUsed.description && !result.keyUsed.origin.includes('secret') && ` (${say(result.keyUsed.descriptionSentence, result.keyUsed.description)})`}
        </p>
      )}
      {result?.keyProblems.map((problem, i) => (
        <p key={i} className={`problem problem-${problem.severity}`}>
          <span className="visually-hidden">{problem.severity === 'error' ? messages.severity.error : messages.severity.warning}: </span>
          {say(problem.sentence, problem.message)}
        </p>
      ))}
    </div>
  )
}
