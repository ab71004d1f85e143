import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { SignJWT } from 'jose'
import { assertOnlyLocalRequests, launchBrowser, newPage } from './browser'

const baseURL = inject('baseURL')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A page that also records CSP violations and every request of its context (service worker too). */
async function hardenedPage() {
  const recorded = await newPage(browser)
  const contextRequests: string[] = []
  recorded.page.context().on('request', (request) => contextRequests.push(request.url()))
  await recorded.page.addInitScript(() => {
    const violations: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = violations
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`))
  })
  return { ...recorded, contextRequests }
}

const status = (page: Page) => page.getByRole('status', { name: 'Signature status' })
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })
const verified = (page: Page, message: string) => expect.poll(() => status(page).textContent(), { message, timeout: 20_000 }).toContain('Signature verified')

async function paste(page: Page, name: string, text: string) {
  await field(page, name).selectText()
  await page.keyboard.insertText(text)
}

describe('a strict, private page', () => {
  test('runs every main flow under its CSP with no violation, no console error and no request leaving the page', async () => {
    const { page, requests, contextRequests, consoleErrors, pageErrors } = await hardenedPage()
    try {
      await page.goto(baseURL)
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
      expect(csp).toContain("connect-src 'none'")
      expect(csp).toContain("default-src 'none'")
      await verified(page, 'decode and verify the example')
      // Verify and sign with each family, generating its keys in the page.
      for (const alg of ['HS512', 'RS256', 'PS384', 'ES384', 'EdDSA', 'ES256K', 'Ed448', 'ML-DSA-44']) {
        await page.getByRole('combobox', { name: 'Algorithm' }).selectOption(alg)
        await verified(page, alg)
      }
      await page.getByRole('combobox', { name: 'Example' }).selectOption('ES512')
      await page.getByRole('button', { name: 'New example' }).click()
      await expect.poll(() => field(page, 'Header').inputValue()).toContain('ES512')
      await verified(page, 'example ES512')
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await page.getByRole('button', { name: 'Copy share link' }).click()
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('#token=')

      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
      expect(consoleErrors).toEqual([])
      expect(pageErrors).toEqual([])
      assertOnlyLocalRequests([...requests, ...contextRequests], baseURL)

      // Secrets and private keys stay in memory: not in the URL, the history or any storage.
      const stored = await page.evaluate(async () => {
        const databases = 'databases' in indexedDB ? await indexedDB.databases() : []
        return { local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), url: location.href, history: history.length, databases }
      })
      expect(stored.databases).toEqual([])
      expect(stored.session).toBe('{}')
      for (const place of [stored.local, stored.url]) {
        expect(place).not.toMatch(/PRIVATE KEY|demo-secret|"d":|"priv":/)
      }
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
      }
      const token = await new SignJWT(hostile).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-demo-secret-of-32-bytes-length'))
      await paste(page, 'Encoded token', token)
      const table = page.getByRole('table', { name: 'Claims' })
      await expect.poll(() => table.textContent()).toContain('<img src=x onerror=')
      expect(await table.textContent()).toContain('admin⟨U+202E⟩gnp.exe')
      expect(await table.textContent()).toContain('ad⟨U+200B⟩min')
      expect(await page.getByRole('list', { name: 'Problems in the token' }).textContent()).toContain('direction-changing')
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
