/**
 * The first visit: what the page downloads until the example token shows verified and in the
 * second after, and how long the verdict takes from navigation start. Also the browser's floors
 * for that: the same prerendered page with its scripts refused, and a one-line page, to their
 * first paint.
 */
import type { Browser, Page } from 'playwright-core'
import { newPage } from '../../test/e2e/browser'
import { installProbe } from './probe'
import type { Site } from './site'
import { untilBrowserIdle } from './visit'

export interface FirstLoad {
  /** The page, still open: its context has the service worker installed, as a second visit would. */
  readonly page: Page
  readonly requests: number
  /** JavaScript and CSS requested before the example showed verified: what the verdict waits for. */
  readonly critical: Weight
  /** Requested after it, within a second (panels that load when idle, hover help). */
  readonly afterVerdict: Weight
  /** What the service worker fetches after the load to work offline (not on the critical path). */
  readonly precache: { requests: number; gzip: number }
  /** ms from navigation start to "Signature verified" painted. */
  readonly verified: number
  readonly firstContentfulPaint: number
}

interface Weight {
  readonly raw: number
  readonly gzip: number
  readonly requests: number
}

const isCode = (url: string) => /\.(js|css)$/.test(new URL(url).pathname)

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
  return { raw, gzip, requests: urls.length }
}

/**
 * The page's first visit; the page stays open for the measurements that follow. It starts once
 * the browser is idle, unless `busyBrowser` (then at once, as the new window's own UI loads).
 */
export async function firstLoad(browser: Browser, site: Site, { busyBrowser = false } = {}): Promise<FirstLoad> {
  const { page, requests } = await newPage(browser)
  const workerRequests: string[] = []
  page.context().on('request', (request) => {
    if (request.serviceWorker()) workerRequests.push(request.url())
  })
  await page.addInitScript(installProbe)
  if (!busyBrowser) await untilBrowserIdle(browser)
  await page.goto(site.url)
  const { verified, shown } = await page.evaluate(() => window.__bench.firstVerified.then((seen) => ({ verified: seen.painted, shown: seen.shown })))
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  // A second for late requests (icon, manifest), the service worker's precache, and the paint
  // timing entry (it is reported after the frame is presented).
  await page.waitForTimeout(1000)
  const firstContentfulPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
  const pageRequests = [...requests]
  // Resource timing shares the page's clock with the verdict; the service worker's own fetches are not in it.
  const before = new Set(await page.evaluate((shown) => performance.getEntriesByType('resource').filter((entry) => entry.startTime <= shown).map((entry) => entry.name), shown))
  const code = pageRequests.filter(isCode)
  const precached = workerRequests.filter((url) => !url.endsWith('/sw.js'))
  return {
    page,
    requests: pageRequests.length,
    critical: sizeOf(site, code.filter((url) => before.has(url))),
    afterVerdict: sizeOf(site, code.filter((url) => !before.has(url))),
    precache: { requests: precached.length, gzip: sizeOf(site, precached).gzip },
    verified,
    firstContentfulPaint,
  }
}

/** A fresh context set up by `prepare` (its routes), opened once the browser is idle: ms to its first contentful paint. */
async function firstPaintOf(browser: Browser, site: Site, prepare: (page: Page) => Promise<unknown>): Promise<number> {
  const { page } = await newPage(browser)
  try {
    await prepare(page)
    await untilBrowserIdle(browser)
    await page.goto(site.url)
    await page.waitForTimeout(500)
    return await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
  } finally {
    await page.context().close()
  }
}

/**
 * The floor under "navigation start → verified": this page's prerendered HTML and CSS with every
 * script refused, from navigation start to its first contentful paint (ms), in a fresh context.
 */
export const htmlOnlyPaint = (browser: Browser, site: Site) => firstPaintOf(browser, site, (page) => page.route(/\.js($|\?)/, (route) => route.abort()))

/**
 * What the browser costs before any page of ours: a one-line page at the same address (answered by
 * the route, as the floor above is routed too), from navigation start to its first contentful paint.
 */
export const blankPaint = (browser: Browser, site: Site) =>
  firstPaintOf(browser, site, (page) => page.route(site.url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Blank</title><p>JWT Debugger</p></html>' })))
