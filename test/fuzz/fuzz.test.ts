// @vitest-environment node
/**
 * Hostile input against the core and the page's state. `npm test` runs a sample; `npm run fuzz`
 * sets FUZZ_RUNS for over 100,000 cases in all, and the last test fails if fewer ran. Nothing may
 * throw past the API, hang, or lose text. Every run also includes a payload nested 10,000 levels.
 */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeToken, parseJson, readKey, SigningError, signToken, verifyToken } from '../../src/jwt'
import { currentAlg, initialState, keySlot, pairFor, reducer, type Action, type DebuggerState } from '../../src/state/debugger'
import { DEEP_ARRAY, DEEP_JSON, DEEP_TOKEN, jsonText, keyInput, keyText, nastyString, SIZE_BOUNDS, tokenText } from './arbitraries'

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
/** Crypto-heavy properties run a tenth as many cases. */
const CRYPTO_RUNS = Math.max(30, Math.floor(RUNS / 10))
/** What `npm run fuzz` (the only runner to set FUZZ_RUNS) must reach, per the hardening issue. */
const FUZZ_COMMAND_MINIMUM = 100_000

/** Cases each property runs; the last test checks that exactly these ran. */
const PLANNED = { decodeToken: RUNS, parseJson: RUNS, readKey: CRYPTO_RUNS, verifyToken: CRYPTO_RUNS, signToken: CRYPTO_RUNS, reducer: RUNS } as const
type Property = keyof typeof PLANNED
const ran: Record<Property, number> = { decodeToken: 0, parseJson: 0, readKey: 0, verifyToken: 0, signToken: 0, reducer: 0 }
const count = (property: Property) => {
  ran[property]++
}
const sum = (counts: Readonly<Record<Property, number>>) => Object.values(counts).reduce((a, b) => a + b, 0)
afterAll(() => console.log(`fuzz: ${sum(ran).toLocaleString('en')} generated cases`))

const inside = (range: readonly [number, number], length: number) => range[0] >= 0 && range[0] <= range[1] && range[1] <= length

describe('fuzzing the core', () => {
  it('decodeToken never throws and places every problem inside the text', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        count('decodeToken')
        const decoded = decodeToken(text)
        for (const problem of decoded.problems) expect(inside(problem.range, text.length)).toBe(true)
        for (const segment of decoded.segments) expect(text.slice(...segment.range)).toBe(segment.text)
      }),
      // Fast-check runs examples first, within numRuns.
      { numRuns: PLANNED.decodeToken, examples: [[DEEP_TOKEN]] },
    )
  })

  it('parseJson agrees with JSON.parse on validity, at any depth', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, nastyString), (text) => {
        count('parseJson')
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        const parsed = parseJson(text)
        expect(parsed.issues.some((i) => i.code === 'invalid-json')).toBe(!valid)
      }),
      { numRuns: PLANNED.parseJson, examples: [[DEEP_JSON], [DEEP_ARRAY]] },
    )
  })

  it('readKey never rejects and places every problem inside the key text', async () => {
    await fc.assert(
      fc.asyncProperty(keyInput, async (input) => {
        count('readKey')
        const read = await readKey(input)
        for (const problem of read.problems) expect(inside(problem.range, input.text.length)).toBe(true)
      }),
      { numRuns: PLANNED.readKey },
    )
  })

  it('verifyToken never rejects and always says why it did not verify', async () => {
    await fc.assert(
      fc.asyncProperty(tokenText, keyInput, async (token, key) => {
        count('verifyToken')
        const result = await verifyToken(token, key)
        if (!result.valid) expect(result.reason).toBeTruthy()
        expect(result.code).not.toBe('verify.internal')
      }),
      { numRuns: PLANNED.verifyToken, examples: [[DEEP_TOKEN, { text: 'a-secret', format: 'secret', encoding: 'utf8' }]] },
    )
  })

  it('signToken either signs or rejects with a SigningError that says why', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, jsonText, keyInput, async (header, payload, key) => {
        count('signToken')
        try {
          expect(typeof (await signToken(header, payload, key))).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(SigningError)
          expect((error as SigningError).message).toBeTruthy()
        }
      }),
      { numRuns: PLANNED.signToken },
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
  keyText.map((publicKey) => ({ type: 'publicKeyChanged', publicKey }) as const),
  keyText.map((privateKey) => ({ type: 'privateKeyChanged', privateKey }) as const),
  fc.constant({ type: 'cleared' } as const),
)

