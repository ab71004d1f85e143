import { generateKeyPairSync } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readKey, type Jwk } from '../../src/jwt'
import { thumbprint } from '../../src/jwt/keyTools'
import { certificatePem } from '../fixtures/certificates'
import { renderApp } from './renderApp'

afterEach(() => {
  vi.restoreAllMocks()
})

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const spkiOf = (key: typeof ec.publicKey) => key.export({ type: 'spki', format: 'pem' }) as string
const pkcs8Of = (key: typeof ec.privateKey) => key.export({ type: 'pkcs8', format: 'pem' }) as string
const jwkOf = (key: typeof ec.publicKey) => key.export({ format: 'jwk' }) as Jwk

/** The page with the workbench opened and its tools loaded. */
async function openWorkbench() {
  const app = renderApp()
  await app.user.click(screen.getByRole('heading', { name: 'Key workbench' }))
  await screen.findByRole('textbox', { name: 'Key to inspect' })
  return app
}

const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement
const combobox = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement
const keySummary = () => screen.getByRole('status', { name: 'What the key is' })
const signatureStatus = () => screen.getByRole('status', { name: 'Signature status' })
const verified = () => waitFor(() => expect(signatureStatus().textContent).toContain('Signature verified'), { timeout: 10_000 })
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>

async function inspect(user: ReturnType<typeof renderApp>['user'], text: string) {
  await user.clear(textbox('Key to inspect'))
  await user.click(textbox('Key to inspect'))
  await user.paste(text)
}

async function generate(user: ReturnType<typeof renderApp>['user'], alg: string) {
  await user.selectOptions(combobox('Key algorithm'), alg)
  await user.click(screen.getByRole('button', { name: 'Generate key' }))
  await screen.findByRole('button', { name: 'Use to sign' }, { timeout: 20_000 })
}

