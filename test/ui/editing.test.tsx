import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { encodeBase64url, signToken, verifyToken } from '../../src/jwt'
import { DEMO_SECRET, DEMO_TOKEN } from '../../src/state/examples'
import { renderApp } from './renderApp'

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement
const tokenField = () => field('Encoded token')
const status = () => screen.getByRole('status', { name: 'Signature status' })
const readsEventually = (text: string) => waitFor(() => expect(status().textContent).toContain(text))
/** Adjacent pieces of one part joined (a problem mark splits a part into several pieces). */
const joinedParts = (layer: ReturnType<typeof tokenLayer>) =>
  layer.reduce<[string | null, string][]>((parts, [part, text]) => {
    const last = parts.at(-1)
    if (last && last[0] === part) last[1] += text ?? ''
    else parts.push([part, text ?? ''])
    return parts
  }, [])
const b64url = (text: string) => encodeBase64url(new TextEncoder().encode(text))

/** The coloured copy drawn under the token field: each piece's data-part and its text. */
const tokenLayer = () =>
  [...tokenField().parentElement!.querySelectorAll('[data-part]')].map((el) => [el.getAttribute('data-part'), el.textContent] as const)

describe('DecodedPanel', () => {
  it('shows a pasted token decoded at once, and the panels that explain it right after', async () => {
    renderApp()
    await screen.findByRole('list', { name: 'Findings, most severe first' })
    const unsigned = `${b64url('{"alg":"none"}')}.${b64url('{"sub":"pasted"}')}.`
    fireEvent.change(tokenField(), { target: { value: unsigned } })
    // In the same render as the keystroke: the field and the decoded parts.
    expect(field('Payload').value).toBe('{"sub":"pasted"}')
    const unsignedFinding = { name: 'The token is unsigned ("alg": "none")' }
    expect(screen.queryByRole('listitem', unsignedFinding)).toBeNull()
    // After the frame that shows them: the findings.
    expect(await screen.findByRole('listitem', unsignedFinding)).toBeTruthy()
  })

  it('re-encodes and re-signs the token as the payload is typed', async () => {
    const { user } = renderApp()
    await user.clear(field('Payload'))
    // `{{` is user-event's way of typing one `{`.
    await user.type(field('Payload'), '{{"sub":"typed"}')
    const payloadSegment = () => tokenField().value.split('.')[1]
    await waitFor(() => expect(payloadSegment()).toBe(b64url('{"sub":"typed"}')))
    await readsEventually('Signature verified')
    const token = tokenField().value
    expect(token.split('.')[0]).toBe(DEMO_TOKEN.split('.')[0])
    expect(token.split('.')[2]).not.toBe(DEMO_TOKEN.split('.')[2])
    // The verdict on screen is the core's own: the token shown really is signed with the secret.
    expect((await verifyToken(token, { text: DEMO_SECRET })).valid).toBe(true)
  })

  it('marks invalid JSON in the header at its position and keeps the last valid token', async () => {
    const { user } = renderApp()
    const header = '{"alg":"HS256","typ":"JWT","kid":"k1"}'
    await user.clear(field('Header'))
    await user.click(field('Header'))
    await user.paste(header)
    await waitFor(() => expect(tokenField().value.split('.')[0]).toBe(b64url(header)))
    await readsEventually('Signature verified')
    const lastValid = tokenField().value

    await user.type(field('Header'), '}')
    expect(field('Header').value).toBe(`${header}}`)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Invalid JSON')
    expect(alert.textContent).toContain(`(position ${header.length})`)
    expect(field('Header').getAttribute('aria-invalid')).toBe('true')
    expect(field('Header').getAttribute('aria-describedby')).toBe(alert.id)
    expect(tokenField().value).toBe(lastValid)
    expect(status().textContent).toContain('Signature verified')

    await user.type(field('Header'), '{Backspace}')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(tokenField().value).toBe(lastValid)
  })
})

