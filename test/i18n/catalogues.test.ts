import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en'
import type { Section } from '../../src/i18n'
import { zhCN } from '../../src/i18n/zh-CN'

/** Every section module (src/i18n/sections/), loaded with the lazy code that says it. */
const SECTION_MODULES = import.meta.glob<Record<string, Section<object>>>('../../src/i18n/sections/*.ts', { eager: true })

/**
 * Where each section's keys sit in the catalogue they were split from, so that together with en.ts
 * they spell the same keys as one catalogue would (and the allow-list below names them that way).
 */
const SECTION_PREFIXES: Record<string, string> = {
  steps: 'steps',
  snippets: 'snippets',
  libraries: 'libraries',
  keyWorkbench: '',
  findingsList: 'findings',
  base64Inset: 'linked',
}

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

const sections = Object.values(SECTION_MODULES).flatMap((module) => Object.entries(module))

/** A language's catalogue and every section's half of it, as one map of keys. */
function whole(catalogue: object, language: 'en' | 'zh-CN'): Map<string, string> {
  const entries = flatten(catalogue)
  for (const [name, section] of sections) {
    for (const [key, text] of flatten(section[language], SECTION_PREFIXES[name])) {
      // A key in both en.ts and a section would say one thing in two places.
      expect(entries.has(key), `${key} is in en.ts and in sections/${name}`).toBe(false)
      entries.set(key, text)
    }
  }
  return entries
}

describe('the section modules', () => {
  it('are all checked below, each under the key it was split from', () => {
    expect(sections.length).toBeGreaterThan(0)
    for (const [name] of sections) expect(Object.keys(SECTION_PREFIXES), name).toContain(name)
  })
})

describe('the catalogues', () => {
  const english = whole(en, 'en')
  const chinese = whole(zhCN, 'zh-CN')

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
