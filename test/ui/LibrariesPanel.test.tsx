import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { renderApp } from './renderApp'

const setup = () => {
  const app = renderApp()
  return app
}

const libraries = () => screen.findByRole('list', { name: 'Libraries' })
const card = async (name: RegExp) => within(await libraries()).getByRole('heading', { name }).closest('li')!

async function openLibraries(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByText('What libraries would say'))
}

describe('the libraries panel', () => {
  it('says PyJWT and jose accept the verified example, with the exact call', async () => {
    const { user } = setup()
    await openLibraries(user)
    const pyjwt = await card(/PyJWT 2\.6\.0/)
    expect(pyjwt.textContent).toContain('jwt.decode(token, key, algorithms=["HS256"], leeway=0)')
    await waitFor(() => expect(pyjwt.textContent).toContain('returns the payload'))
    expect((await card(/jose 6/)).textContent).toContain('returns the payload')
  })

  it('names the exception each library raises when an expected issuer does not match', async () => {
    const { user } = setup()
    await openLibraries(user)
    await libraries()
    await user.click(screen.getByText(/Check against an issuer/))
    await user.type(screen.getByRole('textbox', { name: 'Expected issuer' }), 'https://auth.example.com/')
    await waitFor(async () => expect((await card(/PyJWT/)).textContent).toContain('raises MissingRequiredClaimError: Token is missing the "iss" claim'))
    expect((await card(/PyJWT/)).textContent).toContain('issuer="https://auth.example.com/"')
    await waitFor(async () => expect((await card(/jose/)).textContent).toMatch(/throws JWTClaimValidationFailed: missing required "iss" claim/))
    // The claims panel checks the same expectation.
    expect(screen.getByRole('list', { name: 'Claim checks' }).textContent).toContain('Expected issuer "https://auth.example.com/", but the token has no iss')
  })

  it('tells which Flask route would take the token and which header prefix each framework expects', async () => {
    const { user } = setup()
    await openLibraries(user)
    const table = await screen.findByRole('table', { name: /Web frameworks/ })
    const row = (name: RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!
    expect(row(/^flask-jwt-extended 4 @jwt_required\(\)\s*reads/).textContent).toContain('accepts the token')
    expect(row(/^flask-jwt-extended 4 @jwt_required\(refresh=True\)\s*reads/).textContent).toContain('WrongTokenError: Only refresh tokens are allowed')
    expect(row(/^Flask-JWT 0\.3/).textContent).toContain('Authorization: JWT <token>')
    expect(row(/^Flask-JWT 0\.3/).textContent).toContain("KeyError: 'identity'")
  })

  it('reports a leeway that is not a number at its field and keeps the text', async () => {
    const { user } = setup()
    await user.click(screen.getByText(/Check against an issuer/))
    const leeway = screen.getByRole('textbox', { name: 'Leeway (seconds)' })
    await user.clear(leeway)
    await user.type(leeway, 'ten')
    expect(leeway).toHaveProperty('value', 'ten')
    expect(leeway.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText(/Leeway must be a number of seconds/)).toBeTruthy()
  })
})
