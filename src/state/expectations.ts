/**
 * What the user expects of the token (issuer, audience, subject, required claims, leeway, typ),
 * kept as the text they typed and read into the options the core's claim validation and the
 * library predictions take. Pure.
 */
import type { ClaimOptions } from '../jwt'
import type { Expectations } from '../jwt/libraries'
import { say, type Sentence } from '../jwt/sentences'

export interface ExpectationFields {
  readonly issuer: string
  /** One audience, or several separated by commas. */
  readonly audience: string
  readonly subject: string
  /** Claim names separated by commas or spaces. */
  readonly required: string
  /** Seconds. */
  readonly leeway: string
  readonly typ: string
}

export type ExpectationField = keyof ExpectationFields

export const NO_EXPECTATIONS: ExpectationFields = { issuer: '', audience: '', subject: '', required: '', leeway: '0', typ: '' }

export interface ReadExpectations {
  /** For validateClaims (without `now` and `header`, which the caller adds). */
  readonly claimOptions: ClaimOptions
  /** For predictPyJwt, runJose and predictFrameworks (without `now`). */
  readonly library: Expectations
  /** A field whose text cannot be read, with what is wrong; the field is left out meanwhile. */
  readonly errors: Partial<Record<ExpectationField, string>>
  /** The same errors as sentences, for the page to say in its language. */
  readonly errorSentences: Partial<Record<ExpectationField, Sentence>>
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)

/** A leeway is a number of seconds, zero or more; a bad one is reported and read as 0. */
function readLeeway(text: string): { leeway: number; error?: Sentence } {
  const trimmed = text.trim()
  if (trimmed === '') return { leeway: 0 }
  const leeway = Number(trimmed)
  if (!Number.isFinite(leeway) || leeway < 0) return { leeway: 0, error: say('expectations.leeway', { text: trimmed }, `Leeway must be a number of seconds, 0 or more; "${trimmed}" is not (0 is used)`) }
  return { leeway }
}

/** The fields as the core's options; `alg` is the algorithm the page verifies with. */
export function readExpectations(fields: ExpectationFields, alg: string): ReadExpectations {
  const issuer = fields.issuer.trim() || undefined
  // Audiences may contain spaces (URLs do not, names might): only commas separate them.
  const audiences = fields.audience
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  const audience = audiences.length === 0 ? undefined : audiences.length === 1 ? audiences[0] : audiences
  const subject = fields.subject.trim() || undefined
  const required = list(fields.required)
  const typ = fields.typ.trim() || undefined
  const { leeway, error } = readLeeway(fields.leeway)
  return {
    claimOptions: { issuer, audience, subject, required: required.length > 0 ? required : undefined, leeway, typ },
    library: { algorithms: [alg], issuer, audience, leeway, required: required.length > 0 ? required : undefined, typ },
    errors: error ? { leeway: error.text } : {},
    errorSentences: error ? { leeway: error } : {},
  }
}
