/**
 * What the benchmark installs in the page before any of the page's own code runs (Playwright's
 * addInitScript): a long-task log, and `when(condition)`, which notices the moment the DOM shows
 * something and then the end of the frame that paints it. Times are performance.now(): ms since
 * navigation start.
 *
 * installProbe is serialised into the page, so it uses nothing from outside its own body.
 */

/** When a condition was first seen in the DOM, and when the frame showing it had been painted. */
export interface Seen {
  readonly shown: number
  readonly painted: number
}

export interface Probe {
  /** Main-thread tasks of 50 ms or more (PerformanceObserver, `longtask`), since navigation. */
  readonly longTasks: { start: number; duration: number }[]
  /** The page's first "Signature verified" (the example), armed at navigation start. */
  readonly firstVerified: Promise<Seen>
  /**
   * Resolves when `condition` holds: checked once right away (after the current task's
   * synchronous work), then after every DOM change and at every frame; rejects after `timeoutMs`.
   */
  when(condition: () => boolean, timeoutMs?: number): Promise<Seen>
  /** After the next frame has been laid out and painted. */
  nextPaint(): Promise<number>
  /** At the start of the next frame (its requestAnimationFrame callbacks), before its layout. */
  frameStart(): Promise<number>
  /** The form field labelled exactly `name` (`Encoded token`, `Header`, `Secret`, …). */
  field(name: string): HTMLTextAreaElement | HTMLInputElement
  /** Sets a field as typing or pasting does: the value, then an `input` event React listens to. */
  setField(name: string, text: string): void
  /** The signature status says "Signature verified" and is no longer checking. */
  isVerified(): boolean
  /** The signature status has a verdict for the current token and key. */
  isSettled(): boolean
  /** Values the benchmark keeps in the page between evaluate calls (big tokens, keys). */
  stash: Record<string, unknown>
}

declare global {
  interface Window {
    __bench: Probe
  }
}

export function installProbe(): void {
  const longTasks: Probe['longTasks'] = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  // rAF runs before the frame's style, layout and paint; a message posted from it is handled
  // after them, which is when a person can see the change.
  const nextPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      }),
    )

  const when = (condition: () => boolean, timeoutMs = 60_000) =>
    new Promise<Seen>((resolve, reject) => {
      let done = false
      let shown: number | undefined
      const finish = () => {
        done = true
        observer.disconnect()
        clearTimeout(timer)
      }
      const check = () => {
        if (done || shown !== undefined || !condition()) return
        shown = performance.now()
        observer.disconnect()
      }
      // A mutation callback runs right after React's commit; the per-frame check catches a
      // change that touched only a field's value. This loop's callback was requested a frame
      // ahead, so it runs before any the page requested for the frame that paints the change,
      // and its message is handled first once that frame is painted (the page's own work queued
      // for after the frame would otherwise count as the frame's).
      const observer = new MutationObserver(check)
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
      const frame = () => {
        if (done) return
        check()
        if (shown === undefined) {
          requestAnimationFrame(frame)
          return
        }
        const seenAt = shown
        finish()
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve({ shown: seenAt, painted: performance.now() })
        channel.port2.postMessage(null)
      }
      requestAnimationFrame(frame)
      queueMicrotask(check)
      const timer = setTimeout(() => {
        if (done) return
        finish()
        reject(new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`))
      }, timeoutMs)
    })

  const field = (name: string) => {
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent?.trim() === name) {
        const element = document.getElementById(label.htmlFor)
        if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return element
      }
    }
    throw new Error(`no field labelled ${name}`)
  }

  const setField = (name: string, text: string) => {
    const element = field(name)
    // React tracks the value it set; the prototype's setter bypasses that, as the browser does.
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')!.set!.call(element, text)
    element.dispatchEvent(new Event('input', { bubbles: true }))
  }

  const status = () => document.querySelector('[role="status"][aria-label="Signature status"]')
  const isSettled = () => status()?.getAttribute('aria-busy') === 'false'
  const isVerified = () => isSettled() && (status()!.textContent ?? '').includes('Signature verified')

  const frameStart = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))

  window.__bench = { longTasks, firstVerified: when(isVerified), when, nextPaint, frameStart, field, setField, isVerified, isSettled, stash: {} }
}
