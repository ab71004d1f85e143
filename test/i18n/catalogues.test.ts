import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en'
import { zhCN } from '../../src/i18n/zh-CN'

/** Each message as a string: functions are called with sample values. */
function flatten(catalogue: object, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'function') entries.set(path, String((value as (...args: unknown[]) => unknown)('X', 'Y', 'Z', 'W')))
    else if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value, path)) entries.set(k, v)
    else entries.set(path, String(value))
  }
  return entries
}

/** Messages that are the same in both languages: names of algorithms, formats, libraries and JWK members. */
const SAME_IN_BOTH = new Set([
  'algorithm.groups.RSA',
  'algorithm.groups.RSA-PSS',
  'algorithm.groups.ECDSA',
  'algorithm.groups.EdDSA',
  'encodings.base64url',
  'encodings.base64',
  'keyField.formats.empty',
  'keyField.formats.pem',
  'keyField.formats.jwk',
  'libraries.hint',
  'expectations.fields.subject.placeholder',
  'expectations.fields.leeway.placeholder',
  'jwks.kid',
  // A formula and a program's name.
  'steps.formula',
  'snippets.tabs.curl',
])

describe('the catalogues', () => {
  const english = flatten(en)
  const chinese = flatten(zhCN)

  it('have the same keys in English and Simplified Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('give every English message a non-empty Chinese one', () => {
    for (const [key, text] of english) {
      if (text === '') continue
      expect(chinese.get(key), key).toBeTruthy()
    }
  })

  it('translate every message but the names on the allow-list', () => {
    const untranslated = [...english].filter(([key, text]) => chinese.get(key) === text && !SAME_IN_BOTH.has(key)).map(([key]) => key)
    expect(untranslated).toEqual([])
  })

  it('keep the allow-list to messages that really are the same', () => {
    for (const key of SAME_IN_BOTH) expect(chinese.get(key), key).toBe(english.get(key))
  })
})
