/**
 * The page in real Chromium: the production build served on loopback, driven by Playwright in a
 * fresh browser (fresh profile) per run, timed inside the page. Prints one table and writes it to
 * bench/results-page.md and bench/results.md. Not part of `npm test`: timings are noisy.
 *
 * BENCH_RUNS (default 5) and BENCH_LIGHTHOUSE_RUNS (default 3) set the number of runs;
 * BENCH_ONLY=paste,keystroke (any of load, paste, keystroke, verify, lighthouse) measures only
 * those, for profiling one thing (the first load always runs: it opens the page).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { launchBrowser } from '../../test/e2e/browser'
import { writeResults } from '../results'
import { lighthouseScores } from './lighthouse'
import { blankPaint, firstLoad, htmlOnlyPaint } from './load'
import { measureKeystrokeFloor, measureKeystrokes, measurePaste } from './paste'
import { buildRows, notesOf, PASTES, type Samples } from './rows'
import { pageTable } from './report'
import { buildAndServe, type Site } from './site'
import { measureVerify, VERIFY_ALGS } from './verify'
import { untilBrowserIdle } from './visit'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)
const ONLY = process.env.BENCH_ONLY?.split(',')
const wanted = (part: string) => !ONLY || ONLY.includes(part)
const KEYSTROKES = 10
const VERIFY_TRIALS = 9
const VISITS_PER_RUN = 3

let site: Site
beforeAll(async () => {
  site = await buildAndServe()
}, 300_000)
afterAll(async () => {
  await site?.close()
})

const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value])

async function measureRun(browser: Browser, run: number, samples: Samples): Promise<void> {
  // A first visit is over in half a second, so one per run is at the mercy of the neighbours: a
  // few, each in a fresh context and each beside its floors, steady the median. The first stays
  // open for the measurements that follow.
  let page: Page | undefined
  for (let visit = 0; visit < VISITS_PER_RUN; visit++) {
    const { page: visited, ...load } = await firstLoad(browser, site)
    if (page) await visited.context().close()
    else page = visited
    samples.loads.push(load)
    samples.htmlOnlyPaints.push(await htmlOnlyPaint(browser, site))
    samples.blankPaints.push(await blankPaint(browser, site))
  }
  if (!page) throw new Error('no first visit (VISITS_PER_RUN is 0)')
  // As earlier stops measured it: the navigation shares the cores with the new window's own UI.
  await untilBrowserIdle(browser)
  const { page: busy, verified } = await firstLoad(browser, site, { busyBrowser: true })
  await busy.context().close()
  samples.busyBrowserVerified.push(verified)
  // The other contexts' windows are closed; what the browser does for that is not the page's.
  await untilBrowserIdle(browser)
  const secret = await page.evaluate(() => window.__bench.field('Secret').value)
  for (const paste of wanted('paste') ? PASTES : []) {
    for (const method of paste.methods) {
      for (let trial = 0; trial < paste.trials; trial++) {
        const marker = `${run}-${trial}-${paste.bytes}-${paste.shape}-${method}`
        push(samples.pastes, `${paste.label}|${method}`, await measurePaste(page, site.url, secret, marker, paste.bytes, paste.shape, method))
      }
    }
  }
  if (wanted('keystroke')) {
    samples.keystrokes.push(...(await measureKeystrokes(page, site.url, secret, `${run}-keys`, 10_000, KEYSTROKES)))
    samples.keystrokeFloor.push(...(await measureKeystrokeFloor(page, site.url, 10_000, KEYSTROKES)))
  }
  for (const alg of wanted('verify') ? VERIFY_ALGS : []) push(samples.verify, alg, await measureVerify(page, site.url, alg, String(run), VERIFY_TRIALS))
}

it('measures the page in Chromium', async () => {
  const samples: Samples = { loads: [], htmlOnlyPaints: [], blankPaints: [], busyBrowserVerified: [], pastes: new Map(), keystrokes: [], keystrokeFloor: [], verify: new Map(), lighthouse: [] }
  let chromium = ''
  for (let run = 1; run <= RUNS; run++) {
    const browser = await launchBrowser()
    chromium = browser.version()
    try {
      await measureRun(browser, run, samples)
    } finally {
      await browser.close()
    }
    console.log(`page benchmark: run ${run} of ${RUNS} done`)
  }
  try {
    for (let run = 1; run <= (wanted('lighthouse') ? LIGHTHOUSE_RUNS : 0); run++) samples.lighthouse.push(await lighthouseScores(site.url))
  } catch (error) {
    samples.lighthouseError = `${error instanceof Error ? error.message : String(error)}`.replace(/\|/g, '/')
  }

  const heading = `## Page benchmark: Chromium ${chromium}, headless, ${RUNS} runs (first visits: ${RUNS * VISITS_PER_RUN}; Lighthouse: ${LIGHTHOUSE_RUNS})`
  const text = `${heading}\n\n${pageTable(buildRows(samples))}\n\n${notesOf(samples)}\n`
  console.log(`\n${text}`)
  writeResults('page', text)
}, 3_600_000)
