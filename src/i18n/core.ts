/**
 * Translating the core's sentences (src/jwt/sentences.ts): each language gives a function per
 * code that rebuilds the sentence from its params; a code a language lacks reads as the core's
 * English. English has no table: the core's own text is the English.
 */
import type { Sentence, SentenceCode, SentenceParams } from '../jwt/sentences'
import type { Language } from './index'

/** A sentence's params as its translation receives them: nested sentences already translated. */
type Rendered<P> = { readonly [K in keyof P]: P[K] extends string | number | undefined ? P[K] : string }

/** One function per code, rebuilding the sentence in a language. */
export type CoreMessages = { readonly [C in SentenceCode]: (params: Rendered<SentenceParams[C]>) => string }

const CORE: Partial<Record<Language, Partial<CoreMessages>>> = {}

/** A language's sentences, once its catalogue has loaded (see loadLanguage in index.ts). */
export function registerCore(language: Language, table: Partial<CoreMessages>): void {
  CORE[language] = table
}

const isSentence = (value: unknown): value is Sentence => typeof value === 'object' && value !== null && 'code' in value && 'params' in value

/** The sentence in the language, or the English it came with. */
export function translateSentence(language: Language, sentence: Sentence): string {
  const build = CORE[language]?.[sentence.code] as ((params: Record<string, unknown>) => string) | undefined
  if (!build) return sentence.text
  const params = Object.fromEntries(Object.entries(sentence.params).map(([name, value]) => [name, isSentence(value) ? translateSentence(language, value) : value]))
  return build(params)
}

/** For a result that may carry no sentence (one made by an older core, or English-only text): the English then. */
export const sentenceOr = (language: Language, sentence: Sentence | undefined, english: string): string => (sentence ? translateSentence(language, sentence) : english)
