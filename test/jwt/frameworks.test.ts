// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { decodeToken, signToken } from '../../src/jwt'
import { predictFrameworks, type FrameworkOutcome } from '../../src/jwt/frameworks'
import { tokenRole } from '../../src/jwt/tokenRole'

const SECRET = 'a-demo-secret-for-the-framework-tests-32b'
const NOW = 1_800_000_000
const key = { text: SECRET, format: 'secret' as const }

async function outcomes(payload: object, expectations: object = {}): Promise<FrameworkOutcome[]> {
  const token = await signToken(JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), key)
  const decoded = decodeToken(token)
  const value = decoded.payload?.kind === 'json' ? (decoded.payload.value as Record<string, unknown>) : undefined
  return predictFrameworks(token, key, { algorithms: ['HS256'], now: NOW, ...expectations }, { payload: value, header: decoded.header?.value as Record<string, unknown> })
}

const find = (all: FrameworkOutcome[], framework: string, endpoint: string) => all.find((o) => o.framework.startsWith(framework) && o.endpoint.startsWith(endpoint))!

describe('flask-jwt-extended', () => {
  const access = { sub: 'ada', type: 'access', fresh: false, jti: 'j1', iat: NOW - 60, exp: NOW + 600 }

  it('accepts an access token on a protected route and refuses it on the refresh route', async () => {
    const all = await outcomes(access)
    expect(find(all, 'flask-jwt-extended', '@jwt_required()')).toMatchObject({ outcome: 'accepts', header: 'Authorization: Bearer <token>' })
    expect(find(all, 'flask-jwt-extended', '@jwt_required(refresh=True)')).toMatchObject({ outcome: 'rejects', error: 'WrongTokenError', message: 'Only refresh tokens are allowed' })
  })

  it('refuses a refresh token where an access token is expected', async () => {
    const all = await outcomes({ ...access, type: 'refresh' })
    expect(find(all, 'flask-jwt-extended', '@jwt_required()')).toMatchObject({ outcome: 'rejects', error: 'WrongTokenError', message: 'Only non-refresh tokens are allowed' })
    expect(find(all, 'flask-jwt-extended', '@jwt_required(refresh=True)')).toMatchObject({ outcome: 'accepts' })
  })

  it('asks for a fresh token on a fresh-only route, accepting a freshness time still ahead', async () => {
    expect(find(await outcomes(access), 'flask-jwt-extended', '@jwt_required(fresh=True)')).toMatchObject({ error: 'FreshTokenRequired' })
    expect(find(await outcomes({ ...access, fresh: NOW + 60 }), 'flask-jwt-extended', '@jwt_required(fresh=True)')).toMatchObject({ outcome: 'accepts' })
  })

  it('reports a token without sub as missing its identity claim', async () => {
    const withoutSub: Record<string, unknown> = { ...access }
    delete withoutSub.sub
    expect(find(await outcomes(withoutSub), 'flask-jwt-extended', '@jwt_required()')).toMatchObject({ error: 'JWTDecodeError', message: 'Missing claim: sub' })
  })

  it('passes an aud claim when no audience is configured, as its verify_aud option does', async () => {
    const all = await outcomes({ ...access, aud: 'api' })
    expect(find(all, 'flask-jwt-extended', '@jwt_required()').outcome).toBe('accepts')
    // A plain jwt.decode without audience= refuses the same token.
    expect(find(all, 'Authorization', 'an API route')).toMatchObject({ error: 'InvalidAudienceError' })
  })

  it('reports PyJWT’s exception for an expired token on every route', async () => {
    const all = await outcomes({ ...access, exp: NOW - 10 })
    for (const o of all.filter((o) => o.framework.startsWith('flask-jwt-extended'))) expect(o).toMatchObject({ outcome: 'rejects', error: 'ExpiredSignatureError' })
  })
})

describe('Flask-JWT', () => {
  it('expects the JWT header prefix and the identity claim', async () => {
    const ok = find(await outcomes({ identity: 7, exp: NOW + 300, iat: NOW, nbf: NOW }), 'Flask-JWT', '@jwt_required()')
    expect(ok).toMatchObject({ outcome: 'accepts', header: 'Authorization: JWT <token>' })
    expect(find(await outcomes({ sub: '7', exp: NOW + 300 }), 'Flask-JWT', '@jwt_required()')).toMatchObject({ outcome: 'rejects', error: 'KeyError' })
  })

  it('allows its 10 second leeway where a plain decode says expired', async () => {
    const all = await outcomes({ identity: 7, exp: NOW - 5 })
    expect(find(all, 'Flask-JWT', '@jwt_required()').outcome).toBe('accepts')
    expect(find(all, 'Authorization', 'an API route')).toMatchObject({ error: 'ExpiredSignatureError' })
  })

  it('says that its required claims are not enforced with PyJWT 2', async () => {
    const outcome = find(await outcomes({ identity: 7 }), 'Flask-JWT', '@jwt_required()')
    expect(outcome.outcome).toBe('accepts')
    expect(outcome.why).toMatch(/exp, iat, nbf.*PyJWT 2 ignores/)
  })
})

describe('the Authorization header middleware pattern', () => {
  it('sends a refresh: true token only to the refresh route', async () => {
    const all = await outcomes({ sub: 'ada', refresh: true, exp: NOW + 3600 })
    expect(find(all, 'Authorization', 'an API route')).toMatchObject({ outcome: 'rejects', message: 'refresh token used as an access token' })
    expect(find(all, 'Authorization', 'the refresh route').outcome).toBe('accepts')
  })

  it('sends a refresh: false token only to API routes', async () => {
    const all = await outcomes({ sub: 'ada', refresh: false, exp: NOW + 300 })
    expect(find(all, 'Authorization', 'an API route').outcome).toBe('accepts')
    expect(find(all, 'Authorization', 'the refresh route')).toMatchObject({ outcome: 'rejects', message: 'access token used as a refresh token' })
  })

  it('says when a token does not tell access from refresh', async () => {
    const all = await outcomes({ sub: 'ada', exp: NOW + 300 })
    expect(find(all, 'Authorization', 'an API route').why).toMatch(/cannot tell them apart/)
  })
})

describe('tokenRole', () => {
  it.each([
    [{ refresh: true }, undefined, 'refresh'],
    [{ type: 'refresh' }, undefined, 'refresh'],
    [{ token_type: 'access' }, undefined, 'access'],
    [{}, { typ: 'at+jwt' }, 'access'],
    [{ sub: 'x' }, undefined, undefined],
  ] as const)('reads %j with header %j as %s', (payload, header, role) => {
    expect(tokenRole(payload, header)).toBe(role)
  })
})
