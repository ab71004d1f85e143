import { useState } from 'react'
import { ALGORITHM_NAMES } from '../jwt'
import { currentAlg, pairFor, type Theme } from '../state/debugger'
import { useDebugger, useDispatch } from '../state/DebuggerContext'
import { shareLink } from '../state/fragment'
import { CopyButton } from './CopyButton'

const THEMES: readonly [Theme, string][] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
]

/** Examples, sharing, clearing and the theme. */
export function Toolbar() {
  const dispatch = useDispatch()
  const theme = useDebugger((s) => s.theme)
  const token = useDebugger((s) => s.token)
  const publicKey = useDebugger((s) => pairFor(s.keys, currentAlg(s)).publicKey)
  const [includeKey, setIncludeKey] = useState(false)
  const [example, setExample] = useState('HS256')
  const link = () => shareLink(location.href, token, includeKey ? publicKey : undefined)

  return (
    <div className="toolbar" role="toolbar" aria-label="Page tools">
      <div className="tool-group">
        <label htmlFor="example-alg" className="field-label">
          Example
        </label>
        <select id="example-alg" value={example} onChange={(event) => setExample(event.target.value)}>
          {ALGORITHM_NAMES.map((alg) => (
            <option key={alg} value={alg}>
              {alg}
            </option>
          ))}
        </select>
        <button type="button" className="small-button" onClick={() => dispatch({ type: 'exampleRequested', alg: example })}>
          New example
        </button>
      </div>
      <div className="tool-group">
        <CopyButton text={token} label="Copy token">
          Copy token
        </CopyButton>
        <span className="share">
          <CopyButton text={link} disabled={token === ''} label="Copy share link">
            Copy share link
          </CopyButton>
          <label className="checkbox">
            <input type="checkbox" checked={includeKey} onChange={(event) => setIncludeKey(event.target.checked)} disabled={!publicKey.trim()} /> with public key
          </label>
        </span>
        <button type="button" className="small-button" onClick={() => dispatch({ type: 'cleared' })}>
          Clear
        </button>
      </div>
      <div className="tool-group">
        <label htmlFor="theme" className="field-label">
          Theme
        </label>
        <select id="theme" value={theme} onChange={(event) => dispatch({ type: 'themeChanged', theme: event.target.value as Theme })}>
          {THEMES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
