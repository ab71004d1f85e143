import { describe, expect, it } from 'vitest'
import { pickLanguage } from '../../src/i18n'

describe('pickLanguage', () => {
  it.each([
    { languages: ['zh'], stored: null, expected: 'zh-CN' },
    { languages: ['zh-CN'], stored: null, expected: 'zh-CN' },
    { languages: ['zh-cn'], stored: null, expected: 'zh-CN' },
    { languages: ['zh-Hans'], stored: null, expected: 'zh-CN' },
    { languages: ['zh-Hans-CN'], stored: null, expected: 'zh-CN' },
    { languages: ['zh-SG'], stored: null, expected: 'zh-CN' },
    { languages: ['zh-TW'], stored: null, expected: 'en' },
    { languages: ['zh-HK'], stored: null, expected: 'en' },
    { languages: ['zh-Hant-TW'], stored: null, expected: 'en' },
    { languages: ['en-US', 'zh-CN'], stored: null, expected: 'en' },
    { languages: ['fr-FR', 'zh-CN'], stored: null, expected: 'zh-CN' },
    { languages: ['fr-FR', 'de'], stored: null, expected: 'en' },
    { languages: [], stored: null, expected: 'en' },
    { languages: ['zh-CN'], stored: 'en', expected: 'en' },
    { languages: ['en-GB'], stored: 'zh-CN', expected: 'zh-CN' },
    { languages: ['en-GB'], stored: 'klingon', expected: 'en' },
    { languages: ['zh'], stored: '', expected: 'zh-CN' },
  ] as const)('reads $languages with $stored stored as $expected', ({ languages, stored, expected }) => {
    expect(pickLanguage(languages, stored)).toBe(expected)
  })
})
