// @vitest-environment node
/**
 * Hostile input against the core and the page's state. `npm test` runs a sample; `npm run fuzz`
 * sets FUZZ_RUNS for over 100,000 cases in all. Nothing may throw past the API, hang, or lose text.
 */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeToken, parseJson, readKey, SigningError, signToken, verifyToken } from '../../src/jwt'
import { reducer, initialState, type Action } from '../../src/state/debugger'
import { jsonText, keyInput, nastyString, tokenText } from './arbitraries'

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
/** Crypto-heavy properties run a tenth as many cases. */
const CRYPTO_RUNS = Math.max(30, Math.floor(RUNS / 10))
let total = 0
const count = () => {
  total++
}
afterAll(() => console.log(`fuzz: ${total.toLocaleString('en')} generated cases`))

const inside = (range: readonly [number, number], length: number) => range[0] >= 0 && range[0] <= range[1] && range[1] <= length

describe('fuzzing the core', () => {
  it('decodeToken never throws and places every problem inside the text', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        count()
        const decoded = decodeToken(text)
        for (const problem of decoded.problems) expect(inside(problem.range, text.length)).toBe(true)
        for (const segment of decoded.segments) expect(text.slice(...segment.range)).toBe(segment.text)
      }),
      { numRuns: RUNS },
    )
  })

  it('parseJson agrees with JSON.parse on validity, at any depth', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, nastyString), (text) => {
        count()
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        const parsed = parseJson(text)
        expect(parsed.issues.some((i) => i.code === 'invalid-json')).toBe(!valid)
      }),
      { numRuns: RUNS },
    )
  })

  it('readKey never rejects and places every problem inside the key text', async () => {
    await fc.assert(
      fc.asyncProperty(keyInput, async (input) => {
        count()
        const read = await readKey(input)
        for (const problem of read.problems) expect(inside(problem.range, input.text.length)).toBe(true)
      }),
      { numRuns: CRYPTO_RUNS },
    )
  })

  it('verifyToken never rejects and always says why it did not verify', async () => {
    await fc.assert(
      fc.asyncProperty(tokenText, keyInput, async (token, key) => {
        count()
        const result = await verifyToken(token, key)
        if (!result.valid) expect(result.reason).toBeTruthy()
        expect(result.code).not.toBe('verify.internal')
      }),
      { numRuns: CRYPTO_RUNS },
    )
  })

  it('signToken either signs or rejects with a SigningError that says why', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, jsonText, keyInput, async (header, payload, key) => {
        count()
        try {
          expect(typeof (await signToken(header, payload, key))).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(SigningError)
          expect((error as SigningError).message).toBeTruthy()
        }
      }),
      { numRuns: CRYPTO_RUNS },
    )
  })
})

const action: fc.Arbitrary<Action> = fc.oneof(
  tokenText.map((text) => ({ type: 'tokenChanged', text }) as const),
  tokenText.map((text) => ({ type: 'tokenPasted', text }) as const),
  jsonText.map((text) => ({ type: 'headerEdited', text }) as const),
  jsonText.map((text) => ({ type: 'payloadEdited', text }) as const),
  fc.constantFrom('HS256', 'RS256', 'ES256', 'EdDSA', 'none', 'ML-DSA-44').map((alg) => ({ type: 'algorithmChosen', alg }) as const),
  nastyString.map((secret) => ({ type: 'secretChanged', secret }) as const),
  keyInput.map(({ text }) => ({ type: 'publicKeyChanged', publicKey: text }) as const),
  fc.constant({ type: 'cleared' } as const),
)

describe('fuzzing the page state', () => {
  it('never throws and never loses what the user typed', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        count()
        let state = initialState({ now: 1_800_000_000 })
        for (const next of actions) {
          const before = state
          state = reducer(state, next)
          if (next.type === 'tokenChanged') expect(state.token).toBe(next.text)
          if (next.type === 'headerEdited') expect(state.header.text).toBe(next.text)
          if (next.type === 'payloadEdited') expect(state.payload.text).toBe(next.text)
          // Invalid JSON keeps the last valid token.
          if ((next.type === 'headerEdited' || next.type === 'payloadEdited') && (state.header.error || state.payload.error)) expect(state.token).toBe(before.token)
          if (next.type === 'secretChanged') expect(state.keys.secret).toBe(next.secret)
        }
      }),
      { numRuns: RUNS },
    )
  })
})
