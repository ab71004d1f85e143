import { StrictMode, useEffect } from 'react'
import type { Action, DebuggerState } from '../state/debugger'
import { DebuggerProvider } from '../state/DebuggerContext'
import type { Store } from '../state/store'
import { App } from './App'

interface Props {
  readonly store: Store<DebuggerState, Action>
  /** The state the HTML being hydrated was rendered from. */
  readonly serverState?: DebuggerState
  /** Called once the page is interactive (hydrated or rendered). */
  readonly onReady?: () => void
}

/** The whole page over a store: what main.tsx renders or hydrates, and what the build renders to HTML. */
export function Root({ store, serverState, onReady }: Props) {
  useEffect(() => onReady?.(), [onReady])
  return (
    <StrictMode>
      <DebuggerProvider store={store} serverState={serverState}>
        <App />
      </DebuggerProvider>
    </StrictMode>
  )
}
