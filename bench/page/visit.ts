/** Helpers every page measurement shares: a fresh visit, waiting for quiet, long tasks in a window. */
import type { Browser, Page } from 'playwright-core'

/** Loads the page anew (from the service worker's cache) and waits for the example to verify. */
export async function freshVisit(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.evaluate(() => window.__bench.firstVerified.then(() => undefined))
  await settle(page)
}

/** Lets trailing work (garbage collection, a late render) finish before the next step. */
export const settle = (page: Page, ms = 300) => page.waitForTimeout(ms)

/** The longest main-thread task overlapping [from, to] (page ms), or 0 when none reached 50 ms. */
export function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([start, end]) => Math.max(0, ...window.__bench.longTasks.filter((task) => task.start < end && task.start + task.duration > start).map((task) => task.duration)),
    [from, to] as const,
  )
}

/** Waits until the signature status has a verdict for the token now in the page, then `ms` more. */
export async function waitSettled(page: Page, ms = 300): Promise<number> {
  const at = await page.evaluate(() => window.__bench.when(window.__bench.isSettled).then((seen) => seen.painted))
  await settle(page, ms)
  return at + ms
}

/**
 * Resolves once the browser's own processes have stopped using the CPU (at most `timeoutMs`).
 * A new context opens a headless window, and that window's browser UI (the address bar's popup,
 * a WebUI page in a renderer of its own) loads in about 1 s of CPU time spread over both cores.
 * A navigation started meanwhile shares the cores with it: first paints came 60–120 ms later.
 * A person opening the page in a browser that is already running never pays that.
 */
export async function untilBrowserIdle(browser: Browser, timeoutMs = 5000): Promise<void> {
  const cdp = await browser.newBrowserCDPSession()
  const cpuSeconds = async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] }
    return processInfo.reduce((sum, process) => sum + process.cpuTime, 0)
  }
  try {
    const deadline = Date.now() + timeoutMs
    let before = await cpuSeconds()
    let quietPolls = 0
    // CPU time comes in 10 ms steps: two polls 100 ms apart with at most one step between them.
    while (quietPolls < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const now = await cpuSeconds()
      quietPolls = now - before <= 0.0101 ? quietPolls + 1 : 0
      before = now
    }
  } finally {
    await cdp.detach()
  }
}
