/**
 * Translating the core's sentences (src/jwt/sentences.ts): each language gives a function per
 * code that rebuilds the sentence from its params; a code a language lacks reads as the core's
 * English. English has no table: the core's own text is the English.
 */
import type { Sentence, SentenceCode, SentenceParams } from '../jwt/sentences'
import type { Language } from './index'

/** A sentence's params as its translation receives them: nested sentences (and lists of them) already translated. */
type Rendered<P> = { readonly [K in keyof P]: P[K] extends string | number | undefined ? P[K] : P[K] extends readonly unknown[] ? readonly string[] : string }

/** One function per code, rebuilding the sentence in a language. */
export type CoreMessages = { readonly [C in SentenceCode]: (params: Rendered<SentenceParams[C]>) => string }

const CORE: Partial<Record<Language, Partial<CoreMessages>>> = {}

/** A language's sentences, once its catalogue has loaded (see loadLanguage in index.ts). */
export function registerCore(language: Language, table: Partial<CoreMessages>): void {
  CORE[language] = table
}

const isSentence = (value: unknown): value is Sentence => typeof value === 'object' && value !== null && 'code' in value && 'params' in value

/** A language's descriptions of the well-known claims and header parameters, by part and name. */
export type ClaimMeanings = { readonly [P in 'header' | 'payload']: Readonly<Record<string, string>> }

const MEANINGS: Partial<Record<Language, ClaimMeanings>> = {}

/** A language's claim descriptions, once its catalogue has loaded (see loadLanguage in index.ts). */
export function registerClaimMeanings(language: Language, table: ClaimMeanings): void {
  MEANINGS[language] = table
}

/** What a claim means in the language, or the English description claimInfo gave. */
export function claimMeaning(language: Language, part: 'header' | 'payload', name: string, english: string): string {
  const table = MEANINGS[language]?.[part]
  return table && Object.hasOwn(table, name) ? table[name]! : english
}

/** The sentence in the language, or the English it came with. */
export function translateSentence(language: Language, sentence: Sentence): string {
  const build = CORE[language]?.[sentence.code] as ((params: Record<string, unknown>) => string) | undefined
  if (!build) return sentence.text
  const render = (value: unknown): unknown => (isSentence(value) ? translateSentence(language, value) : value)
  const params = Object.fromEntries(Object.entries(sentence.params).map(([name, value]) => [name, Array.isArray(value) ? value.map(render) : render(value)]))
  return build(params)
}

/** For a result that may carry no sentence (one made by an older core, or English-only text): the English then. */
export const sentenceOr = (language: Language, sentence: Sentence | undefined, english: string): string => (sentence ? translateSentence(language, sentence) : english)
