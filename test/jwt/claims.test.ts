// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { validateClaims } from '../../src/jwt/claims'

const NOW = Date.UTC(2026, 10, 22, 10, 0, 0) / 1000 // 2026-11-22 10:00:00 UTC
const at = (offset: number) => NOW + offset
const statusOf = (payload: unknown, claim: string, options = {}) =>
  validateClaims(payload, { now: NOW, ...options }).checks.find((c) => c.claim === claim)

describe('validateClaims', () => {
  it('says how long ago a token expired, with the date and the leeway', () => {
    const result = validateClaims({ exp: at(-180) }, { now: NOW })
    expect(result.valid).toBe(false)
    expect(result.checks).toEqual([
      {
        claim: 'exp',
        code: 'claims.expired',
        status: 'fail',
        message: 'Expired 3 minutes ago (exp 2026-11-22 09:57:00 UTC), leeway 0 s',
        sentence: { code: 'claims.expired', params: { seconds: 180, at: NOW - 180, leeway: 0 }, text: 'Expired 3 minutes ago (exp 2026-11-22 09:57:00 UTC), leeway 0 s' },
      },
    ])
  })

  it('accepts an expired token within the leeway, as PyJWT and jose do', () => {
    expect(statusOf({ exp: at(-30) }, 'exp', { leeway: 60 })?.status).toBe('pass')
    expect(statusOf({ exp: at(-60) }, 'exp', { leeway: 60 })?.status).toBe('fail')
    // exp equal to now is already expired (exp <= now - leeway).
    expect(statusOf({ exp: NOW }, 'exp')?.status).toBe('fail')
  })

  it('reports a token that is not valid yet, and lets the leeway cover it', () => {
    expect(statusOf({ nbf: at(7200) }, 'nbf')).toMatchObject({ status: 'fail', message: expect.stringContaining('valid in 2 hours') })
    expect(statusOf({ nbf: at(30) }, 'nbf', { leeway: 30 })?.status).toBe('pass')
  })

  it('reports an iat in the future, like PyJWT', () => {
    expect(statusOf({ iat: at(3600) }, 'iat')).toMatchObject({ status: 'fail', code: 'claims.issued-in-future' })
  })

  it('reports a token older than the maximum age', () => {
    expect(statusOf({ iat: at(-7200) }, 'iat', { maxAge: 3600 })).toMatchObject({ status: 'fail', code: 'claims.too-old' })
  })

  it('reads an ISO date string as what it is, not as 1970', () => {
    const check = statusOf({ exp: '2026-11-22T10:00:00Z' }, 'exp')
    expect(check).toMatchObject({ status: 'fail', code: 'claims.not-numeric-date' })
    expect(check?.message).toContain('looks like a date string')
  })

  it('checks the issuer against one or several expected', () => {
    expect(statusOf({ iss: 'a' }, 'iss', { issuer: 'a' })?.status).toBe('pass')
    expect(statusOf({ iss: 'a' }, 'iss', { issuer: ['b', 'a'] })?.status).toBe('pass')
    expect(statusOf({ iss: 'c' }, 'iss', { issuer: 'a' })?.code).toBe('claims.wrong-issuer')
    expect(statusOf({}, 'iss', { issuer: 'a' })?.code).toBe('claims.missing')
  })

  it('checks a string or array audience, needing one match', () => {
    expect(statusOf({ aud: ['x', 'api'] }, 'aud', { audience: 'api' })?.status).toBe('pass')
    expect(statusOf({ aud: 'web' }, 'aud', { audience: ['api', 'web'] })?.status).toBe('pass')
    expect(statusOf({ aud: 'web' }, 'aud', { audience: 'api' })?.code).toBe('claims.wrong-audience')
    expect(statusOf({ aud: 5 }, 'aud', { audience: 'api' })?.code).toBe('claims.invalid-audience')
  })

  it('notes an audience that nobody checks, as PyJWT would reject it', () => {
    expect(statusOf({ aud: 'api' }, 'aud')).toMatchObject({ status: 'skip', message: expect.stringContaining('InvalidAudienceError') })
    expect(validateClaims({ aud: 'api' }, { now: NOW }).valid).toBe(true)
  })

  it('checks subject, token ID and header type', () => {
    expect(statusOf({ sub: 'u1' }, 'sub', { subject: 'u2' })?.status).toBe('fail')
    expect(statusOf({ jti: 'j' }, 'jti', { jti: 'j' })?.status).toBe('pass')
    expect(statusOf({}, 'typ', { typ: 'at+jwt', header: { typ: 'JWT' } })?.status).toBe('fail')
  })

  it('reports each required claim that is missing', () => {
    const result = validateClaims({ sub: 'a' }, { now: NOW, required: ['sub', 'exp', 'iss'] })
    expect(result.checks.filter((c) => c.status === 'fail').map((c) => c.claim)).toEqual(['exp', 'iss'])
  })

  it('takes now as a Date', () => {
    expect(validateClaims({ exp: at(60) }, { now: new Date(NOW * 1000) }).valid).toBe(true)
  })

  it('reports a payload that is not an object', () => {
    expect(validateClaims('text').checks[0]?.code).toBe('claims.not-object')
  })
})
