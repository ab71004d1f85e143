import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { verifyToken, type KeyInput } from '../../src/jwt'
import { runAxe } from './axe'
import { assertOnlyLocalRequests, pagesInOneBrowser, type PageOptions, type RecordedPage } from './browser'

const baseURL = inject('baseURL')

const openPage = pagesInOneBrowser()

/** Opens the page with the key workbench open, runs the flow, then checks nothing went wrong or left localhost. */
async function withWorkbench(flow: (page: Page, recorded: RecordedPage) => Promise<void>, options: PageOptions = {}) {
  const recorded = await openPage(options)
  try {
    await recorded.page.goto(baseURL)
    await recorded.page.getByRole('heading', { name: 'Key workbench' }).click()
    await recorded.page.getByRole('textbox', { name: 'Key to inspect', exact: true }).waitFor()
    await flow(recorded.page, recorded)
    expect(recorded.consoleErrors).toEqual([])
    expect(recorded.pageErrors).toEqual([])
    assertOnlyLocalRequests(recorded.requests, baseURL)
  } finally {
    await recorded.page.context().close()
  }
}

const status = (page: Page) => page.getByRole('status', { name: 'Signature status' })
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })

async function generate(page: Page, alg: string) {
  await page.getByRole('combobox', { name: 'Key algorithm' }).selectOption(alg)
  await page.getByRole('button', { name: 'Generate key' }).click()
  await page.getByRole('button', { name: 'Use to sign' }).waitFor({ timeout: 30_000 })
}

const segment = (token: string, i: number) => JSON.parse(Buffer.from(token.split('.')[i]!, 'base64url').toString()) as Record<string, unknown>

describe('the key workbench in Chromium', () => {
  test.each([
    ['HMAC', 'HS256'],
    ['RSA', 'RS256'],
    ['RSA-PSS', 'PS256'],
    ['ECDSA P-256', 'ES256'],
    ['EdDSA Ed25519', 'EdDSA'],
    ['ECDSA secp256k1', 'ES256K'],
    ['EdDSA Ed448', 'Ed448'],
    ['ML-DSA-44', 'ML-DSA-44'],
  ])('%s: generates a key, uses it to sign, and the token re-signed on edit verifies', async (_family, alg) => {
    await withWorkbench(async (page) => {
      await generate(page, alg)
      const hmac = alg.startsWith('HS')
      const key: KeyInput = hmac ? { text: await field(page, 'Generated secret').inputValue(), encoding: 'base64url', format: 'secret' } : { text: await field(page, 'Generated public key').inputValue() }
      await page.getByRole('button', { name: 'Use to sign' }).click()
      expect(await page.getByRole('combobox', { name: 'Algorithm', exact: true }).inputValue()).toBe(alg)
      expect(await field(page, hmac ? 'Secret' : 'Public key').inputValue()).toBe(key.text)
      await expect.poll(() => status(page).textContent(), { message: `${alg} after Use to sign`, timeout: 20_000 }).toContain('Signature verified')

      // Edit the payload: the page re-signs with the generated key and verifies again.
      const payload = field(page, 'Payload')
      await payload.press('Control+End')
      await payload.press('Backspace')
      await page.keyboard.insertText(`,"signed_by":"workbench ${alg}"}`)
      await expect.poll(async () => segment(await field(page, 'Encoded token').inputValue(), 1).signed_by, { timeout: 20_000 }).toBe(`workbench ${alg}`)
      await expect.poll(() => status(page).textContent(), { message: `${alg} after editing`, timeout: 20_000 }).toContain('Signature verified')

      // The token really is signed by the generated key: Node verifies it with that key alone.
      const token = await field(page, 'Encoded token').inputValue()
      expect(segment(token, 0).alg).toBe(alg)
      expect(await verifyToken(token, key)).toMatchObject({ valid: true, alg })
    })
  }, 60_000)

  test('shows progress while a 4096-bit RSA key is made, and downloads it as a file made in the page', async () => {
    await withWorkbench(async (page) => {
      await page.getByRole('combobox', { name: 'Key algorithm' }).selectOption('RS512')
      await page.getByRole('combobox', { name: 'RSA key size' }).selectOption('4096')
      await page.getByRole('button', { name: 'Generate key' }).click()
      await page.getByRole('progressbar', { name: 'Generating an RSA 4096-bit key' }).waitFor()
      await page.getByRole('button', { name: 'Use to sign' }).waitFor({ timeout: 30_000 })
      expect(await page.getByRole('progressbar').count()).toBe(0)

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download generated public key as RS512-public.pem' }).click()])
      expect(download.suggestedFilename()).toBe('RS512-public.pem')
      expect(download.url()).toMatch(/^blob:/)
      expect(await readFile((await download.path())!, 'utf8')).toBe(await field(page, 'Generated public key').inputValue())
      await page.getByRole('button', { name: 'Inspect and convert' }).click()
      await expect.poll(() => page.getByRole('status', { name: 'What the key is' }).textContent()).toBe('RSA 4096-bit private key, PKCS#8 PEM')
    })
  }, 60_000)

  test('keeps generated private keys and secrets out of the URL and storage', async () => {
    await withWorkbench(async (page) => {
      await generate(page, 'ES256')
      await page.getByRole('button', { name: 'Use to sign' }).click()
      await generate(page, 'HS256')
      const secret = await field(page, 'Generated secret').inputValue()
      await page.getByRole('button', { name: 'Inspect and convert' }).click()
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href)
      expect(stored).not.toContain('PRIVATE')
      expect(stored).not.toContain(secret)
    })
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no accessibility violations with the workbench in use, ${colorScheme} theme`, async () => {
      await withWorkbench(
        async (page) => {
          await generate(page, 'RS256')
          await page.getByRole('button', { name: 'Inspect and convert' }).click()
          await page.getByRole('checkbox', { name: 'kid: RFC 7638 thumbprint' }).check()
          await page.getByRole('button', { name: 'Add public key to JWK set' }).click()
          await expect.poll(() => field(page, 'JWK set').inputValue()).toContain('"kid"')
          expect(await runAxe(page)).toEqual([])
          await page.screenshot({ path: `test-results/key-workbench-${colorScheme}.png`, fullPage: true })
        },
        { colorScheme },
      )
    }, 60_000)
  }
})
