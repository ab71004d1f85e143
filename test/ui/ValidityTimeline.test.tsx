import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import { signToken } from '../../src/jwt'
import { DEMO_SECRET } from '../../src/state/examples'
import { renderApp } from './renderApp'

// The page's clock ticks with the real time: the tokens are made around it, with margins of
// seconds so a slow run cannot change a span's wording.
const NOW = Math.floor(Date.now() / 1000)
const setup = async (payload: object) => {
  const token = await signToken({ alg: 'HS256', typ: 'JWT' }, payload, { text: DEMO_SECRET })
  const app = renderApp({ token, now: NOW })
  await user(app).click(screen.getByRole('textbox', { name: 'Secret' }))
  await user(app).keyboard(DEMO_SECRET)
  return app
}
const user = (app: ReturnType<typeof renderApp>) => app.user
const picture = () => screen.getByRole('img', { name: /^Validity timeline/ })
const validation = () => screen.getByRole('status', { name: 'Claim validation' })

describe('the validity timeline', () => {
  it('says how long a token stays valid, and draws its window with the leeway', async () => {
    await setup({ sub: 'ada', iat: NOW - 60, exp: NOW + 3630 })
    expect(picture().getAttribute('aria-label')).toBe('Validity timeline: Valid at this moment, for another 1 hour.')
    expect(screen.getByText(/Lifetime 1 hour/)).toBeTruthy() // iat − 60 s to exp: 1 hour and 1 minute, in its largest unit
  })

  it('checks at another time: an hour later the token is expired, in the claims and the picture alike', async () => {
    const app = await setup({ sub: 'ada', iat: NOW - 60, exp: NOW + 1770 })
    await app.user.click(screen.getByRole('button', { name: '+1 hour' }))
    expect(picture().getAttribute('aria-label')).toMatch(/Expired 30 minutes before this moment/)
    expect(validation().textContent).toMatch(/Expired 30 minutes ago/)
    expect(screen.getByText(/^Checked at .*, not now/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Now' }))
    expect(picture().getAttribute('aria-label')).toMatch(/Valid at this moment/)
  })

  it('jumps to just after exp, where even a leeway runs out', async () => {
    const app = await setup({ sub: 'ada', exp: NOW + 600 })
    await app.user.click(screen.getByText(/Check against an issuer/))
    const leeway = screen.getByRole('textbox', { name: 'Leeway (seconds)' })
    await app.user.clear(leeway)
    await app.user.type(leeway, '30')
    await app.user.click(screen.getByRole('button', { name: 'Just after exp' }))
    expect(picture().getAttribute('aria-label')).toBe('Validity timeline: Within the leeway of exp: accepted only because of the leeway.')
    await waitFor(() => expect(validation().textContent).not.toMatch(/Expired/))
  })

  it('says when a token has no time claims at all', async () => {
    await setup({ sub: 'ada' })
    expect(screen.getByText(/has no iat, nbf or exp/)).toBeTruthy()
  })
})

describe('access and refresh tokens', () => {
  it('explains a refresh token', async () => {
    await setup({ sub: 'ada', type: 'refresh', exp: NOW + 86400 * 30 })
    expect(screen.getByText(/^A refresh token \(type "refresh"\)/).textContent).toContain('An API must refuse it in place of an access token')
  })

  it('explains an access token marked refresh: false', async () => {
    await setup({ sub: 'ada', refresh: false, exp: NOW + 300 })
    expect(screen.getByText(/^An access token \(refresh: false\)/)).toBeTruthy()
  })

  it('warns when a token does not say which it is', async () => {
    await setup({ sub: 'ada', exp: NOW + 300 })
    expect(screen.getByText(/does not say whether it is an access or a refresh token/)).toBeTruthy()
  })
})
