import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { LONG_STRING, leaveOutLongStrings, putBackLongStrings } from '../../src/workers/payloadSlices'

/** What the page ends up with: the reply cloned as postMessage clones it, then the strings put back. */
function roundTrip(text: string): { value: unknown; sliced: number } {
  const value = JSON.parse(text) as unknown
  const sent = leaveOutLongStrings(text, value)
  const received = structuredClone(sent)
  putBackLongStrings(text, received.value, received.slices)
  return { value: received.value, sliced: sent.slices.length }
}

const long = (char: string) => char.repeat(LONG_STRING)

describe('long payload strings sent as slices of the payload text', () => {
  test.each([
    ['a long member', `{"sub":"a","data":"${long('x')}"}`, 1],
    ['a long string in an array', `{"list":[1,"${long('y')}",true]}`, 1],
    ['two long members, nested', `{"a":{"b":"${long('x')}"},"c":"${long('z')}"}`, 2],
    ['a duplicate name: the last value wins, as JSON.parse', `{"d":"${long('x')}","d":"${long('y')}"}`, 1],
    ['a member named __proto__', `{"__proto__":"${long('x')}"}`, 1],
    ['a long string with escapes (sent as it is)', `{"e":"${long('x')}\\n"}`, 0],
    ['short strings only', '{"sub":"a","n":1}', 0],
    ['a payload that is one long string (sent as it is)', `"${long('x')}"`, 0],
  ])('gives back the same value: %s', (_, text, sliced) => {
    const result = roundTrip(text)
    expect(result.value).toEqual(JSON.parse(text))
    expect(result.sliced).toBe(sliced)
  })

  test('keeps a member named __proto__ a member, not the prototype', () => {
    const { value } = roundTrip(`{"__proto__":"${long('x')}"}`)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true)
  })

  test('leaves the decoded value itself untouched', () => {
    const text = `{"a":{"b":"${long('x')}"}}`
    const value = JSON.parse(text) as { a: { b: string } }
    leaveOutLongStrings(text, value)
    expect(value.a.b).toBe(long('x'))
  })

  test('sends a long string nested deeper than 32 levels as it is', () => {
    const text = `${'['.repeat(40)}"${long('x')}"${']'.repeat(40)}`
    expect(roundTrip(text)).toEqual({ value: JSON.parse(text), sliced: 0 })
  })

  test('gives back the same value for any JSON with long strings in it', () => {
    const longString = fc.constantFrom(long('x'), long('é'), `${long('q')}\\u0041`)
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), longString, fc.integer(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
    })).value
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value)
        expect(roundTrip(text).value).toEqual(JSON.parse(text))
      }),
      { numRuns: 60 },
    )
  })
})
