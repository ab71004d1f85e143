import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { encodeBase64url, MAX_TOKEN_LENGTH, signToken } from '../../src/jwt'
import { MAX_KEY_LENGTH } from '../../src/jwt/keys'
import { DEMO_SECRET } from '../../src/state/examples'
import { renderApp } from './renderApp'

const tokenField = () => screen.getByRole('textbox', { name: 'Encoded token' }) as HTMLTextAreaElement
const status = () => screen.getByRole('status', { name: 'Signature status' })
const problems = () => screen.getByRole('list', { name: 'Problems in the token' })
/** A paste as the browser fires it; the page keeps text this large in state, not in the field. */
const paste = (text: string) => fireEvent.paste(tokenField(), { clipboardData: { getData: () => text } })

describe('a token over the size limit', () => {
  it('is refused with a message naming the limit, and the page keeps working', async () => {
    const app = renderApp()
    const tooLarge = `eyJhbGciOiJIUzI1NiJ9.${'A'.repeat(MAX_TOKEN_LENGTH)}.c2ln`
    paste(tooLarge)

    // The text is kept, not cut, and the field shows a bounded view of it.
    expect(app.store.getState().token === tooLarge).toBe(true)
    expect(tokenField().readOnly).toBe(true)
    expect(tokenField().value).toContain('characters not shown')
    await waitFor(() => expect(problems().textContent).toMatch(/This text is .+; the page decodes tokens up to .*16.*, so it was not decoded/))
    expect(within(problems()).getByText(/^Error/)).toBeTruthy()
    await waitFor(() => expect(status().textContent).not.toContain('Signature verified'))
    expect(screen.getByRole('textbox', { name: 'Header' })).toHaveProperty('value', '')

    // Pasting a token of ordinary size replaces it: decoded, editable and verified again.
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'after the limit' }, { text: DEMO_SECRET })
    paste(token)
    await waitFor(() => expect(tokenField().value).toBe(token))
    expect(tokenField().readOnly).toBe(false)
    expect(screen.getByRole('textbox', { name: 'Payload' })).toHaveProperty('value', '{"sub":"after the limit"}')
    expect(screen.queryByRole('list', { name: 'Problems in the token' })).toBeNull()
    await waitFor(() => expect(status().textContent).toContain('Signature verified'))
  })
})

describe('key text over the size limit', () => {
  it('is refused with both lengths in the status, kept in its field, and replaced to verify again', async () => {
    renderApp()
    const secretField = screen.getByRole('textbox', { name: 'Secret' }) as HTMLTextAreaElement
    const tooLong = 'k'.repeat(MAX_KEY_LENGTH + 1)
    fireEvent.change(secretField, { target: { value: tooLong } })
    await waitFor(() => expect(status().textContent).toContain('The key text is 1,048,577 characters; the page reads keys up to 1,048,576 characters (1 MiB)'))
    expect(secretField.value === tooLong).toBe(true)

    fireEvent.change(secretField, { target: { value: DEMO_SECRET } })
    await waitFor(() => expect(status().textContent).toContain('Signature verified'))
  })
})

describe('a large paste', () => {
  const layerOf = (field: HTMLElement) => field.parentElement?.querySelector('pre')
  const payloadField = () => screen.getByRole('textbox', { name: 'Payload' }) as HTMLTextAreaElement
  const largePayload = (words: string) => JSON.stringify({ sub: 'large', note: `${words} `.repeat(12_000) })

  it('is decoded at once and drawn in two frames: first the text without colours and the payload\'s first screenful, then all of it', async () => {
    renderApp()
    const payload = largePayload('pasted')
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, JSON.parse(payload), { text: DEMO_SECRET })
    expect(token.length).toBeGreaterThan(50_000)
    tokenField().focus()
    fireEvent.change(tokenField(), { target: { value: token } })

    // The field being edited keeps its whole text (and so its caret and undo); its colours wait.
    expect(tokenField().value).toBe(token)
    expect(tokenField().getAttribute('aria-busy')).toBe('true')
    expect(layerOf(tokenField())).toBeNull()
    expect(payloadField().value).toBe(payload.slice(0, 10_000))
    expect(payloadField().getAttribute('aria-busy')).toBe('true')
    expect(payloadField().readOnly).toBe(true)

    await waitFor(() => expect(payloadField().value).toBe(payload))
    expect(payloadField().hasAttribute('aria-busy')).toBe(false)
    expect(payloadField().readOnly).toBe(false)
    expect(tokenField().hasAttribute('aria-busy')).toBe(false)
    expect(layerOf(tokenField())?.textContent).toBe(`${token}\n`)
    await waitFor(() => expect(status().textContent).toContain('Signature verified'))

    // A keystroke in the long token is drawn in one frame, colours and all.
    const typed = `${token.slice(0, 100)}x${token.slice(101)}`
    fireEvent.change(tokenField(), { target: { value: typed } })
    expect(layerOf(tokenField())?.textContent).toBe(`${typed}\n`)
    expect(tokenField().hasAttribute('aria-busy')).toBe(false)
  })

  it('pasted into the payload field keeps all of it there from the first frame', async () => {
    renderApp()
    const payload = largePayload('edited')
    payloadField().focus()
    fireEvent.change(payloadField(), { target: { value: payload } })
    expect(payloadField().value).toBe(payload)
    expect(layerOf(payloadField())).toBeNull()
    await waitFor(() => expect(layerOf(payloadField())?.textContent).toBe(`${payload}\n`))
    // The token carries the whole payload, not its first screenful.
    expect(tokenField().value.split('.')[1]).toBe(encodeBase64url(new TextEncoder().encode(payload)))
  })
})
