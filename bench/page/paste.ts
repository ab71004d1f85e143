/**
 * Paste-to-decoded and keystroke latency, timed inside the page: from the moment the field is
 * given new text to the end of the frame that shows the new header and payload.
 */
import type { Page } from 'playwright-core'
import { freshVisit, longestTask, settle, waitSettled } from './visit'
import { hs256Token, keystrokeIn, payloadOf, type BenchToken, type PayloadShape } from './tokens'

/**
 * `paste`: a ClipboardEvent('paste') carrying the text on the focused field, as a person's paste
 * fires; when the page does not take it over (tokens up to 200 KB), the browser's own insertion
 * follows (execCommand('insertText')). `insertText`: Playwright's keyboard.insertText (CDP
 * Input.insertText), which fires a trusted `input` event.
 */
export type PasteMethod = 'paste' | 'insertText'

export interface Timed {
  /** ms to the frame that shows the new content. */
  readonly shown: number
  /** ms to the same for "Signature verified". */
  readonly verified: number
  /** ms to the frame that draws every field whole and coloured (a large paste takes two frames). */
  readonly complete?: number
  /** ms of the longest main-thread task from the input until quiet after the verdict; 0 if under 50. */
  readonly longestTask: number
  /** ms to the DOM change itself, before that frame's layout and paint (keystrokes only). */
  readonly work?: number
}

export async function measurePaste(page: Page, url: string, secret: string, marker: string, bytes: number, shape: PayloadShape, method: PasteMethod): Promise<Timed> {
  const token = hs256Token(marker, payloadOf(marker, bytes, shape), secret)
  await freshVisit(page, url)
  // Handing megabytes to the page is a task of its own, before the clock starts.
  await page.evaluate(({ text, method }) => {
    window.__bench.stash.text = text
    if (method === 'paste') {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      window.__bench.stash.clipboard = data
    }
  }, { text: token.token, method })
  await settle(page)

  await armPaste(page, token)
  if (method === 'paste') await page.evaluate(pasteIntoToken)
  else await page.keyboard.insertText(token.token)
  const timed = await page.evaluate(() => window.__bench.stash.pending as Promise<{ t0: number; shown: number; verified: number; complete: number }>)
  const end = await waitSettled(page, 500)
  const result = { shown: timed.shown - timed.t0, verified: timed.verified - timed.t0, complete: timed.complete - timed.t0, longestTask: await longestTask(page, timed.t0, end) }
  await page.evaluate(() => {
    window.__bench.stash = {}
  })
  return result
}

/** Focuses and selects the token field, and starts watching for this token's header and payload. */
function armPaste(page: Page, token: BenchToken): Promise<void> {
  return page.evaluate(({ header, payloadStart }) => {
    const bench = window.__bench
    const field = bench.field('Encoded token')
    field.focus()
    field.select()
    const stash = bench.stash
    // Whichever starts the change first sets the clock: the paste event, or insertText's beforeinput.
    const start = () => (stash.t0 ??= performance.now())
    field.addEventListener('beforeinput', (event) => (stash.t0 ??= event.timeStamp), { once: true, capture: true })
    stash.start = start
    const isShown = () => bench.field('Header').value === header && bench.field('Payload').value.startsWith(payloadStart)
    const shown = bench.when(isShown)
    const verified = bench.when(() => isShown() && bench.isVerified())
    // A field in the first frame of a large change says it is busy (HighlightedTextarea).
    const complete = bench.when(() => isShown() && !document.querySelector('textarea[aria-busy]'))
    stash.pending = Promise.all([shown, verified, complete]).then(([s, v, c]) => ({ t0: stash.t0 as number, shown: s.painted, verified: v.painted, complete: c.painted }))
  }, { header: token.header, payloadStart: token.payloadStart })
}

