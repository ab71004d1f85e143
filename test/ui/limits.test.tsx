import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { MAX_TOKEN_LENGTH, signToken } from '../../src/jwt'
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
