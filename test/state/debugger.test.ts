// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { verifyToken } from '../../src/jwt'
import { currentAlg, initialState, keySlot, reducer, verifyKeyOf, withAlg, type Action, type DebuggerState } from '../../src/state/debugger'
import { DEMO_SECRET, DEMO_TOKEN } from '../../src/state/examples'
import { readLink, shareLink } from '../../src/state/fragment'

const run = (state: DebuggerState, ...actions: Action[]) => actions.reduce(reducer, state)

describe('the example', () => {
  it('verifies with the demo secret', async () => {
    expect((await verifyToken(DEMO_TOKEN, { text: DEMO_SECRET })).valid).toBe(true)
  })
})

describe('reducer', () => {
  it('drops a verdict about a token that has changed since', () => {
    const state = initialState()
    const input = { token: state.token, key: verifyKeyOf(state) }
    const changed = run(state, { type: 'tokenChanged', text: 'abc' })
    const result = { valid: true, keyProblems: [] }
    expect(run(changed, { type: 'verified', input, result }).verification.result).toBeUndefined()
    expect(run(state, { type: 'verified', input, result }).verification).toEqual({ result, checking: false })
  })

  it('drops a signature made for an edit that has been superseded', () => {
    const state = run(initialState(), { type: 'payloadEdited', text: '{"a":1}' })
    const first = state.signRequest!.id
    const later = run(state, { type: 'payloadEdited', text: '{"a":2}' })
    expect(run(later, { type: 'signed', id: first, token: 'x.y.z' }).token).toBe(later.token)
  })

  it('keeps each kind of key apart, so switching algorithm loses nothing', () => {
    let state = run(initialState(), { type: 'algorithmChosen', alg: 'RS256' }, { type: 'publicKeyChanged', publicKey: 'rsa-public' })
    state = run(state, { type: 'algorithmChosen', alg: 'ES256' }, { type: 'publicKeyChanged', publicKey: 'ec-public' })
    state = run(state, { type: 'algorithmChosen', alg: 'PS256' })
    expect(currentAlg(state)).toBe('PS256')
    expect(verifyKeyOf(state).text).toBe('rsa-public')
    expect(state.keys.secret).toBe(DEMO_SECRET)
  })

  it('asks for a key only when the chosen algorithm has none', () => {
    const state = run(initialState(), { type: 'algorithmChosen', alg: 'HS512' })
    expect(state.keyRequest).toBeUndefined()
    expect(run(state, { type: 'algorithmChosen', alg: 'EdDSA' }).keyRequest?.alg).toBe('EdDSA')
  })

  it('gives every algorithm family its own key slot', () => {
    expect(['RS256', 'PS512', 'ES256', 'ES256K', 'EdDSA', 'Ed448', 'ML-DSA-65', 'HS256'].map(keySlot)).toEqual(['RSA', 'RSA', 'EC:P-256', 'EC:secp256k1', 'OKP', 'OKP:Ed448', 'AKP:ML-DSA-65', 'secret'])
  })

  it('empties the signature of an alg none token', () => {
    const state = run(initialState(), { type: 'headerEdited', text: '{"alg":"none"}' })
    expect(state.token.endsWith('.')).toBe(true)
    expect(state.signRequest).toBeUndefined()
  })
})

describe('withAlg', () => {
  it('changes only the alg value, keeping spacing and order', () => {
    expect(withAlg('{ "typ": "JWT",\n  "alg" : "HS256" }', 'ES256')).toBe('{ "typ": "JWT",\n  "alg" : "ES256" }')
  })
  it('changes the alg that counts when the header has two: the last, as JSON.parse reads it', () => {
    expect(withAlg('{"alg":"none","alg":"HS256"}', 'ES256')).toBe('{"alg":"none","alg":"ES256"}')
  })
  it('adds alg to a header without one', () => {
    expect(withAlg('{"typ":"JWT"}', 'RS256')).toBe('{"alg":"RS256","typ":"JWT"}')
    expect(withAlg('{}', 'RS256')).toBe('{"alg":"RS256"}')
  })
})

describe('share links', () => {
  it('puts the token and public key in the fragment, never in the query', () => {
    const link = shareLink('https://debugger.example/?x=1#old', 'a.b.c', '-----BEGIN PUBLIC KEY-----')
    expect(new URL(link).search).toBe('')
    expect(readLink(link)).toEqual({ token: 'a.b.c', publicKey: '-----BEGIN PUBLIC KEY-----', notes: [] })
  })

  it.each(['id_token', 'access_token', 'value'])('reads the %s alias', (name) => {
    expect(readLink(`https://debugger.example/#${name}=a.b.c`).token).toBe('a.b.c')
  })

  it('moves a ?token= link into the fragment and says why', () => {
    const read = readLink('https://debugger.example/page?token=a.b.c')
    expect(read.token).toBe('a.b.c')
    expect(read.replaceWith).toBe('https://debugger.example/page#token=a.b.c')
    expect(read.notes[0]).toContain('never sends')
  })
})
