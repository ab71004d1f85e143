/**
 * The first visit: what the page downloads until the example token shows verified, and how long
 * that takes from navigation start.
 */
import type { Browser, Page } from 'playwright-core'
import { newPage } from '../../test/e2e/browser'
import { installProbe } from './probe'
import type { Site } from './site'

export interface FirstLoad {
  /** The page, still open: its context has the service worker installed, as a second visit would. */
  readonly page: Page
  readonly requests: number
  readonly jsCss: { raw: number; gzip: number }
  /** What the service worker fetches after the load to work offline (not on the critical path). */
  readonly precache: { requests: number; gzip: number }
  /** ms from navigation start to "Signature verified" painted. */
  readonly verified: number
  readonly firstContentfulPaint: number
}

const isCode = (path: string) => path.endsWith('.js') || path.endsWith('.css')

function sizeOf(site: Site, urls: readonly string[]) {
  let raw = 0
  let gzip = 0
  for (const url of urls) {
    const size = site.size(new URL(url).pathname)
    if (size) {
      raw += size.raw
      gzip += size.gzip
    }
  }
  return { raw, gzip }
}

/** The page's first visit; the page stays open for the measurements that follow. */
export async function firstLoad(browser: Browser, site: Site): Promise<FirstLoad> {
  const { page, requests } = await newPage(browser)
  const workerRequests: string[] = []
  page.context().on('request', (request) => {
    if (request.serviceWorker()) workerRequests.push(request.url())
  })
  await page.addInitScript(installProbe)
  await page.goto(site.url)
  const verified = await page.evaluate(() => window.__bench.firstVerified.then((seen) => seen.painted))
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  // A second for late requests (icon, manifest), the service worker's precache, and the paint
  // timing entry (it is reported after the frame is presented).
  await page.waitForTimeout(1000)
  const firstContentfulPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
  const pageRequests = [...requests]
  const precached = workerRequests.filter((url) => !url.endsWith('/sw.js'))
  return {
    page,
    requests: pageRequests.length,
    jsCss: sizeOf(site, pageRequests.filter((url) => isCode(new URL(url).pathname))),
    precache: { requests: precached.length, gzip: sizeOf(site, precached).gzip },
    verified,
    firstContentfulPaint,
  }
}
