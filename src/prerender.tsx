/**
 * The page as HTML, rendered when the site is built (build/prerender.ts writes it into
 * index.html), so the example shows decoded before any script has run; main.tsx then hydrates it.
 * The signature status in that HTML says "Checking": the verdict is always the browser's own.
 */
import { renderToString } from 'react-dom/server'
import { prerenderedState, reducer } from './state/debugger'
import { createStore } from './state/store'
import { loadDeferredPanels } from './ui/deferredPanel'
import { Root } from './ui/Root'

export async function renderPage(renderedAt: number): Promise<string> {
  // Panels whose code the page loads later are rendered into the HTML all the same.
  await loadDeferredPanels()
  return renderToString(<Root store={createStore(reducer, prerenderedState(renderedAt))} />)
}