/**
 * What the user typed is still there after the action: the field they edited holds their text
 * exactly (a pasted token may lose a wrapper such as `Bearer `, with a note saying so), and every
 * other key field, of every kind of key, is as it was.
 */
function expectTextKept(before: DebuggerState, next: Action, state: DebuggerState): void {
  const pairBefore = pairFor(before.keys, currentAlg(before))
  switch (next.type) {
    case 'tokenChanged':
      expect(state.token).toBe(next.text)
      break
    case 'tokenPasted':
      if (state.token !== next.text) {
        expect(state.token).not.toBe('')
        expect(next.text.includes(state.token)).toBe(true)
        expect(state.notes).toHaveLength(before.notes.length + 1)
      }
      break
    case 'headerEdited':
      expect(state.header.text).toBe(next.text)
      break
    case 'payloadEdited':
      expect(state.payload.text).toBe(next.text)
      break
    case 'algorithmChosen':
      // A valid payload stays as typed; only the header's alg changes.
      if (!before.payload.error && before.payload.text !== '') expect(state.payload.text).toBe(before.payload.text)
      break
    case 'secretChanged':
      expect(state.keys.secret).toBe(next.secret)
      break
    case 'publicKeyChanged':
      expect(pairFor(state.keys, currentAlg(state))).toEqual({ publicKey: next.publicKey, privateKey: pairBefore.privateKey })
      break
    case 'privateKeyChanged':
      expect(pairFor(state.keys, currentAlg(state))).toEqual({ publicKey: pairBefore.publicKey, privateKey: next.privateKey })
      break
  }
  // Invalid JSON keeps the last valid token.
  if ((next.type === 'headerEdited' || next.type === 'payloadEdited') && (state.header.error || state.payload.error)) expect(state.token).toBe(before.token)
  if (next.type !== 'secretChanged') expect(state.keys.secret).toBe(before.keys.secret)
  const edited = next.type === 'publicKeyChanged' || next.type === 'privateKeyChanged' ? keySlot(currentAlg(before)) : undefined
  for (const slot of Object.keys(before.keys.pairs)) if (slot !== edited) expect(state.keys.pairs[slot]).toBe(before.keys.pairs[slot])
}

describe('fuzzing the page state', () => {
  it('never throws and never loses what the user typed', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        count('reducer')
        let state = initialState({ now: 1_800_000_000 })
        for (const next of actions) {
          const before = state
          state = reducer(state, next)
          expectTextKept(before, next, state)
        }
      }),
      {
        numRuns: PLANNED.reducer,
        examples: [
          [
            [
              { type: 'tokenPasted', text: DEEP_TOKEN },
              { type: 'payloadEdited', text: DEEP_ARRAY },
              { type: 'algorithmChosen', alg: 'ES256' },
              { type: 'privateKeyChanged', privateKey: DEEP_JSON },
              { type: 'headerEdited', text: DEEP_JSON },
            ],
          ],
        ],
      },
    )
  })
})

describe('the fuzz run', () => {
  it('keeps every generated input within its size bound', () => {
    const longest = (arbitrary: fc.Arbitrary<string>) => Math.max(...fc.sample(arbitrary, 300).map((text) => text.length))
    expect(longest(nastyString)).toBeLessThanOrEqual(SIZE_BOUNDS.nastyString)
    expect(longest(jsonText)).toBeLessThanOrEqual(SIZE_BOUNDS.jsonText)
    expect(longest(tokenText)).toBeLessThanOrEqual(SIZE_BOUNDS.tokenText)
    expect(longest(keyText)).toBeLessThanOrEqual(SIZE_BOUNDS.keyText)
  })

  it(`ran every planned case${process.env.FUZZ_RUNS ? `, at least ${FUZZ_COMMAND_MINIMUM.toLocaleString('en')} in all` : ''}`, () => {
    expect(ran).toEqual(PLANNED)
    if (process.env.FUZZ_RUNS) expect(sum(ran)).toBeGreaterThanOrEqual(FUZZ_COMMAND_MINIMUM)
  })
})
