/**
 * The parts of the core that load on first use (PEM/DER parsing, jose, the @noble fallbacks).
 *
 * `import()` of a module that has already loaded still resolves only after a task: in Chromium a
 * `setTimeout(0)` queued before it runs first. On the path from a pasted key to its verdict that
 * hop lets a render or a timer slip in, and the verdict lands a frame late. `ready` hands a loaded
 * module over synchronously, so only the first use waits.
 */
export interface OnDemand<T> {
  /** The module once it has loaded, else undefined. */
  readonly ready: T | undefined
  load(): Promise<T>
}

export function onDemand<T>(importer: () => Promise<T>): OnDemand<T> {
  let ready: T | undefined
  let loading: Promise<T> | undefined
  return {
    get ready() {
      return ready
    },
    load() {
      // A failed load (a chunk that did not arrive) is retried on the next use.
      loading ??= importer().then(
        (module) => (ready = module),
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
      return loading
    },
  }
}

export const pemModule = onDemand(() => import('./pem'))
export const joseModule = onDemand(() => import('jose'))
export const nobleModule = onDemand(() => import('./noble'))
