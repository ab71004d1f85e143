import { useState } from 'react'
import { LANGUAGE_NAMES, LANGUAGES, loadLanguage, useMessages, type Language } from '../i18n'
import { ALGORITHM_NAMES } from '../jwt'
import { currentAlg, pairFor, type Theme } from '../state/debugger'
import { useDebugger, useDispatch } from '../state/DebuggerContext'
import { shareLink } from '../state/fragment'
import { CopyButton } from './CopyButton'

const THEMES: readonly Theme[] = ['system', 'light', 'dark']

/** Examples, sharing, clearing, the theme and the language. */
export function Toolbar() {
  const dispatch = useDispatch()
  const theme = useDebugger((s) => s.theme)
  const language = useDebugger((s) => s.language)
  const t = useMessages().toolbar
  const token = useDebugger((s) => s.token)
  const publicKey = useDebugger((s) => pairFor(s.keys, currentAlg(s)).publicKey)
  const [includeKey, setIncludeKey] = useState(false)
  const [example, setExample] = useState('HS256')
  const link = () => shareLink(location.href, token, includeKey ? publicKey : undefined)

  return (
    <div className="toolbar" role="toolbar" aria-label={t.label}>
      <div className="tool-group">
        <label htmlFor="example-alg" className="field-label">
          {t.example}
        </label>
        <select id="example-alg" value={example} onChange={(event) => setExample(event.target.value)}>
          {ALGORITHM_NAMES.map((alg) => (
            <option key={alg} value={alg}>
              {alg}
            </option>
          ))}
        </select>
        <button type="button" className="small-button" onClick={() => dispatch({ type: 'exampleRequested', alg: example })}>
          {t.newExample}
        </button>
      </div>
      <div className="tool-group">
        <CopyButton text={token} label={t.copyToken}>
          {t.copyToken}
        </CopyButton>
        <span className="share">
          <CopyButton text={link} disabled={token === ''} label={t.copyShareLink}>
            {t.copyShareLink}
          </CopyButton>
          <label className="checkbox">
            <input type="checkbox" checked={includeKey} onChange={(event) => setIncludeKey(event.target.checked)} disabled={!publicKey.trim()} /> {t.withPublicKey}
          </label>
        </span>
        <button type="button" className="small-button" onClick={() => dispatch({ type: 'cleared' })}>
          {t.clear}
        </button>
      </div>
      <div className="tool-group">
        <label htmlFor="theme" className="field-label">
          {t.theme}
        </label>
        <select id="theme" value={theme} onChange={(event) => dispatch({ type: 'themeChanged', theme: event.target.value as Theme })}>
          {THEMES.map((value) => (
            <option key={value} value={value}>
              {t.themes[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="tool-group">
        <label htmlFor="language" className="field-label">
          {t.language}
        </label>
        <select id="language" value={language} onChange={(event) => {
            const chosen = event.target.value as Language
            // The catalogue loads first, so the page switches language in one step.
            void loadLanguage(chosen).then(() => dispatch({ type: 'languageChanged', language: chosen }))
          }}>
          {LANGUAGES.map((value) => (
            // Each name in its own language, so a reader of either can find theirs.
            <option key={value} value={value} lang={value}>
              {LANGUAGE_NAMES[value]}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
