// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseJson, type JsonNode } from '../../src/jwt/json'

const syntaxError = (text: string) => parseJson(text).issues.find((issue) => issue.code === 'invalid-json')

describe('parseJson', () => {
  it('gives the same value as JSON.parse for valid JSON', () => {
    const text = '{"sub":"1234567890","name":"Jürgen 🙂","admin":true,"n":null,"a":[1,2.5,-3e2],"o":{}}'
    const parsed = parseJson(text)
    expect(parsed.value).toEqual(JSON.parse(text))
    expect(parsed.issues).toEqual([])
  })

  it('records where every member name and value sits', () => {
    const text = '{ "sub" : "abc", "n": [1, {"x": true}] }'
    const root = parseJson(text, { tree: true }).root as Extract<JsonNode, { kind: 'object' }>
    const [sub, n] = root.members
    expect(text.slice(...sub!.keyRange)).toBe('"sub"')
    expect(text.slice(...sub!.value.range)).toBe('"abc"')
    expect(text.slice(...sub!.range)).toBe('"sub" : "abc"')
    expect(text.slice(...n!.value.range)).toBe('[1, {"x": true}]')
    expect(text.slice(...root.range)).toBe(text)
  })

  it('keeps the text of numbers that JavaScript cannot hold exactly', () => {
    const parsed = parseJson('{"big":12345678901234567890,"f":3.0}', { tree: true })
    const root = parsed.root as Extract<JsonNode, { kind: 'object' }>
    expect(root.members.map((m) => m.value.kind === 'number' && m.value.raw)).toEqual(['12345678901234567890', '3.0'])
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'unsafe-integer', range: [7, 27] })])
  })

  it('reports a duplicate member name at its second occurrence and keeps the last value like JSON.parse', () => {
    const parsed = parseJson('{"sub":"a","x":1,"sub":"b"}')
    expect(parsed.value).toEqual({ sub: 'b', x: 1 })
    expect(parsed.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-member', range: [17, 22], message: expect.stringContaining('"sub" appears again') }),
    ])
  })

  it('does not confuse members of different objects with duplicates', () => {
    expect(parseJson('{"a":{"a":1},"b":{"a":2}}').issues).toEqual([])
  })

  it.each([
    ['{"a":1,}', 6, 'trailing comma'],
    ['{"a" 1}', 5, "Expected ':'"],
    ["{'a':1}", 1, 'double quotes'],
    ['{"a":01}', 6, 'leading zeros'],
    ['{"a":"x\ny"}', 7, 'line break'],
    ['{"a":tru}', 5, 'Expected a value'],
    ['{"a":1', 6, "expected '}' to close the object opened at position 0"],
    ['{"a":"abc', 5, 'no closing quote'],
    ['{"a":1} x', 8, 'end of the JSON text'],
    ['', 0, 'Expected a value'],
    ['\uFEFF{}', 0, 'byte order mark'],
    ['{"a":"\\x"}', 6, 'not a JSON escape'],
    ['[1,2', 4, "expected ']'"],
    ['{"a":-}', 6, 'Expected a digit'],
  ])('reports %j as invalid at position %i', (text, position, words) => {
    const issue = syntaxError(text)
    expect(issue?.range[0]).toBe(position)
    expect(issue?.message).toContain(words)
    expect(parseJson(text, { tree: true }).root).toBeUndefined()
  })

  it('reports a lone surrogate escape', () => {
    expect(parseJson('"\\ud800x"').issues[0]?.code).toBe('lone-surrogate')
    expect(parseJson('"\\ud83d\\ude00"').issues).toEqual([])
  })

  it('reads 10,000 levels of nesting without overflowing the stack', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000)
    expect(parseJson(text).issues).toEqual([])
    expect(syntaxError('['.repeat(10_000))?.message).toContain('ends early')
  })

  it('agrees with JSON.parse on which strings are valid, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.json().map((j) => j.slice(0, j.length - 1))), (text) => {
        const parsed = parseJson(text, { tree: true })
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        expect(parsed.root !== undefined).toBe(valid)
        expect(parseJson(text).issues).toEqual(parsed.issues)
        for (const issue of parsed.issues) {
          expect(issue.range[0]).toBeGreaterThanOrEqual(0)
          expect(issue.range[1]).toBeLessThanOrEqual(text.length)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('gives every member a key range that holds its name in quotes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const text = JSON.stringify(object, null, 1)
        const root = parseJson(text, { tree: true }).root as Extract<JsonNode, { kind: 'object' }>
        for (const member of root.members) {
          expect(JSON.parse(text.slice(...member.keyRange))).toBe(member.key)
          expect(JSON.parse(text.slice(...member.value.range))).toEqual(JSON.parse(JSON.stringify(object[member.key])))
        }
      }),
      { numRuns: 200 },
    )
  })
})
