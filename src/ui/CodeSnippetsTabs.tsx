import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useSection } from '../i18n'
import { snippets as snippetMessages } from '../i18n/sections/snippets'
import { algorithmOf } from '../jwt/algorithms'
import { detectKeyFormat } from '../jwt/keys'
import { codeSnippets, SNIPPET_KEY_FILES, type SnippetExpectations, type SnippetKeyKind } from '../jwt/snippets'
import { currentAlg, decodedOf, isDecodedOffThread, pairFor } from '../state/debugger'
import { useDebuggerAfterPaint } from '../state/DebuggerContext'
import { readExpectations } from '../state/expectations'
import { CopyButton } from './CopyButton'
import './CodeSnippets.css'

const LANGUAGES = ['python', 'node', 'curl'] as const
type SnippetLanguage = (typeof LANGUAGES)[number]

/** The environment variable each program reads a key file's name from (see src/jwt/snippets.ts). */
const KEY_FILE_VARIABLES = { 'public-pem': 'JWT_PUBLIC_KEY_FILE', jwk: 'JWT_JWK_FILE', jwks: 'JWT_JWKS_FILE' } as const

/** HMAC takes the secret; other algorithms the Public key field, read as PEM, JWK or JWK set. */
function keyKindOf(alg: string, publicKey: string): SnippetKeyKind {
  if (algorithmOf(alg)?.family === 'HMAC') return 'secret'
  const format = detectKeyFormat(publicKey)
  return format === 'pem' ? 'public-pem' : format === 'jwk' || format === 'jwks' ? format : 'none'
}

/** Where the programs get the key from, said under them; never the key itself. */
function keyNote(t: (typeof snippetMessages)['en'], alg: string, keyKind: SnippetKeyKind): string {
  if (algorithmOf(alg)?.family === 'none') return t.unsecuredNote
  if (keyKind === 'secret') return t.secretNote
  // Without a key the programs read a PEM file, as codeSnippets does.
  const kind = keyKind === 'none' ? 'public-pem' : keyKind
  return t.fileNote(SNIPPET_KEY_FILES[kind], KEY_FILE_VARIABLES[kind])
}

/** A leeway of 0 is the libraries' default: left out, so the programs stay short. */
const snippetExpectations = ({ issuer, audience, leeway, required, typ }: SnippetExpectations): SnippetExpectations => ({
  issuer,
  audience,
  leeway: leeway || undefined,
  required,
  typ,
})

/** The three programs for this token, in tabs, each with a Copy button. */
export function CodeSnippetsTabs() {
  const t = useSection(snippetMessages)
  const token = useDebuggerAfterPaint((s) => s.token)
  const alg = useDebuggerAfterPaint(currentAlg)
  const secretEncoding = useDebuggerAfterPaint((s) => s.keys.secretEncoding)
  const publicKey = useDebuggerAfterPaint((s) => pairFor(s.keys, currentAlg(s)).publicKey)
  const fields = useDebuggerAfterPaint((s) => s.expectations)
  const [shown, setShown] = useState<SnippetLanguage>('python')
  const tabs = useRef<Partial<Record<SnippetLanguage, HTMLButtonElement | null>>>({})
  const id = useId()
  // A token decoded in the worker is too large to copy into a program shown on this thread.
  const tooLarge = isDecodedOffThread(token)
  const keyKind = useMemo(() => keyKindOf(alg, publicKey), [alg, publicKey])
  const snippets = useMemo(() => {
    if (tooLarge) return undefined
    const expectations = snippetExpectations(readExpectations(fields, alg).library)
    return codeSnippets({ token: decodedOf(token).token || token.trim(), alg, keyKind, secretEncoding, expectations })
  }, [tooLarge, token, alg, keyKind, secretEncoding, fields])
  if (!snippets) return <p className="keys-loading">{t.tooLarge(Math.round(token.length / 1024))}</p>

  const show = (language: SnippetLanguage) => {
    setShown(language)
    tabs.current[language]?.focus()
  }
  // WAI-ARIA tabs: arrows move between the tabs (wrapping), Home and End go to the ends.
  const onKeyDown = (event: KeyboardEvent) => {
    const at = LANGUAGES.indexOf(shown)
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: LANGUAGES.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    show(LANGUAGES[(next + LANGUAGES.length) % LANGUAGES.length]!)
  }
  const code = snippets[shown]
  return (
    <div className="snippets">
      <div className="snippet-tabs" role="tablist" aria-label={t.languages} onKeyDown={onKeyDown}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            ref={(element) => {
              tabs.current[language] = element
            }}
            type="button"
            role="tab"
            id={`${id}-${language}`}
            className="snippet-tab"
            aria-selected={language === shown}
            aria-controls={`${id}-panel`}
            tabIndex={language === shown ? 0 : -1}
            onClick={() => setShown(language)}
          >
            {t.tabs[language]}
          </button>
        ))}
      </div>
      <div className="snippet-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${shown}`}>
        <pre className="snippet-code">
          <code>
            {code.replace(/\n$/, '').split('\n').map((line, i) => (
              // Each line its own block, so a wrapped line continues indented under its start.
              <span key={i} className="snippet-line" data-indent={Math.min(12, line.length - line.trimStart().length)}>
                {`${line}\n`}
              </span>
            ))}
          </code>
        </pre>
        <div className="snippet-footer">
          <p className="snippet-note">{shown === 'curl' ? t.curlNote : keyNote(t, alg, keyKind)}</p>
          <CopyButton text={code} label={t.copy(t.tabs[shown])} />
        </div>
      </div>
    </div>
  )
}
