import { useOptionalDebugger } from '../state/DebuggerContext'
import { en, type Messages } from './en'
import { zhCN } from './zh-CN'

export type { Messages }

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language's name in itself, as the picker shows it whatever the page's language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' }

const CATALOGUES: Record<Language, Messages> = { en, 'zh-CN': zhCN }

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

export const messagesFor = (language: Language): Messages => CATALOGUES[language]

/** The catalogue of the page's language; English for a component rendered without a store. */
export function useMessages(): Messages {
  return messagesFor(useOptionalDebugger((s) => s.language, 'en'))
}
