import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { encodeBase64url } from '../../src/jwt'
import { base64Steps, jsonCharsForToken, memberAt, tokenCharsForJson } from '../../src/jwt/mapping'
import type { Range } from '../../src/jwt/types'
import { loadMapping } from '../../src/ui/LinkedFocus'
import { renderApp } from './renderApp'

const b64url = (text: string) => encodeBase64url(new TextEncoder().encode(text))
const HEADER = '{"alg":"HS256","typ":"JWT"}'
const PAYLOAD = '{"sub":"1234567890","name":"Zoë","exp":1900000000}'
const TOKEN = `${b64url(HEADER)}.${b64url(PAYLOAD)}.c2lnbmF0dXJl`
const PAYLOAD_SEGMENT: Range = [b64url(HEADER).length + 1, b64url(HEADER).length + 1 + b64url(PAYLOAD).length]

const setup = () => {
  const app = renderApp({ token: TOKEN })
  return app
}
const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement

/** The marked spans of a field's coloured layer: their kind, where they start and their text. */
function marks(name: string) {
  const layer = field(name).parentElement!.querySelector('pre')!
  const found: { kind: string; range: Range; text: string }[] = []
  let offset = 0
  for (const span of layer.querySelectorAll('span')) {
    const text = span.textContent ?? ''
    const kind = span.getAttribute('data-linked')
    if (kind) found.push({ kind, range: [offset, offset + text.length], text })
    offset += text.length
  }
  return found
}

/** The marks of one kind joined into ranges (a part or problem boundary splits a mark in pieces). */
function joined(list: ReturnType<typeof marks>, kind: string): Range[] {
  const ranges: Range[] = []
  for (const m of list.filter((x) => x.kind === kind)) {
    const last = ranges.at(-1)
    if (last && last[1] === m.range[0]) ranges[ranges.length - 1] = [last[0], m.range[1]]
    else ranges.push(m.range)
  }
  return ranges
}

