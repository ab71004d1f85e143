/** Helpers every page measurement shares: a fresh visit, waiting for quiet, long tasks in a window. */
import type { Page } from 'playwright-core'

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
