import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { Action, DebuggerState } from './debugger'
import type { Store } from './store'

const StoreContext = createContext<Store<DebuggerState, Action> | undefined>(undefined)

export function DebuggerProvider({ store, children }: { store: Store<DebuggerState, Action>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

function useStore(): Store<DebuggerState, Action> {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useDebugger needs a DebuggerProvider above it')
  return store
}

/** Reads one slice of the state; the component re-renders only when that slice changes. */
export function useDebugger<T>(select: (state: DebuggerState) => T): T {
  const store = useStore()
  return useSyncExternalStore(store.subscribe, () => select(store.getState()))
}

const noSubscribe = () => () => undefined

/** Like useDebugger, but gives `fallback` where no store is above (a component rendered alone). */
export function useOptionalDebugger<T>(select: (state: DebuggerState) => T, fallback: T): T {
  const store = useContext(StoreContext)
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () => (store ? select(store.getState()) : fallback))
}

export function useDispatch(): (action: Action) => void {
  return useStore().dispatch
}
