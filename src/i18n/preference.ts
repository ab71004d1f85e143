/** The language as a preference, kept in localStorage like the theme (never tokens or keys). */
import type { Action, DebuggerState } from '../state/debugger'
import type { Store } from '../state/store'
import { pickLanguage, type Language } from '.'

export const LANGUAGE_KEY = 'jwt-debugger.language'

/** The language to start in: the one chosen before, else the browser's. */
export const savedLanguage = (storage: Storage, languages: readonly string[]): Language => pickLanguage(languages, storage.getItem(LANGUAGE_KEY))

/**
 * Stores the language each time it is changed (not before, so a browser's own language is followed
 * until one is chosen). Returns the unsubscribe.
 */
export function rememberLanguage(store: Store<DebuggerState, Action>, storage: Storage): () => void {
  let stored = store.getState().language
  return store.subscribe(() => {
    const current = store.getState().language
    if (current === stored) return
    storage.setItem(LANGUAGE_KEY, current)
    stored = current
  })
}
