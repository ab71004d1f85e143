import { expect, inject, test } from 'vitest'
import { signToken } from '../../src/jwt'
import { runAxe } from './axe'
import { assertOnlyLocalRequests, pagesInOneBrowser } from './browser'

const baseURL = inject('baseURL')
const screens = [
  { name: 'desktop-light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'phone', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { name: 'desktop-dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
] as const

const openPage = pagesInOneBrowser()

test.each(screens)('shows the payload of a pasted token, $name', async ({ name, viewport, colorScheme }) => {
  const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'e2e' }, { text: 'a-demo-secret-of-32-bytes-length' })
  const { page, requests, consoleErrors, pageErrors } = await openPage({ viewport, colorScheme })
  try {
    await page.goto(baseURL)
    await page.getByRole('textbox', { name: 'Encoded token' }).fill(token)
    // Lenient on layout: the payload may be shown compact or pretty-printed.
    await page.getByText(/"sub":\s*"e2e"/).first().waitFor()
    await page.screenshot({ path: `test-results/smoke-${name}.png`, fullPage: true })
    expect(await runAxe(page)).toEqual([])

    expect(consoleErrors).toEqual([])
    expect(pageErrors).toEqual([])
    assertOnlyLocalRequests(requests, baseURL)
  } finally {
    await page.close()
  }
})
