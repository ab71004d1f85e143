import { expect, inject, test } from 'vitest'
import { assertOnlyLocalRequests, pagesInOneBrowser } from './browser'

const baseURL = inject('baseURL')

const openPage = pagesInOneBrowser()

test('switches to Simplified Chinese, keeps it across a reload, and sends nothing', async () => {
  const { page, requests, consoleErrors, pageErrors } = await openPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })
  try {
    await page.goto(baseURL)
    await expect.poll(() => page.getByRole('status', { name: 'Signature status' }).textContent()).toContain('Signature verified')

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
    await expect.poll(() => page.getByRole('status', { name: '签名状态' }).textContent()).toContain('签名已验证')
    await page.getByRole('textbox', { name: '编码后的令牌' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')

    await page.reload()
    await expect.poll(() => page.getByRole('status', { name: '签名状态' }).textContent()).toContain('签名已验证')
    expect(await page.getByRole('combobox', { name: '语言' }).inputValue()).toBe('zh-CN')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    await page.screenshot({ path: 'test-results/language-zh-CN.png', fullPage: true })

    expect(consoleErrors).toEqual([])
    expect(pageErrors).toEqual([])
    assertOnlyLocalRequests(requests, baseURL)
  } finally {
    await page.close()
  }
}, 60_000)
