import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { generateKeyPairSync } from 'node:crypto'
import type { VerifyResult } from '../../src/jwt'
import { AlgorithmPicker } from '../../src/ui/AlgorithmPicker'
import { CopyButton } from '../../src/ui/CopyButton'
import { JsonEditor } from '../../src/ui/JsonEditor'
import { KeyField } from '../../src/ui/KeyField'
import { ProblemList } from '../../src/ui/ProblemList'
import { SignatureStatus } from '../../src/ui/SignatureStatus'
import { renderApp } from './renderApp'

describe('AlgorithmPicker', () => {
  it('lists every algorithm in its family and reports the choice', async () => {
    const onChange = vi.fn()
    render(<AlgorithmPicker value="HS256" onChange={onChange} />)
    const picker = screen.getByRole('combobox', { name: 'Algorithm' })
    const groups = within(picker).getAllByRole('group').map((g) => g.getAttribute('label'))
    expect(groups).toEqual(['None', 'HMAC (shared secret)', 'RSA PKCS#1 v1.5', 'RSA-PSS', 'ECDSA', 'EdDSA', 'ML-DSA (post-quantum)'])
    expect(within(picker).getAllByRole('option')).toHaveLength(20)
    await userEvent.selectOptions(picker, 'ML-DSA-65')
    expect(onChange).toHaveBeenCalledWith('ML-DSA-65')
  })

  it('names an algorithm it does not know instead of showing another one', () => {
    render(<AlgorithmPicker value="HS999" onChange={() => undefined} />)
    expect((screen.getByRole('combobox', { name: 'Algorithm' }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('HS999 (unknown)')
  })
})

describe('JsonEditor', () => {
  it('marks invalid JSON and says where', () => {
    render(<JsonEditor label="Payload" editor={{ text: '{"a":}', error: { message: 'Expected a value (position 5)', range: [5, 6] } }} onChange={() => undefined} />)
    expect(screen.getByRole('alert').textContent).toContain('position 5')
    expect(screen.getByRole('textbox', { name: 'Payload' }).getAttribute('aria-invalid')).toBe('true')
  })

  it('previews a payload of megabytes read-only', () => {
    const text = JSON.stringify({ data: 'x'.repeat(300_000) })
    render(<JsonEditor label="Payload" editor={{ text }} onChange={() => undefined} />)
    const field = screen.getByRole('textbox', { name: 'Payload' }) as HTMLTextAreaElement
    expect(field.readOnly).toBe(true)
    expect(field.value.length).toBeLessThan(21_000)
    expect(screen.getByText(/showing its first 20 KB/)).toBeTruthy()
  })

  it('reports each edit', async () => {
    const onChange = vi.fn()
    render(<JsonEditor label="Header" editor={{ text: '{}' }} onChange={onChange} />)
    await userEvent.type(screen.getByRole('textbox', { name: 'Header' }), 'x')
    expect(onChange).toHaveBeenCalledWith('{}x')
  })
})

describe('SignatureStatus', () => {
  const result = (extra: Partial<VerifyResult>): VerifyResult => ({ valid: false, keyProblems: [], ...extra })
  it.each([
    [result({ valid: true, keyUsed: { origin: 'key 2 of 3 in the JWKS (kid a1)', description: 'EC P-256 public key, JWK' } }), 'Signature verified', 'key 2 of 3'],
    [result({ code: 'verify.bad-signature', reason: 'The signature does not match this key' }), 'Invalid signature', 'does not match'],
    [result({ code: 'verify.no-key', reason: 'Enter the secret to verify' }), 'Enter the secret to verify', ''],
    [result({ code: 'verify.key-mismatch', reason: 'ES256 needs an EC P-256 key; this is an RSA 2048-bit key' }), 'Cannot verify with this key', 'ES256 needs'],
    [result({ code: 'verify.alg-none', reason: 'unsecured' }), 'Not signed', 'unsecured'],
  ])('reads the verdict plainly: %#', (verdict, headline, detail) => {
    render(<SignatureStatus result={verdict} checking={false} />)
    const status = screen.getByRole('status', { name: 'Signature status' })
    expect(status.textContent).toContain(headline)
    expect(status.textContent).toContain(detail)
  })

  it('warns that a key taken from the token itself proves nothing', () => {
    render(<SignatureStatus result={result({ valid: true, code: 'verify.embedded-key', reason: 'this proves nothing about who signed it', keyUsed: { origin: "the token's own jwk header", description: '', embedded: true } })} checking={false} />)
    expect(screen.getByRole('status', { name: 'Signature status' }).textContent).toContain('proves nothing')
  })
})

describe('CopyButton', () => {
  it('copies the text and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    render(<CopyButton text={() => 'built on click'} label="Copy share link" />)
    fireEvent.click(screen.getByRole('button', { name: 'Copy share link' }))
    expect(writeText).toHaveBeenCalledWith('built on click')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy share link' }).textContent).toBe('Copied'))
  })

  it('is disabled when there is nothing to copy', () => {
    render(<CopyButton text="" label="Copy secret" />)
    expect((screen.getByRole('button', { name: 'Copy secret' }) as HTMLButtonElement).disabled).toBe(true)
  })
})

describe('KeyField', () => {
  it('shows the detected format and what the key is', async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }) as string
    render(<KeyField label="Public key" value={pem} onChange={() => undefined} placeholder="" />)
    expect(screen.getByText('PEM')).toBeTruthy()
    await waitFor(() => expect(screen.getByText('EC P-384 public key, SPKI PEM')).toBeTruthy())
  })

  it('says what is wrong with a broken key', async () => {
    render(<KeyField label="Public key" value='{"kty":"EC","crv":"P-256","x":"AA"}' onChange={() => undefined} placeholder="" />)
    expect(screen.getByText('JWK')).toBeTruthy()
    await waitFor(() => expect(screen.getByText(/lacks y/)).toBeTruthy())
  })
})

describe('ProblemList', () => {
  it('gives each problem its severity in words, not colour alone', () => {
    render(<ProblemList id="p" label="Problems in the token" problems={[{ code: 'x', severity: 'error', part: 'payload', offset: 3, range: [3, 4], message: 'bad character' }]} />)
    expect(screen.getByRole('list', { name: 'Problems in the token' }).textContent).toContain('Error: bad character')
  })
})

describe('TokenEditor with a token of megabytes', () => {
  it('keeps a pasted megabyte token in state and shows a bounded view', async () => {
    const app = renderApp()
    const big = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ data: 'x'.repeat(400_000) })).toString('base64url')}.c2ln`
    const field = screen.getByRole('textbox', { name: 'Encoded token' }) as HTMLTextAreaElement
    fireEvent.paste(field, { clipboardData: { getData: () => big } })
    expect(app.store.getState().token).toBe(big)
    expect(field.readOnly).toBe(true)
    expect(field.value).toContain('characters not shown')
    expect(screen.getByText(/This token is 0.5 MB/)).toBeTruthy()
    app.unmount()
  })
})

describe('Notes', () => {
  it('can be dismissed', async () => {
    const app = renderApp({ notes: ['The token came in the query'] })
    await app.user.click(screen.getByRole('button', { name: 'Dismiss note' }))
    expect(screen.queryByRole('list', { name: 'Notes' })).toBeNull()
    app.unmount()
  })
})
