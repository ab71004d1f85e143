/**
 * A minimal store: one state, a reducer, subscribers. React reads slices of it with
 * useSyncExternalStore (see DebuggerContext), effects subscribe to run the async core.
 *
 * Besides the state itself, the store keeps the state as of the last frame the browser has shown
 * (`getShownState`). Panels that only explain the token read that one (useDebuggerAfterPaint): a
 * keystroke then renders the field and the decoded token in its own frame, and those panels in
 * the task after it, instead of all of them before the keystroke can be seen.
 */

export interface Store<State, Action> {
  getState(): State
  dispatch(action: Action): void
  subscribe(listener: () => void): () => void
  /** The state once the frame after its last change has been shown; the same state in between. */
  getShownState(): State
  subscribeShown(listener: () => void): () => void
}

/** Calls `task` once, after the next frame has been painted (or soon, where nothing is painted). */
export type AfterPaint = (task: () => void) => void

export function createStore<State, Action>(reducer: (state: State, action: Action) => State, initial: State, afterPaint: AfterPaint = afterNextPaint): Store<State, Action> {
  let state = initial
  let shown = initial
  let catchingUp = false
  const listeners = new Set<() => void>()
  const shownListeners = new Set<() => void>()
  const catchUp = () => {
    catchingUp = false
    if (shown === state) return
    shown = state
    for (const listener of [...shownListeners]) listener()
  }
  const subscribeTo = (set: Set<() => void>) => (listener: () => void) => {
    set.add(listener)
    return () => set.delete(listener)
  }
  return {
    getState: () => state,
    getShownState: () => shown,
    dispatch(action) {
      const next = reducer(state, action)
      if (next === state) return
      state = next
      for (const listener of [...listeners]) listener()
      if (!catchingUp) {
        catchingUp = true
        afterPaint(catchUp)
      }
    },
    subscribe: subscribeTo(listeners),
    subscribeShown: subscribeTo(shownListeners),
  }
}

/**
 * After the next frame: requestAnimationFrame runs just before that frame is drawn, and a message
 * posted from it is handled once it has been. A hidden page draws no frames, so a timer instead;
 * so also where there is no requestAnimationFrame (tests under jsdom, the build's prerender).
 */
export function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState !== 'visible') {
    setTimeout(task, 0)
    return
  }
  let done = false
  const once = () => {
    if (done) return
    done = true
    task()
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = once
    channel.port2.postMessage(null)
  })
  // The page may be hidden before that frame comes: then no frame comes until it is shown again.
  setTimeout(once, 100)
}
