import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { generateKeyPairSync } from 'node:crypto'
import { signToken } from '../../src/jwt'
import { renderApp } from './renderApp'

const status = () => screen.getByRole('status', { name: 'Signature status' })

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const ecPublic = ec.publicKey.export({ type: 'spki', format: 'pem' }) as string
const ecPrivate = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string

describe('where the key came from, and why a signature fails', () => {
  it('names the secret that verified the example, its encoding and its length', async () => {
    renderApp()
    await waitFor(() => expect(status().textContent).toContain('Signature verified'))
    expect(status().textContent).toContain('Key: the secret you typed, as UTF-8, 45 bytes')
  })

  it('names the key of a JWK set that verified, by its place and kid', async () => {
    const jwk = ec.publicKey.export({ format: 'jwk' })
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' })
    const jwks = JSON.stringify({ keys: [{ ...other, kid: 'old' }, { ...jwk, kid: 'current' }] })
    const token = await signToken({ alg: 'ES256', kid: 'current' }, { sub: 'ada' }, { text: ecPrivate })
    renderApp({ token, publicKey: jwks })
    await waitFor(() => expect(status().textContent).toContain('Signature verified'))
    expect(status().textContent).toMatch(/key 2 of 2 in the JWKS \(kid current\) \(EC P-256 public key, JWK\)/)
  })

  it('says a token edited here no longer matches its signature, and which claims changed', async () => {
    const token = await signToken({ alg: 'ES256', typ: 'JWT' }, { sub: 'ada', role: 'user' }, { text: ecPrivate })
    renderApp({ token, publicKey: ecPublic })
    await waitFor(() => expect(status().textContent).toContain('Signature verified'))
    // With only the public key the page cannot re-sign: the old signature stays on the new text.
    fireEvent.change(screen.getByRole('textbox', { name: 'Payload' }), { target: { value: '{"sub":"ada","role":"admin"}' } })
    await waitFor(() => expect(status().textContent).toContain('Invalid signature'))
    const causes = await screen.findByRole('list', { name: 'Causes that would make it verify' })
    expect(causes.textContent).toContain('Verified with this key before it was edited here')
    expect(causes.textContent).toContain('Changed in the payload: role')
  })

  it('says plainly when none of the usual causes applies', async () => {
    const token = await signToken({ alg: 'ES256', typ: 'JWT' }, { sub: 'ada' }, { text: ecPrivate })
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string
    renderApp({ token, publicKey: stranger })
    await waitFor(() => expect(status().textContent).toContain('Invalid signature'))
    expect((await screen.findByText(/None of the usual causes applies/)).textContent).toContain('the key is not the one that signed this token')
  })
})