describe('the key workbench', () => {
  it('stays closed until its heading is clicked, then loads its tools', async () => {
    const app = renderApp()
    expect(screen.getByRole('region', { name: 'Key workbench' })).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: 'Key to inspect' })).toBeNull()
    await app.user.click(screen.getByRole('heading', { name: 'Key workbench' }))
    expect(await screen.findByRole('textbox', { name: 'Key to inspect' })).toBeTruthy()
    expect(screen.getByRole('combobox', { name: 'Key algorithm' })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'JWK set' })).toBeTruthy()
  })

  it('says what a pasted PEM is in one line and which algorithms it fits', async () => {
    const { user } = await openWorkbench()
    await inspect(user, spkiOf(rsa.publicKey))
    await waitFor(() => expect(keySummary().textContent).toBe('RSA 2048-bit public key, SPKI PEM'))
    const found = within(screen.getByRole('list', { name: 'Keys found' }))
    expect(found.getByText('RS256, RS384, RS512, PS256, PS384, PS512')).toBeTruthy()
    expect(found.getByText('RSA, 2048 bits, public key')).toBeTruthy()
  })

  it('shows a certificate’s subject, issuer, validity dates and that it has expired', async () => {
    const { user } = await openWorkbench()
    const text = certificatePem({
      subject: { organization: 'Demo', commonName: 'api.example' },
      issuer: { organization: 'Demo', commonName: 'Demo CA' },
      subjectKey: ec.publicKey,
      issuerKey: ec.privateKey,
      notBefore: new Date('2000-01-01T00:00:00Z'),
      notAfter: new Date('2001-01-01T00:00:00Z'),
    })
    await inspect(user, text)
    await waitFor(() => expect(keySummary().textContent).toBe('EC P-256 public key, X.509 certificate'))
    const facts = screen.getByRole('list', { name: 'Keys found' }).textContent
    expect(facts).toContain('SubjectCN=api.example, O=Demo')
    expect(facts).toContain('IssuerCN=Demo CA, O=Demo')
    expect(facts).toContain('Valid from2000-01-01 00:00:00 UTC')
    expect(facts).toContain('Valid until2001-01-01 00:00:00 UTC')
    expect(facts).toContain('Validity✗ expired')
  })

  it('says what is wrong with the key text and where', async () => {
    const { user } = await openWorkbench()
    await inspect(user, '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----')
    await waitFor(() => expect(screen.getByRole('list', { name: 'Problems with the key' }).textContent).toContain('This PEM is a certificate request (PKCS #10, RFC 2986), not a key.'))

    const lines = spkiOf(ec.publicKey).split('\n')
    lines[2] = `${lines[2]!.slice(0, 9)}%${lines[2]!.slice(10)}`
    await inspect(user, lines.join('\n'))
    await waitFor(() => expect(screen.getByRole('list', { name: 'Problems with the key' }).textContent).toBe("✗Error: Line 3, column 10: base64 text has a character '%' at offset 101 that is not in the alphabet (expected A-Z, a-z, 0-9, + or /)."))

    await inspect(user, 'c2VjcmV0%c2Vj')
    await user.selectOptions(combobox('Read the secret as'), 'base64')
    await waitFor(() => expect(screen.getByRole('list', { name: 'Problems with the key' }).textContent).toBe('✗Error: Line 1, column 9: base64 text has the character "%" at offset 8 that is not in the alphabet'))
  })

  it('converts a PEM to a JWK with a thumbprint kid, alg and use, and that JWK back to the same PEM', async () => {
    const { user } = await openWorkbench()
    const pem = spkiOf(ec.publicKey)
    await inspect(user, pem)
    await waitFor(() => expect(textbox('Converted key').value).toContain('"kty": "EC"'))
    await user.click(screen.getByRole('checkbox', { name: 'kid: RFC 7638 thumbprint' }))
    await user.selectOptions(combobox('alg'), 'ES256')
    await user.selectOptions(combobox('use'), 'sig')
    const kid = await thumbprint(jwkOf(ec.publicKey))
    await waitFor(() => expect(JSON.parse(textbox('Converted key').value)).toEqual({ ...jwkOf(ec.publicKey), kid, use: 'sig', alg: 'ES256' }))

    await inspect(user, textbox('Converted key').value)
    await waitFor(() => expect(keySummary().textContent).toBe('EC P-256 public key, JWK'))
    expect(combobox('Convert to').value).toBe('pem-public')
    await waitFor(() => expect(textbox('Converted key').value).toBe(pem))
  })

  it('turns a private key into its public key', async () => {
    const { user } = await openWorkbench()
    await inspect(user, pkcs8Of(ec.privateKey))
    await waitFor(() => expect(keySummary().textContent).toBe('EC P-256 private key, PKCS#8 PEM'))
    await user.selectOptions(combobox('Convert to'), 'Public PEM (SPKI)')
    await waitFor(() => expect(textbox('Converted key').value).toBe(spkiOf(ec.publicKey)))
  })

  it('builds a JWK set of public keys, each once, to copy', async () => {
    const { user } = await openWorkbench()
    await inspect(user, spkiOf(ec.publicKey))
    await user.click(await screen.findByRole('button', { name: 'Add to JWK set' }))
    await inspect(user, pkcs8Of(rsa.privateKey))
    await user.click(await screen.findByRole('button', { name: 'Add public key to JWK set' }))
    await user.click(screen.getByRole('button', { name: 'Add public key to JWK set' }))

    expect(within(screen.getByRole('list', { name: 'Keys added to the JWK set' })).getAllByRole('listitem')).toHaveLength(3)
    await waitFor(() => expect(JSON.parse(textbox('JWK set').value)).toEqual({ keys: [jwkOf(ec.publicKey), jwkOf(rsa.publicKey)] }))
    expect(screen.getByText('Key 3 is the same key as key 2 (same RFC 7638 thumbprint), so it was left out')).toBeTruthy()
    expect(textbox('JWK set').value).not.toContain('"d"')

    await user.click(screen.getByRole('button', { name: 'Copy JWK set' }))
    expect(await navigator.clipboard.readText()).toBe(textbox('JWK set').value)
    await user.click(screen.getByRole('button', { name: 'Remove key 3 from the JWK set' }))
    await waitFor(() => expect(screen.queryByText(/Key 3 is the same key/)).toBeNull())
  })

  it('downloads a result as a file made in the page, from a Blob', async () => {
    const blobs: Blob[] = []
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), `blob:http://localhost/${blobs.length}`))
    URL.revokeObjectURL = vi.fn()
    const clicked: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    })
    const { user } = await openWorkbench()
    await inspect(user, pkcs8Of(ec.privateKey))
    await user.selectOptions(combobox('Convert to'), 'Public PEM (SPKI)')
    await waitFor(() => expect(textbox('Converted key').value).toBe(spkiOf(ec.publicKey)))
    await user.click(screen.getByRole('button', { name: 'Download converted key as public-key.pem' }))
    expect(clicked).toEqual([{ href: 'blob:http://localhost/1', download: 'public-key.pem' }])
    expect(await blobs[0]!.text()).toBe(spkiOf(ec.publicKey))
    expect(blobs[0]!.type).toBe('application/x-pem-file')
  })

  it('generates an ES256 key pair, shown in PEM or JWK', async () => {
    const { user } = await openWorkbench()
    await generate(user, 'ES256')
    expect(textbox('Generated public key').value).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
    expect(textbox('Generated private key').value).toMatch(/^-----BEGIN PRIVATE KEY-----\n/)
    await user.click(screen.getByRole('radio', { name: 'JWK' }))
    expect(JSON.parse(textbox('Generated public key').value)).toMatchObject({ kty: 'EC', crv: 'P-256' })
    expect(JSON.parse(textbox('Generated private key').value)).toHaveProperty('d')
  })

  it('shows an indeterminate progress bar while an RSA key is made, of the size chosen', async () => {
    const { user } = await openWorkbench()
    await user.selectOptions(combobox('Key algorithm'), 'PS256')
    await user.selectOptions(combobox('RSA key size'), '3072 bits')
    await user.click(screen.getByRole('button', { name: 'Generate key' }))
    const progress = screen.getByRole('progressbar', { name: 'Generating an RSA 3072-bit key' })
    expect(progress.getAttribute('aria-valuenow')).toBeNull()
    expect(screen.getByRole('button', { name: 'Generate key' })).toHaveProperty('disabled', true)
    await screen.findByRole('button', { name: 'Use to sign' }, { timeout: 30_000 })
    expect(screen.queryByRole('progressbar')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Inspect and convert' }))
    await waitFor(() => expect(keySummary().textContent).toBe('RSA 3072-bit private key, PKCS#8 PEM'))
  }, 40_000)

  it('puts a generated key pair into the debugger with "Use to sign", and the re-signed token verifies', async () => {
    const { user } = await openWorkbench()
    await generate(user, 'ES384')
    const publicKey = textbox('Generated public key').value
    await user.click(screen.getByRole('button', { name: 'Use to sign' }))
    expect(combobox('Algorithm').value).toBe('ES384')
    expect(textbox('Public key').value).toBe(publicKey)
    expect(textbox('Private key').value).toBe(textbox('Generated private key').value)
    await waitFor(() => expect(headerOf(textbox('Encoded token').value).alg).toBe('ES384'))
    await verified()
    expect(screen.getByText(/The debugger now signs with this ES384 key/)).toBeTruthy()

    const payload = textbox('Payload')
    await user.clear(payload)
    await user.click(payload)
    await user.paste('{"sub":"workbench"}')
    await waitFor(() => expect(textbox('Encoded token').value.split('.')[1]).toBe(Buffer.from('{"sub":"workbench"}').toString('base64url')))
    await verified()
  })

  it('puts a generated HMAC secret into the debugger as base64url', async () => {
    const { user } = await openWorkbench()
    await generate(user, 'HS512')
    const secret = textbox('Generated secret').value
    expect(secret).toMatch(/^[A-Za-z0-9_-]{86}$/)
    await user.click(screen.getByRole('button', { name: 'Use to sign' }))
    expect(textbox('Secret').value).toBe(secret)
    expect(combobox('Secret encoding').value).toBe('base64url')
    await waitFor(() => expect(headerOf(textbox('Encoded token').value).alg).toBe('HS512'))
    await verified()
  })

  it('signs with a generated key even after the page was cleared', async () => {
    const { user } = await openWorkbench()
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    await generate(user, 'EdDSA')
    await user.click(screen.getByRole('button', { name: 'Use to sign' }))
    await waitFor(() => expect(headerOf(textbox('Encoded token').value).alg).toBe('EdDSA'))
    await verified()
  })

  it('verifies with a JWK set built here: picks the key by the token’s kid, and without a kid tries each and names the one that matched', async () => {
    const { user } = await openWorkbench()
    await inspect(user, JSON.stringify({ ...jwkOf(ec.publicKey), kid: 'other' }))
    await user.click(await screen.findByRole('button', { name: 'Add to JWK set' }))
    await generate(user, 'ES256')
    await user.click(screen.getByRole('button', { name: 'Use to sign' }))
    await user.click(screen.getByRole('button', { name: 'Inspect and convert' }))
    await user.click(await screen.findByRole('checkbox', { name: 'kid: RFC 7638 thumbprint' }))
    await user.click(screen.getByRole('button', { name: 'Add public key to JWK set' }))
    await waitFor(() => expect(JSON.parse(textbox('JWK set').value).keys).toHaveLength(2))
    const ours = (JSON.parse(textbox('JWK set').value) as { keys: Jwk[] }).keys[1]!.kid!
    const generated = (await readKey({ text: textbox('Generated public key').value })).candidates[0]
    expect(generated?.type === 'asymmetric' && (await thumbprint(generated.jwk))).toBe(ours)

    await user.click(screen.getByRole('button', { name: 'Use to verify' }))
    expect(textbox('Public key').value).toBe(textbox('JWK set').value)
    // The verdict for the PEM key used before also reads "verified": wait for the set's own.
    await waitFor(() => expect(signatureStatus().textContent).toContain(`key 2 of 2 in the JWKS (kid ${ours})`), { timeout: 10_000 })
    expect(signatureStatus().textContent).toContain('Signature verified')

    const header = textbox('Header')
    for (const [tokenKid, verdict] of [[ours, 'Signature verified'], ['other', 'Invalid signature']] as const) {
      await user.clear(header)
      await user.click(header)
      await user.paste(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: tokenKid }))
      await waitFor(() => expect(headerOf(textbox('Encoded token').value).kid).toBe(tokenKid))
      await waitFor(() => expect(signatureStatus().textContent).toContain(verdict), { timeout: 10_000 })
    }
    // With kid "other" only that key is tried: the set's matching key is not used behind the kid's back.
    expect(signatureStatus().textContent).toContain('does not match this key')
  })

  it('says so in its place, and keeps the page, when the tools cannot be loaded', async () => {
    vi.resetModules()
    vi.doMock('../../src/ui/KeyWorkbenchTools', () => {
      throw new Error('offline')
    })
    try {
      const { KeyWorkbench } = await import('../../src/ui/KeyWorkbench')
      render(<KeyWorkbench />)
      await userEvent.setup().click(screen.getByRole('heading', { name: 'Key workbench' }))
      expect((await screen.findByRole('alert')).textContent).toMatch(/^The key tools could not be loaded \(.+\); reload the page to try again\.$/)
    } finally {
      vi.doUnmock('../../src/ui/KeyWorkbenchTools')
    }
  })
})
