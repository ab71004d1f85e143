import { startTransition } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { loadLanguage } from './i18n'
import { rememberLanguage, savedLanguage } from './i18n/preference'
import { initialState, prerenderedState, reducer, type Theme } from './state/debugger'
import { startEffects } from './state/effects'
import { readLink } from './state/fragment'
import { createStore } from './state/store'
import { enterEarlyInput, keepEarlyInput } from './ui/earlyInput'
import { onIdle } from './ui/idle'
import { Root } from './ui/Root'

// Also read by public/first-paint.js, which applies a remembered theme before the first paint.
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

// Offline use after the first visit; the worker caches only this app's own files. Registered when
// the page is interactive and idle, so its precache (the whole app) competes with nothing the
// first visit needs.
function offerOfflineUse() {
  if (import.meta.env.PROD && 'serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('Offline use is not available:', error))
}

// The built page arrives rendered (src/prerender.tsx); the dev server's does not. The built page
// is hydrated at once, in this task: only the signature panel is hydrated with the page (every
// other panel hydrates after it, in slices that yield to the browser), so this is a short task and
// the example's verdict is committed in it. Waiting for the scheduler instead cost 40-60 ms.
// A visit that opens something other than the prerendered example (a link's token or key, the
// page in Chinese; public/first-paint.js keeps it hidden) renders afresh, in a transition that
// yields to the browser: hydrating the example only to replace it would be wasted work.
// A page in Chinese waits for its catalogue (English is built in and resolves at once); if it
// cannot load, the page renders in English rather than not at all.
const container = document.getElementById('root')!
const renderedAt = Number(container.dataset.renderedAt)
const opensExample = link.token === undefined && link.publicKey === undefined && language === 'en'
const hydrating = Boolean(renderedAt) && opensExample
// Nothing typed is lost: a token pasted into the prerendered field is read once React has it.
if (hydrating) keepEarlyInput(container)
const ready = () => {
  enterEarlyInput(container)
  delete document.documentElement.dataset.rendering
  onIdle(offerOfflineUse, 2000)
}
void loadLanguage(language)
  .catch(() => undefined)
  .then(() =>
    hydrating
      ? flushSync(() => hydrateRoot(container, <Root store={store} serverState={prerenderedState(renderedAt)} onReady={ready} />))
      : startTransition(() => createRoot(container).render(<Root store={store} onReady={ready} />)),
  )
