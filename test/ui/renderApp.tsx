import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { initialState, reducer } from '../../src/state/debugger'
import { DebuggerProvider } from '../../src/state/DebuggerContext'
import { startEffects } from '../../src/state/effects'
import { createStore } from '../../src/state/store'
import { App } from '../../src/ui/App'

/** The whole page with a real store and effects, as main.tsx wires it. */
export function renderApp(options: Parameters<typeof initialState>[0] = {}) {
  const store = createStore(reducer, initialState(options))
  const stopEffects = startEffects(store)
  const user = userEvent.setup()
  const view = render(
    <DebuggerProvider store={store}>
      <App />
    </DebuggerProvider>,
  )
  view.unmount = ((unmount) => () => {
    stopEffects()
    unmount()
  })(view.unmount)
  return { ...view, store, user }
}
