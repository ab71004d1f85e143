/**
 * The e2e harness's browser: the system's Chromium (Playwright's own download is unreachable),
 * driven by playwright-core, with every host but loopback unresolvable.
 */
import { accessSync, constants } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
]

const ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Nothing reaches another host; the attempt still shows in Playwright's `request` events.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The Chromium to drive: $CHROMIUM_PATH (or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH), else a usual install path. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH || env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH
  if (fromEnv) {
    // A path given on purpose is used or reported, never silently replaced by another browser.
    if (!isExecutable(fromEnv)) throw new Error(`No Chromium found: ${fromEnv} (from the environment) is not an executable file`)
    return fromEnv
  }
  const found = CANDIDATES.find(isExecutable)
  if (!found) throw new Error('No Chromium found: set CHROMIUM_PATH or install Debian\'s chromium (apt-get install -y chromium)')
  return found
}

/** The flags every launch uses (the benchmark's Lighthouse run adds its own after them). */
export function chromiumArgs(): string[] {
  // Chromium will not run as root with its sandbox. (Playwright adds --no-sandbox anyway unless
  // chromiumSandbox is set; saying it here keeps the reason visible.)
  return process.getuid?.() === 0 ? ['--no-sandbox', ...ARGS] : [...ARGS]
}

/**
 * Headless Chromium, in a fresh temporary profile; close it in afterAll. Headless hides scrollbars
 * (Playwright passes --hide-scrollbars); `scrollbars` keeps them, taking room as they do on
 * Windows and Linux desktops.
 */
export function launchBrowser(extraArgs: readonly string[] = [], { scrollbars = false } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...chromiumArgs(), ...extraArgs], ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : undefined })
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
}

/** A page and what it did: every request URL, console error and uncaught error, in order. */
export interface RecordedPage {
  page: Page
  requests: string[]
  consoleErrors: string[]
  pageErrors: string[]
}

/** A page in its own browser context (closing the page closes the context), recording as it goes. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<RecordedPage> {
  const page = await browser.newPage({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  })
  // Below the 60 s test timeout, so a missing element fails with Playwright's message, not vitest's.
  page.setDefaultTimeout(15_000)
  const recorded: RecordedPage = { page, requests: [], consoleErrors: [], pageErrors: [] }
  page.on('request', (request) => recorded.requests.push(request.url()))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url, lineNumber } = message.location()
    recorded.consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text())
  })
  page.on('pageerror', (error) => recorded.pageErrors.push(error.stack ?? String(error)))
  return recorded
}

/**
 * One browser for the test file that calls this (launched before its tests, closed after them),
 * and a function that opens a recorded page in it, each in a fresh context.
 */
export function pagesInOneBrowser(): (options?: PageOptions) => Promise<RecordedPage> {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return (options) => {
    if (!browser) throw new Error('pagesInOneBrowser: no browser yet (open pages inside tests)')
    return newPage(browser, options)
  }
}

/** Throws, listing them, if any request went anywhere but `origin` (data: URLs never leave the page). */
export function assertOnlyLocalRequests(requests: readonly string[], origin: string): void {
  const expected = new URL(origin).origin
  // blob: URLs carry their creator's origin (`blob:http://127.0.0.1:4173/…`), which URL#origin reads.
  const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== expected)
  if (foreign.length > 0) {
    throw new Error(`${foreign.length} request(s) left ${expected}:\n${foreign.map((url) => `  ${url}`).join('\n')}`)
  }
}
