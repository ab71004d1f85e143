import { createPublicKey } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { DEMO_SECRET, DEMO_TOKEN } from '../../src/state/examples'
import { RFC7515_A2 } from '../fixtures/rfc7515'
import { renderApp } from './renderApp'

/** The page, with the clipboard replaced by a spy (after user-event has put in its own). */
const setup = (options: Parameters<typeof renderApp>[0] = {}) => {
  const app = renderApp(options)
  const writeText = vi.fn().mockResolvedValue(undefined)
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
  return { ...app, writeText }
}

async function openSnippets(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByText('Use it in code'))
  return screen.findByRole('tablist', { name: 'Language' })
}

/** The code shown in the open tab, named by that tab. */
const code = (tab: string) => within(screen.getByRole('tabpanel', { name: tab })).getByRole('code').textContent ?? ''

describe('the code snippets panel', () => {
  it('is closed until opened, then shows a PyJWT program with the token and the algorithm but not the secret', async () => {
    const { user } = setup()
    expect(screen.queryByRole('tablist', { name: 'Language' })).toBeNull()
    await openSnippets(user)
    expect(screen.getByRole('tab', { name: 'Python (PyJWT)' }).getAttribute('aria-selected')).toBe('true')
    const python = code('Python (PyJWT)')
    expect(python).toContain('jwt.decode(')
    expect(python).toContain('algorithms=["HS256"]')
    expect(python).toContain(DEMO_TOKEN)
    expect(python).toContain('os.environ.get("JWT_SECRET")')
    expect(python).not.toContain(DEMO_SECRET)
    expect(screen.getByRole('tabpanel', { name: 'Python (PyJWT)' }).textContent).toContain('reads the secret from the JWT_SECRET environment variable and never contains it')
  })

  it('passes an expected issuer to PyJWT and to jose', async () => {
    const { user } = setup()
    await openSnippets(user)
    await user.click(screen.getByText(/Check against an issuer/))
    await user.type(screen.getByRole('textbox', { name: 'Expected issuer' }), 'https://auth.example.com/')
    // The snippets follow the field a frame later: they explain, they are not typed into.
    await waitFor(() => expect(code('Python (PyJWT)')).toContain('issuer="https://auth.example.com/"'))
    await user.click(screen.getByRole('tab', { name: 'Node (jose)' }))
    const node = code('Node (jose)')
    expect(node).toContain('jwtVerify(token, key, {')
    expect(node).toContain('issuer: "https://auth.example.com/"')
    expect(node).not.toContain(DEMO_SECRET)
  })

  it('moves between the tabs with the arrow keys and shows curl with a Bearer header', async () => {
    const { user } = setup()
    await openSnippets(user)
    await user.click(screen.getByRole('tab', { name: 'Python (PyJWT)' }))
    await user.keyboard('{ArrowLeft}')
    const curl = screen.getByRole('tab', { name: 'curl' })
    expect(curl.getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(curl)
    expect(code('curl')).toContain('curl -H "Authorization: Bearer $TOKEN"')
    expect(code('curl')).toContain(`TOKEN='${DEMO_TOKEN}'`)
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Python (PyJWT)' }).getAttribute('aria-selected')).toBe('true')
  })

  it('reads an RS256 public key from public_key.pem when the Public key field holds a PEM', async () => {
    const pem = createPublicKey({ key: { ...RFC7515_A2.publicJwk }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string
    const { user } = setup({ token: RFC7515_A2.token, publicKey: pem })
    await openSnippets(user)
    const python = code('Python (PyJWT)')
    expect(python).toContain('algorithms=["RS256"]')
    expect(python).toContain('"public_key.pem"')
    expect(python).not.toContain(pem.split('\n')[1])
    expect(screen.getByRole('tabpanel', { name: 'Python (PyJWT)' }).textContent).toContain('reads the key from public_key.pem')
  })

  it('copies the code of the tab shown', async () => {
    const { user, writeText } = setup()
    await openSnippets(user)
    await user.click(screen.getByRole('tab', { name: 'Node (jose)' }))
    await user.click(screen.getByRole('button', { name: 'Copy the Node (jose) code' }))
    expect(writeText).toHaveBeenCalledWith(code('Node (jose)'))
    expect(writeText.mock.calls[0]![0]).toContain("from 'jose'")
    expect(await screen.findByRole('button', { name: 'Copy the Node (jose) code' })).toHaveProperty('textContent', 'Copied')
  })
})