describe('SignaturePanel’s secret encoding', () => {
  it('verifies a token signed with a base64url secret only once base64url is chosen', async () => {
    const secret = 'c2VjcmV0LWJ5dGVzLW9mLWEtZGVtby1rZXktMzItYnl0ZXM'
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'encoded' }, { text: secret, encoding: 'base64url' })
    const { user } = renderApp({ token })
    const encoding = screen.getByRole('combobox', { name: 'Secret encoding' })
    expect(encoding).toHaveProperty('value', 'utf8')
    await user.click(field('Secret'))
    await user.paste(secret)
    await readsEventually('Invalid signature')

    await user.selectOptions(encoding, 'base64url')
    await readsEventually('Signature verified')
    await user.selectOptions(encoding, 'hex')
    await waitFor(() => expect(status().textContent).not.toContain('Signature verified'))
    await user.selectOptions(encoding, 'UTF-8 text')
    await readsEventually('Invalid signature')
    expect(tokenField().value).toBe(token)
  })
})

describe('TokenEditor', () => {
  it('decodes a token typed character by character, colouring its parts as they appear', async () => {
    const token = await signToken({ alg: 'HS256' }, { sub: 'typed' }, { text: DEMO_SECRET })
    const { user } = renderApp()
    await user.clear(tokenField())
    const [header, payload] = token.split('.')
    await user.type(tokenField(), `${header}.${payload!.slice(0, 4)}`)
    expect(joinedParts(tokenLayer())).toEqual([
      ['header', header],
      ['dot', '.'],
      ['payload', payload!.slice(0, 4)],
    ])
    await user.type(tokenField(), token.slice(header!.length + 5))
    expect(tokenField().value).toBe(token)
    expect(field('Header').value).toBe('{"alg":"HS256"}')
    expect(field('Payload').value).toBe('{"sub":"typed"}')
    expect(tokenLayer().map(([part]) => part)).toEqual(['header', 'dot', 'payload', 'dot', 'signature'])
    await readsEventually('Signature verified')
  })

  it('keeps every character of a token in a part, even where a problem is marked', () => {
    const broken = DEMO_TOKEN.replace('.eyJzdWIi', '.eyJz%WIi')
    renderApp({ token: broken })
    const [header, payload, signature] = broken.split('.')
    expect(joinedParts(tokenLayer())).toEqual([
      ['header', header],
      ['dot', '.'],
      ['payload', payload],
      ['dot', '.'],
      ['signature', signature],
    ])
    const marked = tokenField().parentElement!.querySelector('.mark-error')
    expect(marked?.textContent).toBe('%')
    expect(marked?.getAttribute('data-part')).toBe('payload')
  })

  it('colours an encrypted token’s header as a header and its other four parts apart', () => {
    const header = b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')
    const jwe = [header, 'a2V5', 'aXZpdml2aXZpdml2', 'Y2lwaGVy', 'dGFndGFndGFndGFndGFn'].join('.')
    renderApp({ token: jwe })
    const layer = tokenLayer()
    expect(layer.map(([, text]) => text).join('')).toBe(jwe)
    expect(layer.map(([part]) => part)).toEqual(['header', 'dot', 'jwe', 'dot', 'jwe', 'dot', 'jwe', 'dot', 'jwe'])
    expect(field('Header').value).toBe('{"alg":"RSA-OAEP","enc":"A256GCM"}')
  })

  it('leaves text around the token, such as a typed Bearer prefix, out of its parts', () => {
    renderApp({ token: `Bearer ${DEMO_TOKEN}` })
    const layer = tokenLayer()
    expect(layer[0]).toEqual(['outside', 'Bearer '])
    expect(layer.slice(1).map(([, text]) => text).join('')).toBe(DEMO_TOKEN)
    expect(layer.slice(1).map(([part]) => part)).toEqual(['header', 'dot', 'payload', 'dot', 'signature'])
  })
})