describe('linked highlighting', () => {
  it('marks the token characters that carry the "exp" claim when the caret is on it in the Payload editor', async () => {
    const { user } = setup()
    const caret = PAYLOAD.indexOf('"exp"') + 2
    await user.pointer({ keys: '[MouseLeft]', target: field('Payload'), offset: caret })
    // The mapping loads at the first caret or pointer event: the marks come once it has arrived.
    await waitFor(() => expect(marks('Encoded token')).not.toEqual([]))

    const member = memberAt(PAYLOAD, caret)!
    const expected = tokenCharsForJson(PAYLOAD_SEGMENT, PAYLOAD, member.range)
    const found = marks('Encoded token')
    expect(joined(found, 'full')).toEqual([expected.full])
    const partial = [expected.partialStart, expected.partialEnd].filter((c) => c !== undefined).map((c): Range => [c, c + 1])
    expect(partial.length).toBeGreaterThan(0)
    expect(joined(found, 'partial')).toEqual(partial)
    for (const m of found) expect(m.text).toBe(TOKEN.slice(...m.range))
    for (const m of found.filter((x) => x.kind === 'partial')) {
      expect(field('Encoded token').parentElement!.querySelector(`[data-linked="partial"]`)!.getAttribute('title')).toBe('carries bits of two neighbours')
      expect(m.text).toHaveLength(1)
    }
    // The member itself is marked in the Payload editor as what is pointed at.
    expect(joined(marks('Payload'), 'source')).toEqual([member.range])
  })

  it('marks the JSON characters in the Payload editor that the character at the token caret decodes to', async () => {
    const { user } = setup()
    // A character inside "Zoë": ë is 2 UTF-8 bytes, so some token characters carry part of it.
    const jsonAt = PAYLOAD.indexOf('ë')
    const caret = PAYLOAD_SEGMENT[0] + Math.floor((new TextEncoder().encode(PAYLOAD.slice(0, jsonAt)).length * 8 + 8) / 6)
    await user.pointer({ keys: '[MouseLeft]', target: field('Encoded token'), offset: caret })
    await waitFor(() => expect(marks('Payload')).not.toEqual([]))

    const expected = jsonCharsForToken(PAYLOAD_SEGMENT, PAYLOAD, [caret, caret + 1])
    const found = marks('Payload')
    const full = joined(found, 'full')
    expect(full).toEqual(expected.full[1] > expected.full[0] ? [expected.full] : [])
    expect(joined(found, 'partial')).toEqual([expected.partialStart, expected.partialEnd].filter((r) => r !== undefined))
    expect(found.length).toBeGreaterThan(0)
    for (const m of found) expect(m.text).toBe(PAYLOAD.slice(...m.range))
    expect(joined(marks('Encoded token'), 'source')).toEqual([[caret, caret + 1]])
  })

  it('shows how base64url encodes the characters at the caret, and hides it on leaving', async () => {
    const { user } = setup()
    const caret = PAYLOAD_SEGMENT[0] + 5
    await user.pointer({ keys: '[MouseLeft]', target: field('Encoded token'), offset: caret })

    // The inset loads once something is in focus.
    const inset = await screen.findByRole('figure', { name: /How base64url works/ })
    const steps = base64Steps(PAYLOAD_SEGMENT, PAYLOAD, [caret, caret + 1])
    const letterRow = within(inset).getByRole('row', { name: /^Letter/ })
    const letters = within(letterRow).getAllByRole('cell').map((cell) => cell.textContent)
    expect(letters.join('')).toBe(TOKEN.slice(...steps.tokenRange))
    expect(letters).toEqual(steps.sextets.map((s) => s.letter))
    const hexRow = within(inset).getByRole('row', { name: /^Hex/ })
    expect(within(hexRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(steps.bytes.map((b) => b.value.toString(16).padStart(2, '0')))
    expect(within(inset).getByRole('table', { name: `Characters ${steps.tokenRange[0] + 1}–${steps.tokenRange[1]}` })).toBeTruthy()

    await user.click(field('Header'))
    await user.tab()
    await waitFor(() => expect(screen.queryByRole('figure', { name: /How base64url works/ })).toBeNull())
  })

  it('marks the token characters of the "exp" claim when the pointer is over its name', async () => {
    const { user } = setup()
    // jsdom lays nothing out: put every character of a layer on one line, 10 px wide each.
    const original = Object.getOwnPropertyDescriptor(globalThis.Range.prototype, 'getBoundingClientRect')
    globalThis.Range.prototype.getBoundingClientRect = function (this: globalThis.Range) {
      const layer = this.startContainer.parentElement!.closest('pre')!
      let offset = 0
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node && node !== this.startContainer; node = walker.nextNode()) offset += (node as Text).data.length
      offset += this.startOffset
      return { x: offset * 10, y: 0, left: offset * 10, right: offset * 10 + 10, top: 0, bottom: 20, width: 10, height: 20, toJSON: () => ({}) }
    }
    try {
      const over = PAYLOAD.indexOf('"exp"') + 2
      await user.pointer({ target: field('Payload'), coords: { clientX: over * 10 + 5, clientY: 10 } })
      const expected = tokenCharsForJson(PAYLOAD_SEGMENT, PAYLOAD, memberAt(PAYLOAD, over)!.range)
      await waitFor(() => expect(joined(marks('Encoded token'), 'full')).toEqual([expected.full]))
      await user.unhover(field('Payload'))
      await waitFor(() => expect(marks('Encoded token')).toEqual([]))
    } finally {
      if (original) Object.defineProperty(globalThis.Range.prototype, 'getBoundingClientRect', original)
      else delete (globalThis.Range.prototype as { getBoundingClientRect?: unknown }).getBoundingClientRect
    }
  })

  it('links nothing while the payload is invalid JSON', async () => {
    const { user } = setup()
    await user.type(field('Payload'), 'x')
    await user.pointer({ keys: '[MouseLeft]', target: field('Payload'), offset: PAYLOAD.indexOf('"exp"') + 2 })
    // Nothing linked because the JSON is invalid, not because the mapping has not arrived yet.
    await loadMapping()
    expect(marks('Encoded token')).toEqual([])
    expect(screen.queryByRole('figure', { name: /How base64url works/ })).toBeNull()
  })
})
