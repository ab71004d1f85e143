import { describe, expect, it } from 'vitest'
import { createStore } from '../../src/state/store'

/** An afterPaint that runs only when the test says a frame has been shown. */
function frames() {
  const pending: (() => void)[] = []
  return {
    afterPaint: (task: () => void) => void pending.push(task),
    pending: () => pending.length,
    show: () => pending.splice(0).forEach((task) => task()),
  }
}

const add = (state: number, by: number) => (by === 0 ? state : state + by)

describe('the store', () => {
  it('gives the state at once, and the shown state after the next frame, once for many changes', () => {
    const frame = frames()
    const store = createStore(add, 0, frame.afterPaint)
    const seen: string[] = []
    store.subscribe(() => seen.push(`state ${store.getState()}`))
    store.subscribeShown(() => seen.push(`shown ${store.getShownState()}`))

    store.dispatch(1)
    store.dispatch(2)
    expect(store.getState()).toBe(3)
    expect(store.getShownState()).toBe(0)
    expect(frame.pending()).toBe(1)

    frame.show()
    expect(store.getShownState()).toBe(3)
    expect(seen).toEqual(['state 1', 'state 3', 'shown 3'])
  })

  it('asks for no frame when an action changes nothing', () => {
    const frame = frames()
    const store = createStore(add, 5, frame.afterPaint)
    store.dispatch(0)
    expect(frame.pending()).toBe(0)
    expect(store.getShownState()).toBe(5)
  })

  it('notifies the shown state’s listeners only when it moved', () => {
    const frame = frames()
    const store = createStore((_: number, to: number) => to, 0, frame.afterPaint)
    let shownCalls = 0
    store.subscribeShown(() => shownCalls++)
    store.dispatch(1)
    store.dispatch(0)
    frame.show()
    expect(shownCalls).toBe(0)
    store.dispatch(2)
    frame.show()
    expect(shownCalls).toBe(1)
  })
})
