import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { encodeBase64url } from '../../src/jwt'
import { memberAt, tokenCharsForJson } from '../../src/jwt/mapping'
import type { Range } from '../../src/jwt/types'
import { runAxe } from './axe'
import { assertOnlyLocalRequests, launchBrowser, newPage, pagesInOneBrowser } from './browser'

const baseURL = inject('baseURL')
const b64url = (text: string) => encodeBase64url(new TextEncoder().encode(text))
const HEADER = '{"alg":"HS256","typ":"JWT"}'
const PAYLOAD = '{"sub":"e2e","name":"Zoë","exp":1900000000,"iat":1700000000}'
const TOKEN = `${b64url(HEADER)}.${b64url(PAYLOAD)}.c2lnbmF0dXJl`
const SEGMENT: Range = [b64url(HEADER).length + 1, b64url(HEADER).length + 1 + b64url(PAYLOAD).length]

const openPage = pagesInOneBrowser()

/** The centre of a character of a field's coloured layer, on screen. */
function characterCentre(page: Page, name: string, offset: number) {
  return page.getByRole('textbox', { name }).evaluate((field, at) => {
    const layer = field.parentElement!.querySelector('pre')!
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT)
    let start = 0
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (at < start + node.data.length) {
        const range = document.createRange()
        range.setStart(node, at - start)
        range.setEnd(node, at - start + 1)
        const box = range.getBoundingClientRect()
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      }
      start += node.data.length
    }
    throw new Error(`no character at ${at}`)
  }, offset)
}

/** The marked characters of a field's layer: each mark's kind and token range, and its text. */
function marks(page: Page, name: string) {
  return page.getByRole('textbox', { name }).evaluate((field) => {
    const found: { kind: string; range: [number, number]; text: string }[] = []
    let offset = 0
    for (const span of field.parentElement!.querySelectorAll('pre span')) {
      const text = span.textContent ?? ''
      const kind = span.getAttribute('data-linked')
      if (kind) found.push({ kind, range: [offset, offset + text.length], text })
      offset += text.length
    }
    return found
  })
}

test('hovering the "exp" claim in the Payload editor highlights exactly the token characters that carry it', async () => {
  const { page, requests, consoleErrors, pageErrors } = await openPage()
  try {
    await page.goto(baseURL)
    await page.getByRole('textbox', { name: 'Encoded token' }).fill(TOKEN)
    await page.getByText(/"exp":\s*1900000000/).first().waitFor()

    const over = PAYLOAD.indexOf('"exp"') + 2
    const { x, y } = await characterCentre(page, 'Payload', over)
    await page.mouse.move(x, y)
    await page.getByRole('figure', { name: /How base64url works/ }).waitFor()

    const expected = tokenCharsForJson(SEGMENT, PAYLOAD, memberAt(PAYLOAD, over)!.range)
    const found = await marks(page, 'Encoded token')
    const ranges = (kind: string) =>
      found
        .filter((m) => m.kind === kind)
        .reduce<Range[]>((all, m) => (all.at(-1)?.[1] === m.range[0] ? [...all.slice(0, -1), [all.at(-1)![0], m.range[1]]] : [...all, m.range]), [])
    expect(ranges('full')).toEqual([expected.full])
    expect(ranges('partial')).toEqual([expected.partialStart, expected.partialEnd].filter((c) => c !== undefined).map((c) => [c, c + 1]))
    for (const m of found) expect(m.text).toBe(TOKEN.slice(...m.range))

    await page.screenshot({ path: 'test-results/linked-hover.png', fullPage: true })
    expect(await runAxe(page)).toEqual([])

    await page.mouse.move(1, 1)
    await page.getByRole('figure', { name: /How base64url works/ }).waitFor({ state: 'detached' })
    expect(await marks(page, 'Encoded token')).toEqual([])

    expect(consoleErrors).toEqual([])
    expect(pageErrors).toEqual([])
    assertOnlyLocalRequests(requests, baseURL)
  } finally {
    await page.close()
  }
})

test('where scrollbars take room, the coloured text of a long token and payload wraps line for line with the text being edited', async () => {
  const browser = await launchBrowser([], { scrollbars: true })
  try {
    const { page, pageErrors } = await newPage(browser)
    await page.goto(baseURL)
    const payload = JSON.stringify({ sub: 'e2e', note: 'wraps '.repeat(1500), list: Array.from({ length: 200 }, (_, i) => i) }, null, 2)
    const token = `${b64url(HEADER)}.${b64url(payload)}.c2lnbmF0dXJl`
    await page.getByRole('textbox', { name: 'Encoded token' }).fill(token)
    await page.getByRole('textbox', { name: 'Payload' }).fill(payload)
    for (const name of ['Encoded token', 'Payload']) {
      const boxes = await page.getByRole('textbox', { name }).evaluate((field: HTMLTextAreaElement) => {
        const layer = field.parentElement!.querySelector('pre')!
        return { scrollbar: field.offsetWidth - field.clientWidth, field: [field.clientWidth, field.scrollHeight], layer: [layer.clientWidth, layer.scrollHeight] }
      })
      // Two pixels are the border: more means the field's scrollbar takes room, as the test needs.
      expect(boxes.scrollbar, name).toBeGreaterThan(2)
      expect(boxes.layer, name).toEqual(boxes.field)
    }
    expect(pageErrors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('a long token pasted over the example is coloured where the field scrolled to, at its end', async () => {
  const { page, pageErrors } = await openPage()
  try {
    await page.goto(baseURL)
    const payload = JSON.stringify({ sub: 'e2e', note: 'scrolled '.repeat(7000) })
    const token = `${b64url(HEADER)}.${b64url(payload)}.c2lnbmF0dXJl`
    const field = page.getByRole('textbox', { name: 'Encoded token' })
    await field.focus()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText(token)
    // Drawn in two frames: the colour layer comes with the second.
    await page.waitForFunction(() => document.querySelector('textarea[aria-busy]') === null)
    const scrolled = await field.evaluate((area: HTMLTextAreaElement) => ({ field: area.scrollTop, layer: area.parentElement!.querySelector('pre')!.scrollTop }))
    expect(scrolled.field).toBeGreaterThan(1000)
    expect(scrolled.layer).toBe(scrolled.field)
    expect(pageErrors).toEqual([])
  } finally {
    await page.close()
  }
})
