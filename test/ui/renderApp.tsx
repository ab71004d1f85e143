import { render } from '@testing-library/react'
import { onTestFinished } from 'vitest'
import userEvent from '@testing-library/user-event'
import { initialState, reducer } from '../../src/state/debugger'
import { DebuggerProvider } from '../../src/state/DebuggerContext'
import { startEffects } from '../../src/state/effects'
import { createStore } from '../../src/state/store'
import { App } from '../../src/ui/App'

/** The whole page with a real store and effects, as main.tsx wires it; unmounted when the test ends. */
export function renderApp(options: Parameters<typeof initialState>[0] = {}) {
  const store = createStore(reducer, initialState(options))
  const stopEffects = startEffects(store)
  const user = userEvent.setup()
  const view = render(
    <DebuggerProvider store={store}>
      <App />
    </DebuggerProvider>,
  )
  let mounted = true
  view.unmount = ((unmount) => () => {
    if (!mounted) return
    mounted = false
    stopEffects()
    unmount()
  })(view.unmount)
  onTestFinished(() => view.unmount())
  return { ...view, store, user }
}
