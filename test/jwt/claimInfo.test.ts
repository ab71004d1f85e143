// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { claimInfo, TIME_CLAIMS } from '../../src/jwt/claimInfo'

const REGISTERED = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']
const OIDC = [
  'auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 'sid',
  'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture',
  'website', 'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number',
  'phone_number_verified', 'address', 'updated_at',
]
const OAUTH = ['client_id', 'scope', 'act', 'may_act', 'cnf', 'roles', 'groups', 'entitlements', 'scp', 'htm', 'htu', 'ath']
const HEADER = ['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'b64']

describe('claimInfo', () => {
  it.each(REGISTERED)('describes the registered claim %s and cites RFC 7519 §4.1', (name) => {
    const info = claimInfo(name, 'payload')
    expect(info?.name).toBe(name)
    expect(info?.description.length).toBeGreaterThan(10)
    expect(info?.spec).toMatch(/^RFC 7519 §4\.1\.\d$/)
  })

  it('describes every OpenID Connect claim and cites an OpenID document', () => {
    for (const name of OIDC) {
      const info = claimInfo(name, 'payload')
      expect(info?.description, name).toBeTruthy()
      expect(info?.spec, name).toMatch(/^OpenID Connect /)
    }
  })

  it('describes the OAuth access token, token exchange and DPoP claims', () => {
    for (const name of OAUTH) expect(claimInfo(name, 'payload')?.description, name).toBeTruthy()
    expect(claimInfo('cnf', 'payload')?.spec).toBe('RFC 7800 §3.1')
    expect(claimInfo('act', 'payload')?.spec).toBe('RFC 8693 §4.1')
  })

  it('says that scp is a non-standard spelling of scope', () => {
    expect(claimInfo('scp', 'payload')?.spec).toMatch(/^non-standard/)
    expect(claimInfo('scp', 'payload')?.description).toMatch(/non-standard spelling of scope/)
  })

  it('marks exactly the NumericDate claims as times', () => {
    expect(TIME_CLAIMS).toEqual(['exp', 'nbf', 'iat', 'auth_time', 'updated_at'])
    for (const name of TIME_CLAIMS) expect(claimInfo(name, 'payload')?.kind, name).toBe('time')
    for (const name of ['iss', 'jti', 'birthdate', 'nonce']) expect(claimInfo(name, 'payload')).not.toHaveProperty('kind')
  })

  it('gives undefined for a name no spec defines, including names inherited by every object', () => {
    for (const name of ['foo', '', 'EXP', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(claimInfo(name, 'payload'), name).toBeUndefined()
      expect(claimInfo(name, 'header'), name).toBeUndefined()
    }
  })

  it('knows the RFC 7515 header parameters and b64 in the header part only', () => {
    for (const name of HEADER) {
      const info = claimInfo(name, 'header')
      expect(info?.description, name).toBeTruthy()
      expect(info?.spec, name).toMatch(/^RFC (7515 §4\.1\.\d+|7797 §3)$/)
      expect(claimInfo(name, 'payload'), name).toBeUndefined()
    }
    expect(claimInfo('exp', 'header')).toBeUndefined()
  })

  it('mentions the at+jwt type of OAuth access tokens under typ', () => {
    expect(claimInfo('typ', 'header')?.description).toContain('at+jwt')
  })
})