/** A person's paste: the event first; the browser inserts the text only if the page lets it. */
function pasteIntoToken(): void {
  const { stash } = window.__bench
  const field = document.activeElement as HTMLTextAreaElement
  ;(stash.start as () => number)()
  const event = new ClipboardEvent('paste', { clipboardData: stash.clipboard as DataTransfer, bubbles: true, cancelable: true })
  field.dispatchEvent(event)
  if (!event.defaultPrevented) document.execCommand('insertText', false, stash.text as string)
}

/**
 * One character typed over a selected one in a token of about `bytes`, from the keydown event to
 * the frame showing the changed payload; `count` keystrokes, each after the last one's verdict.
 */
export async function measureKeystrokes(page: Page, url: string, secret: string, marker: string, bytes: number, count: number): Promise<Timed[]> {
  const token = hs256Token(marker, payloadOf(marker, bytes, 'string'), secret)
  const edit = keystrokeIn(token.token)
  await freshVisit(page, url)
  await page.evaluate((text) => window.__bench.setField('Encoded token', text), token.token)
  await waitSettled(page)
  const results: Timed[] = []
  for (let i = 0; i < count; i++) {
    const typed = i % 2 === 0 ? edit.to : edit.from
    const payloadStart = i % 2 === 0 ? edit.payloadStartAfter : edit.payloadStartBefore
    await page.evaluate(({ at, payloadStart }) => {
      const bench = window.__bench
      const field = bench.field('Encoded token')
      field.focus()
      field.setSelectionRange(at, at + 1)
      const stash = (bench.stash = {} as Record<string, unknown>)
      field.addEventListener('keydown', (event) => (stash.t0 = event.timeStamp), { once: true, capture: true })
      const shown = bench.when(() => bench.field('Payload').value.startsWith(payloadStart))
      stash.pending = shown.then((seen) => ({ t0: stash.t0 as number, shown: seen.painted, work: seen.shown }))
    }, { at: edit.at, payloadStart })
    await page.keyboard.press(typed)
    const timed = await page.evaluate(() => window.__bench.stash.pending as Promise<{ t0: number; shown: number; work: number }>)
    const end = await waitSettled(page, 150)
    results.push({ shown: timed.shown - timed.t0, work: timed.work - timed.t0, verified: NaN, longestTask: await longestTask(page, timed.t0, end) })
  }
  return results
}

/**
 * The browser's own floor for the same keystroke: a plain textarea holding the same token, added
 * to the same page, with no page code listening (the clock stops at its `input` event's frame).
 */
export async function measureKeystrokeFloor(page: Page, url: string, bytes: number, count: number): Promise<Timed[]> {
  const token = hs256Token('floor', payloadOf('floor', bytes, 'string'), 'floor')
  const edit = keystrokeIn(token.token)
  await freshVisit(page, url)
  await page.evaluate((text) => {
    const area = document.createElement('textarea')
    area.setAttribute('aria-label', 'Benchmark floor')
    area.style.cssText = 'position:fixed;inset:0 auto auto 0;width:40em;height:20em;font:14px/1.6 monospace;white-space:pre-wrap;word-break:break-all'
    area.value = text
    document.body.append(area)
    window.__bench.stash.floor = area
  }, token.token)
  const results: Timed[] = []
  for (let i = 0; i < count; i++) {
    await page.evaluate((at) => {
      const { stash, nextPaint } = window.__bench
      const area = stash.floor as HTMLTextAreaElement
      area.focus()
      area.setSelectionRange(at, at + 1)
      area.addEventListener('keydown', (event) => (stash.t0 = event.timeStamp), { once: true, capture: true })
      stash.pending = new Promise((resolve) => {
        area.addEventListener('input', () => {
          const work = performance.now()
          void nextPaint().then((shown) => resolve({ t0: stash.t0 as number, shown, work }))
        }, { once: true })
      })
    }, edit.at)
    await page.keyboard.press(i % 2 === 0 ? edit.to : edit.from)
    const timed = await page.evaluate(() => window.__bench.stash.pending as Promise<{ t0: number; shown: number; work: number }>)
    await settle(page, 150)
    results.push({ shown: timed.shown - timed.t0, work: timed.work - timed.t0, verified: NaN, longestTask: 0 })
  }
  return results
}
