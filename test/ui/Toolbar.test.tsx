import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import { DEMO_SECRET, DEMO_TOKEN } from '../../src/state/examples'
import { renderApp } from './renderApp'

/** The page, with the clipboard replaced by a spy (after user-event has put in its own). */
const setup = () => {
  const app = renderApp()
  const writeText = vi.fn().mockResolvedValue(undefined)
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
  return { ...app, writeText }
}

const tokenField = () => screen.getByRole('textbox', { name: 'Encoded token' }) as HTMLTextAreaElement
const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement
const status = () => screen.getByRole('status', { name: 'Signature status' })
const verified = (timeout = 1000) => waitFor(() => expect(status().textContent).toContain('Signature verified'), { timeout })
const shareButton = () => screen.getByRole('button', { name: 'Copy share link' })
const withPublicKey = () => screen.getByRole('checkbox', { name: 'with public key' }) as HTMLInputElement

/** The link last copied, read apart. */
function copiedLink(writeText: ReturnType<typeof vi.fn>) {
  const link = String(writeText.mock.lastCall?.[0])
  const url = new URL(link)
  return { link, url, fragment: new URLSearchParams(url.hash.slice(1)) }
}

describe('the share button', () => {
  it('copies a link whose fragment carries the token, and never the secret', async () => {
    const { user, writeText } = setup()
    expect(withPublicKey().disabled).toBe(true)
    await user.click(shareButton())
    expect(writeText).toHaveBeenCalledOnce()
    const { link, url, fragment } = copiedLink(writeText)
    expect(url.search).toBe('')
    expect(fragment.get('token')).toBe(DEMO_TOKEN)
    expect(fragment.has('publicKey')).toBe(false)
    expect(link).not.toContain(DEMO_SECRET)
    expect(link).not.toContain(encodeURIComponent(DEMO_SECRET))
    await waitFor(() => expect(shareButton().textContent).toBe('Copied'))
  })

  it('adds the public key only when "with public key" is ticked, and never the private key', async () => {
    const { user, writeText } = setup()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Algorithm' }), 'ES256')
    await waitFor(() => expect(field('Public key').value).toContain('BEGIN PUBLIC KEY'))
    await verified()
    const publicKey = field('Public key').value
    const privateKey = field('Private key').value
    expect(privateKey).toContain('PRIVATE KEY')

    await user.click(shareButton())
    expect(copiedLink(writeText).fragment.has('publicKey')).toBe(false)

    await user.click(withPublicKey())
    await user.click(shareButton())
    const { link, fragment } = copiedLink(writeText)
    expect(fragment.get('token')).toBe(tokenField().value)
    expect(fragment.get('publicKey')).toBe(publicKey)
    expect([...fragment.keys()].sort()).toEqual(['publicKey', 'token'])
    // The private key's base64 body (any one line of it) appears nowhere in the link.
    const privateBody = privateKey.split('\n').find((line) => line.length > 40)!
    expect(decodeURIComponent(link)).not.toContain(privateBody)
    expect(decodeURIComponent(link)).not.toContain('PRIVATE KEY')
  })

  it('cannot be used once the token is cleared', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(tokenField().value).toBe('')
    expect(field('Header').value).toBe('')
    expect(field('Payload').value).toBe('')
    expect((shareButton() as HTMLButtonElement).disabled).toBe(true)
  })
})

describe('the theme switch', () => {
  afterEach(() => delete document.documentElement.dataset.theme)

  it('sets the page’s theme to the one chosen', async () => {
    const { user } = setup()
    const theme = screen.getByRole('combobox', { name: 'Theme' })
    expect(document.documentElement.dataset.theme).toBe('system')
    await user.selectOptions(theme, 'Dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
    await user.selectOptions(theme, 'Light')
    expect(document.documentElement.dataset.theme).toBe('light')
    await user.selectOptions(theme, 'System')
    expect(document.documentElement.dataset.theme).toBe('system')
  })
})

describe('the example picker', () => {
  it('makes an RS256 example, saying a key is being generated, and shows it verified', async () => {
    const { user } = setup()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Example' }), 'RS256')
    await user.click(screen.getByRole('button', { name: 'New example' }))
    expect(screen.getByRole('status', { name: 'Key generation' }).textContent).toContain('RSA key')
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Key generation' })).toBeNull(), { timeout: 5000 })
    expect(JSON.parse(field('Header').value)).toEqual({ alg: 'RS256', typ: 'JWT' })
    expect(JSON.parse(field('Payload').value)).toMatchObject({ name: 'Ada Lovelace' })
    expect(screen.getByRole('combobox', { name: 'Algorithm' })).toHaveProperty('value', 'RS256')
    expect(field('Public key').value).toContain('BEGIN PUBLIC KEY')
    expect(tokenField().value).not.toBe(DEMO_TOKEN)
    await verified(3000)
  })

  it('makes an HS384 example with a fresh secret that verifies', async () => {
    const { user } = setup()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Example' }), 'HS384')
    await user.click(screen.getByRole('button', { name: 'New example' }))
    await waitFor(() => expect(JSON.parse(field('Header').value)).toEqual({ alg: 'HS384', typ: 'JWT' }))
    expect(field('Secret').value).not.toBe(DEMO_SECRET)
    expect(screen.getByRole('combobox', { name: 'Secret encoding' })).toHaveProperty('value', 'base64url')
    await verified()
  })
})
