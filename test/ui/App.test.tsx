import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { signToken } from '../../src/jwt'
import { DEMO_SECRET, DEMO_TOKEN } from '../../src/state/examples'
import { renderApp } from './renderApp'

const tokenField = () => screen.getByRole('textbox', { name: 'Encoded token' })
const status = () => screen.getByRole('status', { name: 'Signature status' })
const verified = () => waitFor(() => expect(status()).toHaveProperty('textContent', expect.stringContaining('Signature verified')))

describe('the debugger page', () => {
  it('opens with the example token, decoded and verified with its demo secret', async () => {
    renderApp()
    expect(tokenField()).toHaveProperty('value', DEMO_TOKEN)
    expect(screen.getByRole('textbox', { name: 'Secret' })).toHaveProperty('value', DEMO_SECRET)
    expect((screen.getByRole('textbox', { name: 'Payload' }) as HTMLTextAreaElement).value).toContain('"name":"Ada Lovelace"')
    await verified()
    expect(document.activeElement).toBe(tokenField())
  })

  it('colours every part of the token and marks it with data-part', () => {
    const { container } = renderApp()
    const parts = [...container.querySelectorAll('[data-part]')].map((el) => el.getAttribute('data-part'))
    expect(parts).toEqual(['header', 'dot', 'payload', 'dot', 'signature'])
  })

  it('decodes a token typed or pasted into the field, keeping the key already entered', async () => {
    const { user } = renderApp()
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'pasted' }, { text: DEMO_SECRET })
    await user.clear(tokenField())
    await user.click(tokenField())
    await user.paste(token)
    expect((screen.getByRole('textbox', { name: 'Payload' }) as HTMLTextAreaElement).value).toBe('{"sub":"pasted"}')
    await verified()
  })

  it('removes a pasted Bearer prefix and says so', async () => {
    const { user } = renderApp()
    await user.clear(tokenField())
    await user.paste(`Bearer ${DEMO_TOKEN}`)
    expect(tokenField()).toHaveProperty('value', DEMO_TOKEN)
    expect(within(screen.getByRole('list', { name: 'Notes' })).getByText(/Bearer/)).toBeTruthy()
  })

  it('reads "Invalid signature" with a reason when the secret is wrong', async () => {
    const { user } = renderApp()
    await user.type(screen.getByRole('textbox', { name: 'Secret' }), 'x')
    await waitFor(() => expect(status().textContent).toContain('Invalid signature'))
    expect(status().textContent).toContain('does not match')
  })

  it('asks for the secret when there is none', async () => {
    const { user } = renderApp()
    await user.clear(screen.getByRole('textbox', { name: 'Secret' }))
    await waitFor(() => expect(status().textContent).toContain('Enter the secret to verify'))
  })

  it('re-signs the token when the payload is edited and a secret is present', async () => {
    const { user } = renderApp()
    const payload = screen.getByRole('textbox', { name: 'Payload' })
    await user.clear(payload)
    await user.click(payload)
    await user.paste('{"sub":"edited"}')
    await waitFor(() => expect((tokenField() as HTMLTextAreaElement).value).not.toBe(DEMO_TOKEN))
    await verified()
    expect((tokenField() as HTMLTextAreaElement).value.split('.')[1]).toBe('eyJzdWIiOiJlZGl0ZWQifQ')
  })

  it('shows the signature as no longer matching when the payload is edited without a key', async () => {
    const { user } = renderApp()
    await user.clear(screen.getByRole('textbox', { name: 'Secret' }))
    await user.type(screen.getByRole('textbox', { name: 'Payload' }), ' ')
    await user.type(screen.getByRole('textbox', { name: 'Secret' }), 'other-secret')
    await waitFor(() => expect(status().textContent).toContain('Invalid signature'))
    expect((tokenField() as HTMLTextAreaElement).value.split('.')[2]).toBe(DEMO_TOKEN.split('.')[2])
  })

  it('marks invalid JSON in the payload and keeps the last valid token', async () => {
    const { user } = renderApp()
    await user.type(screen.getByRole('textbox', { name: 'Payload' }), ',')
    expect(screen.getByRole('alert').textContent).toContain('Invalid JSON')
    expect(tokenField()).toHaveProperty('value', DEMO_TOKEN)
    expect(screen.getByRole('textbox', { name: 'Payload' })).toHaveProperty('ariaInvalid', 'true')
  })

  it('shows a bad token’s problem at its position and keeps the text', async () => {
    const { user } = renderApp()
    const broken = DEMO_TOKEN.replace('.eyJzdWIi', '.eyJz%WIi')
    await user.clear(tokenField())
    await user.paste(broken)
    expect(tokenField()).toHaveProperty('value', broken)
    const problems = screen.getByRole('list', { name: 'Problems in the token' })
    expect(problems.textContent).toContain(`"%" at offset ${broken.indexOf('%')}`)
    expect(document.querySelector('.mark-error')?.textContent).toBe('%')
  })

  it('swaps the key fields and makes a key when another algorithm is chosen', async () => {
    const { user } = renderApp()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Algorithm' }), 'ES256')
    expect(screen.queryByRole('textbox', { name: 'Secret' })).toBeNull()
    expect(screen.getByRole('textbox', { name: 'Public key' })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Private key' })).toBeTruthy()
    expect((screen.getByRole('textbox', { name: 'Header' }) as HTMLTextAreaElement).value).toBe('{"alg":"ES256","typ":"JWT"}')
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Public key' }) as HTMLTextAreaElement).value).toContain('BEGIN PUBLIC KEY'))
    await verified()
    // Back to HS256: the secret typed before is still there.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Algorithm' }), 'HS256')
    expect(screen.getByRole('textbox', { name: 'Secret' })).toHaveProperty('value', DEMO_SECRET)
    await verified()
  })

  it('explains the claims with their times', () => {
    renderApp({ now: Date.UTC(2026, 10, 23) / 1000 })
    expect(screen.getByRole('table', { name: 'Claims' }).textContent).toContain('expires in 9 years')
  })

  it('clears the token and leaves the keys', async () => {
    const { user } = renderApp()
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(tokenField()).toHaveProperty('value', '')
    expect(screen.getByRole('textbox', { name: 'Secret' })).toHaveProperty('value', DEMO_SECRET)
  })
})

describe('explaining a failed verification', () => {
  it('finds a secret pasted as UTF-8 that is base64url, and fixes it on request', async () => {
    const secret = 'c2VjcmV0LWJ5dGVzLW9mLWEtZGVtby1rZXktMzItYnl0ZXM'
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'encoded-secret' }, { text: secret, encoding: 'base64url' })
    const { user } = renderApp({ token })
    await user.type(screen.getByRole('textbox', { name: 'Secret' }), secret)
    const causes = await screen.findByRole('list', { name: 'Causes that would make it verify' })
    expect(causes.textContent).toContain('Would verify if the secret were read as base64url')
    expect(status().textContent).toContain('Invalid signature')
    await user.click(screen.getByRole('button', { name: 'Read the secret as base64url' }))
    await verified()
  })

  it('says plainly when no usual cause applies', async () => {
    const { user } = renderApp()
    await user.type(screen.getByRole('textbox', { name: 'Secret' }), '-changed')
    expect((await screen.findByText(/None of the usual causes applies/)).textContent).toContain('the key is not the one that signed this token')
  })
})
