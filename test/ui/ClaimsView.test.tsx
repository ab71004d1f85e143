// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { validateClaims } from '../../src/jwt/claims'
import { ClaimsView } from '../../src/ui/ClaimsView'

const NOW = Date.UTC(2026, 10, 22, 10, 0, 0) / 1000 // 2026-11-22 10:00:00 UTC
const at = (offset: number) => NOW + offset
const MINUTE = 60
const HOUR = 3600
const DAY = 86400

afterEach(cleanup)

const rowOf = (claim: string) => screen.getByRole('row', { name: new RegExp(`^${claim}\\b`) })

describe('ClaimsView', () => {
  it('lists every claim in payload order, with its meaning or a note that it is not registered', () => {
    render(<ClaimsView payload={{ sub: 'alice', iss: 'https://issuer.example', tenant: 'acme' }} now={NOW} />)
    const table = screen.getByRole('table', { name: 'Claims' })
    const [, ...rows] = within(table).getAllByRole('row')
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['sub', 'iss', 'tenant'])
    expect(rowOf('sub').textContent).toContain('"alice"')
    expect(rowOf('iss').textContent).toContain('RFC 7519 §4.1.1')
    expect(within(rowOf('tenant')).getByText('Not a registered claim')).toBeTruthy()
  })

  it('says how long ago an expired token expired, in local time and in UTC', () => {
    render(<ClaimsView payload={{ exp: at(-3 * MINUTE) }} now={NOW} />)
    const row = screen.getByRole('row', { name: /exp/ })
    expect(row.textContent).toContain('expired 3 minutes ago')
    expect(row.textContent).toContain('2026-11-22 09:57:00 UTC')
    const time = row.querySelector('time')
    expect(time?.getAttribute('dateTime')).toBe('2026-11-22T09:57:00.000Z')
    expect(time?.textContent).toBe(new Date(at(-3 * MINUTE) * 1000).toLocaleString())
  })

  it('says how soon a token that has not expired expires', () => {
    render(<ClaimsView payload={{ exp: at(4 * MINUTE) }} now={NOW} />)
    expect(screen.getByRole('row', { name: /exp/ }).textContent).toContain('expires in 4 minutes')
  })

  it('describes nbf, iat, auth_time and updated_at relative to now', () => {
    const payload = { nbf: at(3 * DAY), iat: at(-10 * MINUTE), auth_time: at(-3 * HOUR), updated_at: at(-2 * DAY) }
    render(<ClaimsView payload={payload} now={NOW} />)
    expect(rowOf('nbf').textContent).toContain('valid in 3 days')
    expect(rowOf('iat').textContent).toContain('issued 10 minutes ago')
    expect(rowOf('auth_time').textContent).toContain('authenticated 3 hours ago')
    expect(rowOf('updated_at').textContent).toContain('updated 2 days ago')
  })

  it('says when a token became valid and that an iat in the future is in the future', () => {
    render(<ClaimsView payload={{ nbf: at(-5 * MINUTE), iat: at(2 * MINUTE) }} now={NOW} />)
    expect(rowOf('nbf').textContent).toContain('valid since 5 minutes ago')
    expect(rowOf('iat').textContent).toContain('issued in the future: in 2 minutes')
  })

  it('keeps the relative time live as the parent passes a new now', () => {
    const { rerender } = render(<ClaimsView payload={{ exp: at(90) }} now={NOW} />)
    expect(screen.getByRole('row', { name: /exp/ }).textContent).toContain('expires in 1 minute')
    rerender(<ClaimsView payload={{ exp: at(90) }} now={NOW + 120} />)
    expect(screen.getByRole('row', { name: /exp/ }).textContent).toContain('expired 30 seconds ago')
  })

  it('warns that an exp written as a date string is not a NumericDate, as the validation does', () => {
    const payload = { exp: '2026-11-22T10:00:00Z' }
    render(<ClaimsView payload={payload} now={NOW} validation={validateClaims(payload, { now: NOW })} />)
    const row = screen.getByRole('row', { name: /exp/ })
    expect(row.textContent).toContain('not a NumericDate: seconds since 1970 expected')
    expect(row.querySelector('time')).toBeNull()
    expect(screen.getByRole('status', { name: 'Claim validation' }).textContent).toContain('must be a number of seconds since 1970')
  })

  it('shows HTML in a value as literal text and never as markup', () => {
    const html = '<img src=x onerror=alert(1)>'
    const { container } = render(<ClaimsView payload={{ name: html, [html]: 1 }} now={NOW} />)
    expect(rowOf('name').textContent).toContain(`"${html}"`)
    expect(screen.getByText(html, { selector: 'code' })).toBeTruthy()
    expect(container.querySelector('img')).toBeNull()
  })

  it('shortens a long value with an ellipsis and keeps the full value in its title', () => {
    const long = 'x'.repeat(200)
    render(<ClaimsView payload={{ blob: long, short: 'ok' }} now={NOW} />)
    const value = within(rowOf('blob')).getByTitle(JSON.stringify(long))
    expect(value.textContent).toHaveLength(80)
    expect(value.textContent?.endsWith('…')).toBe(true)
    expect(within(rowOf('short')).getByText('"ok"').getAttribute('title')).toBeNull()
  })

  it('explains that a payload that is not a JSON object has no claims', () => {
    render(<ClaimsView payload={['not', 'claims']} now={NOW} />)
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByText('The payload is not a JSON object, so it has no claims.')).toBeTruthy()
  })

  it('shows the first failing check in the status line', () => {
    const payload = { exp: at(-3 * MINUTE), iat: at(-HOUR) }
    render(<ClaimsView payload={payload} now={NOW} validation={validateClaims(payload, { now: NOW })} />)
    expect(screen.getByRole('status', { name: 'Claim validation' }).textContent).toContain(
      'Expired 3 minutes ago (exp 2026-11-22 09:57:00 UTC), leeway 0 s',
    )
  })

  it('says the claims are valid when every check passes', () => {
    const payload = { exp: at(HOUR), iat: at(-MINUTE), iss: 'https://issuer.example' }
    const validation = validateClaims(payload, { now: NOW, issuer: 'https://issuer.example' })
    render(<ClaimsView payload={payload} now={NOW} validation={validation} />)
    expect(screen.getByRole('status', { name: 'Claim validation' }).textContent).toContain('Claims valid')
  })

  it('marks each check with a symbol and a word, not with colour alone', () => {
    const payload = { exp: at(-MINUTE), iat: at(-HOUR), aud: 'api' }
    render(<ClaimsView payload={payload} now={NOW} validation={validateClaims(payload, { now: NOW })} />)
    const items = within(screen.getByRole('list', { name: 'Claim checks' })).getAllByRole('listitem')
    expect(items.map((item) => item.textContent?.slice(0, 2))).toEqual(['✗f', '✓p', '–n'])
    expect(items[0]?.textContent).toMatch(/^✗failed: Expired 1 minute ago/)
    expect(items[1]?.textContent).toMatch(/^✓passed: Issued 1 hour ago/)
    expect(items[2]?.textContent).toMatch(/^–not checked: The token is for "api"/)
  })
})
