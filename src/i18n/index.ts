import type { Sentence } from '../jwt/sentences'
import { useOptionalDebugger } from '../state/DebuggerContext'
import { registerClaimMeanings, registerCore, sentenceOr } from './core'
import { en, type Messages } from './en'

export type { Messages }

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language's name in itself, as the picker shows it whatever the page's language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' }

/** The catalogues loaded so far: English is built in, the others load when first chosen. */
const CATALOGUES: Partial<Record<Language, Messages>> = { en }

/** Loads a language's catalogue (and its core sentences); resolves at once for one already loaded. */
export async function loadLanguage(language: Language): Promise<void> {
  if (CATALOGUES[language]) return
  const chinese = await import('./chinese')
  registerCore('zh-CN', chinese.core)
  registerClaimMeanings('zh-CN', chinese.claimMeanings)
  CATALOGUES['zh-CN'] = chinese.messages
}

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)

/** zh, zh-CN, zh-Hans(-*) and zh-SG read Simplified Chinese; zh-TW, zh-HK and zh-Hant do not. */
const isSimplifiedChinese = (tag: string) => /^zh(-(cn|sg|hans)(-.*)?)?$/i.test(tag)

/**
 * The page's language: the one stored (chosen before), else the first of the browser's languages
 * we have a catalogue for; English otherwise.
 */
export function pickLanguage(navigatorLanguages: readonly string[], stored: string | null | undefined): Language {
  if (isLanguage(stored)) return stored
  for (const tag of navigatorLanguages) {
    if (isSimplifiedChinese(tag)) return 'zh-CN'
    if (/^en(-|$)/i.test(tag)) return 'en'
  }
  return 'en'
}

/** A language's catalogue; English while it is still loading. */
export const messagesFor = (language: Language): Messages => CATALOGUES[language] ?? en

/**
 * A section of the catalogues that only lazily loaded code says, kept out of en.ts so it loads with
 * that code (src/i18n/sections/): its English and its translations.
 */
export type Section<T> = { readonly [L in Language]: T }

/** A section's half in the page's language; English for a component rendered without a store. */
export function useSection<T>(section: Section<T>): T {
  return section[useOptionalDebugger((s) => s.language, 'en')]
}

/** The catalogue of the page's language; English for a component rendered without a store. */
export function useMessages(): Messages {
  return messagesFor(useOptionalDebugger((s) => s.language, 'en'))
}

/**
 * Says a sentence of the core (a hypothesis, a key's origin, a library's why) in the page's
 * language; without a sentence, or a translation of its code, the core's English.
 */
export function useSentence(): (sentence: Sentence | undefined, english: string) => string {
  const language = useOptionalDebugger((s) => s.language, 'en')
  return (sentence, english) => sentenceOr(language, sentence, english)
}
