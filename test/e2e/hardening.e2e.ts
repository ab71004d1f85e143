import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { SignJWT } from 'jose'
import { DEMO_SECRET } from '../../src/state/examples'
import { assertOnlyLocalRequests, pagesInOneBrowser } from './browser'

const baseURL = inject('baseURL')

const openPage = pagesInOneBrowser()

/** Every address the page had and every state it gave the history, recorded in the page. */
interface Navigation {
  urls: string[]
  states: string[]
}

/**
 * A page that also records CSP violations, every request of its context (service worker too),
 * and every address its main frame had: loads, history.pushState/replaceState and hash changes.
 */
async function hardenedPage() {
  const recorded = await openPage()
  const contextRequests: string[] = []
  const frameUrls: string[] = []
  recorded.page.context().on('request', (request) => contextRequests.push(request.url()))
  recorded.page.on('framenavigated', (frame) => {
    if (frame === recorded.page.mainFrame()) frameUrls.push(frame.url())
  })
  await recorded.page.addInitScript(() => {
    const violations: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = violations
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`))

    const navigation: Navigation = { urls: [location.href], states: [] }
    ;(window as unknown as { __navigation: Navigation }).__navigation = navigation
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = History.prototype[method]
      History.prototype[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args)
        navigation.urls.push(location.href)
        navigation.states.push(JSON.stringify(args[0] ?? null))
      }
    }
    addEventListener('hashchange', () => navigation.urls.push(location.href))
    addEventListener('popstate', () => navigation.urls.push(location.href))
  })
  return { ...recorded, contextRequests, frameUrls }
}

/** The text as stored and as a URL carries it (percent-encoded, `+` for a space). */
function readableForms(text: string): string[] {
  try {
    return [text, decodeURIComponent(text.replace(/\+/g, ' '))]
  } catch {
    return [text]
  }
}

/** Fails if `text` holds a private key, a JWK's private member or any of the secrets. */
function expectNoSecret(place: string, text: string, secrets: readonly string[]): void {
  for (const form of readableForms(text)) {
    expect(form, place).not.toMatch(/PRIVATE KEY|"d":|"priv":/)
    for (const secret of secrets) expect(form.includes(secret), `${place} holds a secret or private key`).toBe(false)
  }
}

/** The policy as directive name → sources. */
const directivesOf = (policy: string) =>
  Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  ) as Record<string, string[]>

/** The longest line of a PEM's base64 body: a piece of the key that no page address may carry. */
const pemBodyLine = (pem: string) => pem.split(/\r?\n/).reduce((longest, line) => (!line.startsWith('-----') && line.length > longest.length ? line.trim() : longest), '')

const status = (page: Page) => page.getByRole('status', { name: 'Signature status' })
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })
const verified = (page: Page, message: string) => expect.poll(() => status(page).textContent(), { message, timeout: 20_000 }).toContain('Signature verified')

async function paste(page: Page, name: string, text: string) {
  await field(page, name).selectText()
  await page.keyboard.insertText(text)
}

describe('a strict, private page', () => {
  test('runs every main flow under its CSP with no violation, no console error and no request leaving the page', async () => {
    const { page, requests, contextRequests, frameUrls, consoleErrors, pageErrors } = await hardenedPage()
    try {
      await page.goto(baseURL)
      const historyAtStart = await page.evaluate(() => history.length)

      // The whole policy, exactly: one <meta>, before any script or stylesheet it must govern.
      const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content') ?? ''))
      expect(policies).toHaveLength(1)
      const directives = directivesOf(policies[0]!)
      expect(directives).toEqual({
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'"],
        'font-src': ["'self'"],
        'connect-src': ["'none'"],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'form-action': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
      })
      for (const [name, sources] of Object.entries(directives)) {
        for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'", '*', 'data:', 'blob:', 'http:', 'https:']) {
          expect(sources, `${name} allows ${loose}`).not.toContain(loose)
        }
      }
      const beforePolicy = await page.evaluate(() => {
        const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!
        return [...document.querySelectorAll('script, link, style')].filter((element) => element.compareDocumentPosition(meta) & Node.DOCUMENT_POSITION_FOLLOWING).map((element) => element.outerHTML)
      })
      expect(beforePolicy).toEqual([])

      await verified(page, 'decode and verify the example')
      // Verify and sign with each family, generating its keys in the page; note each secret and
      // private key the page holds, to look for them afterwards wherever the page could keep them.
      const secrets = [DEMO_SECRET]
      for (const alg of ['HS512', 'RS256', 'PS384', 'ES384', 'EdDSA', 'ES256K', 'Ed448', 'ML-DSA-44']) {
        await page.getByRole('combobox', { name: 'Algorithm' }).selectOption(alg)
        await verified(page, alg)
        if (alg === 'HS512') {
          secrets.push(await field(page, 'Secret').inputValue())
        } else {
          await expect.poll(() => field(page, 'Private key').inputValue(), { message: `${alg} private key` }).toContain('PRIVATE KEY')
          secrets.push(pemBodyLine(await field(page, 'Private key').inputValue()))
        }
      }
      expect(secrets.every((secret) => secret.length >= 16)).toBe(true)
      await page.getByRole('combobox', { name: 'Example' }).selectOption('ES512')
      await page.getByRole('button', { name: 'New example' }).click()
      await expect.poll(() => field(page, 'Header').inputValue()).toContain('ES512')
      await verified(page, 'example ES512')
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await page.getByRole('button', { name: 'Copy share link' }).click()
      const shareLink = await page.evaluate(() => navigator.clipboard.readText())
      expect(shareLink).toContain('#token=')
      expectNoSecret('the share link', shareLink, secrets)

      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
      expect(consoleErrors).toEqual([])
      expect(pageErrors).toEqual([])
      assertOnlyLocalRequests([...requests, ...contextRequests], baseURL)

      // Secrets and private keys stay in memory: not in the URL, the history or any storage.
      const stored = await page.evaluate(async () => {
        const databases = 'databases' in indexedDB ? await indexedDB.databases() : []
        const navigation = (window as unknown as { __navigation: Navigation }).__navigation
        return {
          local: JSON.stringify({ ...localStorage }),
          session: JSON.stringify({ ...sessionStorage }),
          url: location.href,
          historyLength: history.length,
          historyState: JSON.stringify(history.state ?? null),
          navigation,
          databases,
        }
      })
      expect(stored.databases).toEqual([])
      expect(stored.session).toBe('{}')
      expectNoSecret('localStorage', stored.local, secrets)
      expectNoSecret('the address', stored.url, secrets)
      // The flows add no history entry, so the history holds only addresses checked here, and the
      // state of the current entry carries nothing either.
      expect(stored.historyLength).toBe(historyAtStart)
      expectNoSecret('history.state', stored.historyState, secrets)
      stored.navigation.states.forEach((state, i) => expectNoSecret(`history state ${i}`, state, secrets))
      expect(frameUrls.length).toBeGreaterThan(0)
      expect(stored.navigation.urls.length).toBeGreaterThan(0)
      for (const url of [...frameUrls, ...stored.navigation.urls]) expectNoSecret(`the address ${url.slice(0, 80)}`, url, secrets)
    } finally {
      await page.context().close()
    }
  }, 120_000)

  test('shows hostile payload values as inert text, with invisible characters made visible', async () => {
    const { page, consoleErrors, pageErrors } = await hardenedPage()
    try {
      await page.goto(baseURL)
      const hostile = {
        sub: '<img src=x onerror="window.__pwned=1">',
        html: '<script>window.__pwned=2</script><b>bold</b>',
        url: 'javascript:window.__pwned=3',
        bidi: 'admin\u202egnp.exe',
        zeroWidth: 'ad\u200bmin',
        // C0 controls (NUL, BEL, ESC starting a terminal colour): JSON must escape them.
        c0: 'bell\u0007null\u0000esc\u001b[31mred',
        // C1 controls and DEL: JSON may carry them raw.
        c1: 'csi\u009b31m del\u007f',
      }
      const token = await new SignJWT(hostile).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-demo-secret-of-32-bytes-length'))
      await paste(page, 'Encoded token', token)
      const table = page.getByRole('table', { name: 'Claims' })
      await expect.poll(() => table.textContent()).toContain('<img src=x onerror=')
      expect(await table.textContent()).toContain('admin⟨U+202E⟩gnp.exe')
      expect(await table.textContent()).toContain('ad⟨U+200B⟩min')
      // A claim value is shown as JSON: C0 controls as JSON's escapes, the rest by name.
      expect(await table.textContent()).toContain(String.raw`bell\u0007null\u0000esc\u001b[31mred`)
      expect(await table.textContent()).toContain('csi⟨U+009B⟩31m del⟨U+007F⟩')
      // eslint-disable-next-line no-control-regex -- no control character may reach the screen unseen
      expect(await table.textContent()).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/)
      expect(await field(page, 'Payload').inputValue()).toContain(String.raw`"c0":"bell\u0007null\u0000esc\u001b[31mred"`)
      const problems = await page.getByRole('list', { name: 'Problems in the token' }).textContent()
      expect(problems).toContain('direction-changing')
      expect(problems).toContain('U+009B')
      expect(problems).toContain('U+007F')
      await page.waitForTimeout(300)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
      expect(await page.locator('img[src="x"], b').count()).toBe(0)
      expect(consoleErrors).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await page.context().close()
    }
  })

  test('decodes and verifies a token with an 8 MB payload in a worker, showing a bounded view', async () => {
    const { page, consoleErrors, pageErrors } = await hardenedPage()
    try {
      await page.goto(baseURL)
      const secret = new TextEncoder().encode('a-demo-secret-of-32-bytes-length')
      const token = await new SignJWT({ sub: 'big', data: 'x'.repeat(8_000_000) }).setProtectedHeader({ alg: 'HS256' }).sign(secret)
      await paste(page, 'Secret', 'a-demo-secret-of-32-bytes-length')
      await field(page, 'Encoded token').focus()
      // A real paste event: the page keeps megabytes in memory instead of in the field.
      await page.evaluate((text) => {
        const data = new DataTransfer()
        data.setData('text/plain', text)
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
      }, token)
      await expect.poll(() => field(page, 'Header').inputValue(), { timeout: 30_000 }).toBe('{"alg":"HS256"}')
      expect(await field(page, 'Encoded token').inputValue()).toContain('characters not shown')
      expect(await field(page, 'Payload').inputValue()).toMatch(/^\{"sub":"big","data":"x{100}/)
      await verified(page, 'the 8 MB token')
      expect(consoleErrors).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await page.context().close()
    }
  }, 120_000)

  test('works offline after the first visit', async () => {
    const { page, contextRequests } = await hardenedPage()
    try {
      await page.goto(baseURL)
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready
        if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
      })
      await page.context().setOffline(true)
      await page.reload()
      await verified(page, 'the example, offline')
      // A token with a lazily loaded algorithm still verifies: its code was cached too.
      await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('ES256K')
      await verified(page, 'ES256K offline')
      assertOnlyLocalRequests(contextRequests, baseURL)
    } finally {
      await page.context().close()
    }
  })
})
