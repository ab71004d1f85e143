/**
 * The findings (src/jwt/findings.ts) in the page's language: each language but English gives a
 * function per code that rebuilds the title and the explanation from the finding's params. English
 * has no table: the core's own text is the English, so the two cannot drift apart.
 *
 * A language's table loads when a page in that language first shows findings: the sentences are long.
 */
import type { Finding, FindingCode, FindingParams } from '../jwt/findings'
import { describeInstant } from '../jwt/time'
import type { Language } from './index'

/** What a table needs besides the params: spans in the page's language, and moments as the core writes them. */
export interface FindingWords {
  readonly span: (seconds: number) => string
  readonly instant: (seconds: number) => string
}

/** One function per code: a code missing from a language is a type error. */
export type FindingMessages = Readonly<Record<FindingCode, (params: FindingParams, say: FindingWords) => { readonly title: string; readonly explanation: string }>>

type Translated = Exclude<Language, 'en'>

/** Every language but English has a table: a language without one is a type error. */
const LOADERS: Readonly<Record<Translated, () => Promise<FindingMessages>>> = {
  'zh-CN': () => import('./findings.zh-CN').then((module) => module.zhCNFindings),
}

const LOADED: Partial<Record<Translated, FindingMessages>> = {}

/** Whether findings can be said in the language now (English always can). */
export const findingsReadIn = (language: Language): boolean => language === 'en' || LOADED[language] !== undefined

/** Loads a language's table; resolves at once for English or one already loaded. */
export async function loadFindingMessages(language: Language): Promise<void> {
  if (language === 'en' || LOADED[language]) return
  LOADED[language] = await LOADERS[language]()
}

/**
 * The finding's title and explanation in the language, with spans said by `span` (the page's
 * catalogue's); the core's English until the language's table has loaded.
 */
export function findingText(language: Language, finding: Finding, span: (seconds: number) => string): { readonly title: string; readonly explanation: string } {
  const table = language === 'en' ? undefined : LOADED[language]
  return table ? table[finding.code](finding.params, { span, instant: describeInstant }) : { title: finding.title, explanation: finding.explanation }
}
