import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { loadLanguage } from './i18n'
import { rememberLanguage, savedLanguage } from './i18n/preference'
import { initialState, reducer, type Theme } from './state/debugger'
import { DebuggerProvider } from './state/DebuggerContext'
import { startEffects } from './state/effects'
import { readLink } from './state/fragment'
import { createStore } from './state/store'
import { App } from './ui/App'

const THEME_KEY = 'jwt-debugger.theme'

const link = readLink(location.href)
// A token that came in the query moves into the fragment, and out of the history entry.
if (link.replaceWith) history.replaceState(null, '', link.replaceWith)
const savedTheme = localStorage.getItem(THEME_KEY)
const theme: Theme = savedTheme === 'light' || savedTheme === 'dark' ? savedTheme : 'system'

const language = savedLanguage(localStorage, navigator.languages)

const store = createStore(reducer, initialState({ token: link.token, publicKey: link.publicKey, notes: [...link.notes], theme, language }))
startEffects(store)
// Only the theme and the language are remembered; tokens and keys stay in memory.
store.subscribe(() => {
  const chosen = store.getState().theme
  if (chosen === 'system') localStorage.removeItem(THEME_KEY)
  else localStorage.setItem(THEME_KEY, chosen)
})
rememberLanguage(store, localStorage)

// Offline use after the first visit; the worker caches only this app's own files.
// Registered after the load, so its precache does not compete with the first visit's own requests.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('Offline use is not available:', error)), { once: true })
}

// A transition renders in slices that yield to the browser, so the first render is no long task.
// A page in Chinese waits for its catalogue (English is built in and resolves at once).
const root = createRoot(document.getElementById('root')!)
void loadLanguage(language).then(() =>
  startTransition(() =>
    root.render(
      <StrictMode>
        <DebuggerProvider store={store}>
          <App />
        </DebuggerProvider>
      </StrictMode>,
    ),
  ),
)
