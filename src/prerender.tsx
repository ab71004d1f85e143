/**
 * The page as HTML, rendered when the site is built (build/prerender.ts writes it into
 * index.html), so the example shows decoded before any script has run; main.tsx then hydrates it.
 * The signature status in that HTML says "Checking": the verdict is always the browser's own.
 */
import { renderToString } from 'react-dom/server'
import { prerenderedState, reducer } from './state/debugger'
import { createStore } from './state/store'
import { Root } from './ui/Root'

export function renderPage(renderedAt: number): string {
  return renderToString(<Root store={createStore(reducer, prerenderedState(renderedAt))} />)
}
