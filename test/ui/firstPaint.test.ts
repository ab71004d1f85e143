import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pickLanguage } from '../../src/i18n'

// public/first-paint.js runs before any module: it cannot import pickLanguage, so it repeats it.
const script = readFileSync(resolve(__dirname, '../../public/first-paint.js'), 'utf8')

/** Runs the script as the page's <head> does, with these browser languages and this stored choice. */
function firstPaint(languages: readonly string[], stored: string | null): boolean {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true })
  if (stored === null) localStorage.removeItem('jwt-debugger.language')
  else localStorage.setItem('jwt-debugger.language', stored)
  delete document.documentElement.dataset.rendering
  new Function(script)()
  return 'rendering' in document.documentElement.dataset
}

afterEach(() => {
  localStorage.clear()
  delete document.documentElement.dataset.rendering
})

describe('public/first-paint.js', () => {
  const cases: [readonly string[], string | null][] = [
    [['en-US'], null],
    [['zh-CN'], null],
    [['zh'], null],
    [['zh-Hans-HK', 'en'], null],
    [['zh-TW', 'en'], null],
    [['zh-TW', 'zh-CN'], null],
    [['en-GB', 'zh-CN'], null],
    [['fr-FR', 'zh-SG'], null],
    [['fr-FR'], null],
    [[], null],
    [['en-US'], 'zh-CN'],
    [['zh-CN'], 'en'],
    [['zh-CN'], 'klingon'],
  ]
  it.each(cases)('hides the English example exactly when the page opens in Chinese: %j, stored %s', (languages, stored) => {
    expect(firstPaint(languages, stored)).toBe(pickLanguage(languages, stored) === 'zh-CN')
  })
})
