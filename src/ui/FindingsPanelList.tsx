import { useEffect, useMemo, useState } from 'react'
import { useMessages, useSection, type Language } from '../i18n'
import { findingsReadIn, findingText, loadFindingMessages } from '../i18n/findings'
import { findingsList } from '../i18n/sections/findingsList'
// From the core's index, as the page imports it: the core then stays one chunk the page already has.
import { algorithmOf } from '../jwt'
import type { DecodedToken } from '../jwt/decode'
import { findTokenRisks, type Finding, type FindingSeverity } from '../jwt/findings'
import { decodeSecret, type SecretEncoding } from '../jwt/keys'
import { checkTimeOf, currentAlg, decodedOf, isDecodedOffThread, type DebuggerState } from '../state/debugger'
import { useDebuggerAfterPaint } from '../state/DebuggerContext'
import { FindingsPanelItem } from './FindingsPanelItem'
import { TOKEN_EDIT_LIMIT } from './TokenEditor'

const SEVERITIES: readonly FindingSeverity[] = ['high', 'medium', 'low', 'info']

/** The HMAC secret as findTokenRisks reads it, when the token's algorithm uses one and it can be read. */
function secretInput(alg: string, text: string, encoding: SecretEncoding) {
  if (algorithmOf(alg)?.family !== 'HMAC') return undefined
  const decoded = decodeSecret(text, encoding)
  return 'bytes' in decoded ? { text, bytes: decoded.bytes } : undefined
}

/** The language findings are said in: the page's, once its table has loaded; English until then. */
function useFindingsLanguage(language: Language): Language {
  const [loaded, setLoaded] = useState<Language | undefined>(undefined)
  useEffect(() => {
    let live = true
    loadFindingMessages(language).then(
      () => live && setLoaded(language),
      (error: unknown) => console.warn('The findings stay in English:', error),
    )
    return () => {
      live = false
    }
  }, [language])
  return findingsReadIn(language) || loaded === language ? language : 'en'
}

/** "3 findings: 1 high, 2 medium", or "No findings". */
function Summary({ findings, language }: { findings: readonly Finding[]; language: Language }) {
  const t = useSection(findingsList)
  if (findings.length === 0) return <p className="findings-summary">{t.none}</p>
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => t.count(count, t.severityCount[severity]))
  return <p className="findings-summary">{t.summary(findings.length, new Intl.ListFormat(language, { style: 'narrow', type: 'conjunction' }).format(counts))}</p>
}

export interface FindingsInput {
  readonly decoded: DecodedToken
  readonly alg: string
  readonly secret: string
  readonly encoding: SecretEncoding
  /** The check time, in seconds. */
  readonly now: number
  readonly language: Language
  /** Whether the "Encoded token" field shows the token's own characters, so a range can be selected there. */
  readonly placeable: boolean
}

/** The token's findings, most severe first, in the page's language. */
export function FindingsPanelList({ decoded, alg, secret, encoding, now, language: pageLanguage, placeable }: FindingsInput) {
  const language = useFindingsLanguage(pageLanguage)
  const messages = useMessages()
  const t = useSection(findingsList)
  const findings = useMemo(() => findTokenRisks({ decoded, secret: secretInput(alg, secret, encoding), now }), [decoded, alg, secret, encoding, now])
  return (
    <div className="findings">
      <Summary findings={findings} language={language} />
      {findings.length > 0 && (
        <ol className="findings-list" aria-label={t.list}>
          {findings.map((finding, i) => (
            <FindingsPanelItem key={`${finding.code}-${i}`} id={`finding-${i}`} finding={finding} text={findingText(language, finding, messages.span)} range={placeable ? finding.range : undefined} />
          ))}
        </ol>
      )}
    </div>
  )
}

/** The check time, to the minute while it ticks (findings about time need no finer clock); a chosen time as it is. */
const checkMinute = (s: DebuggerState) => (s.checkAt === undefined ? Math.floor(checkTimeOf(s) / 60) * 60 : checkTimeOf(s))

/** The findings of the token in the store: what FindingsPanel shows once this code has loaded. */
export function Findings() {
  const token = useDebuggerAfterPaint((s) => s.token)
  const alg = useDebuggerAfterPaint(currentAlg)
  const secret = useDebuggerAfterPaint((s) => s.keys.secret)
  const encoding = useDebuggerAfterPaint((s) => s.keys.secretEncoding)
  const now = useDebuggerAfterPaint(checkMinute)
  const language = useDebuggerAfterPaint((s) => s.language)
  const t = useMessages().findings
  // A token decoded in the worker is too large to check again on this thread.
  if (isDecodedOffThread(token)) return <p className="keys-loading">{t.tooLarge(Math.round(token.length / 1024))}</p>
  if (token.trim() === '') return <p className="keys-loading">{t.empty}</p>
  // The field shows a bounded view of a very long token: its characters are not the token's.
  return <FindingsPanelList decoded={decodedOf(token)} alg={alg} secret={secret} encoding={encoding} now={now} language={language} placeable={token.length <= TOKEN_EDIT_LIMIT} />
}
