import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import type { Action, DebuggerState } from './debugger'
import type { Store } from './store'

interface Context {
  readonly store: Store<DebuggerState, Action>
  /**
   * The state the HTML was rendered from: at build time (src/prerender.tsx), and while the page
   * hydrates that HTML, so the first render matches it; React then renders the store's own state.
   */
  readonly serverState: DebuggerState
}

const StoreContext = createContext<Context | undefined>(undefined)

export function DebuggerProvider({ store, serverState, children }: { store: Store<DebuggerState, Action>; serverState?: DebuggerState; children: ReactNode }) {
  // A new value would reach every consumer, and make React drop the HTML of parts still hydrating.
  const value = useMemo(() => ({ store, serverState: serverState ?? store.getState() }), [store, serverState])
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>
}

function useContextValue(): Context {
  const context = useContext(StoreContext)
  if (!context) throw new Error('useDebugger needs a DebuggerProvider above it')
  return context
}

/** Reads one slice of the state; the component re-renders only when that slice changes. */
export function useDebugger<T>(select: (state: DebuggerState) => T): T {
  const { store, serverState } = useContextValue()
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState()),
    () => select(serverState),
  )
}

/**
 * Like useDebugger, for panels that explain the token rather than edit it: the state as of the
 * last frame shown (see Store#getShownState), so a keystroke is drawn before they re-render.
 * Not for a component with an input whose value comes from the store: React would put the input
 * back to its old value until the panel catches up.
 */
export function useDebuggerAfterPaint<T>(select: (state: DebuggerState) => T): T {
  const { store, serverState } = useContextValue()
  return useSyncExternalStore(
    store.subscribeShown,
    () => select(store.getShownState()),
    () => select(serverState),
  )
}

const noSubscribe = () => () => undefined

/** Like useDebugger, but gives `fallback` where no store is above (a component rendered alone). */
export function useOptionalDebugger<T>(select: (state: DebuggerState) => T, fallback: T): T {
  const context = useContext(StoreContext)
  return useSyncExternalStore(
    context?.store.subscribe ?? noSubscribe,
    () => (context ? select(context.store.getState()) : fallback),
    () => (context ? select(context.serverState) : fallback),
  )
}

export function useDispatch(): (action: Action) => void {
  return useContextValue().store.dispatch
}

/**
 * False while React renders the page at build time and while it hydrates that HTML, true after:
 * for what depends on the reader's locale or time zone, which the build cannot know.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false)
}
