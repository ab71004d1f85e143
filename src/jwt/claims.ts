/**
 * Claim validation the way PyJWT's `jwt.decode(..., leeway=, issuer=, audience=,
 * options={"require": [...]})` and jose's `jwtVerify` do it (RFC 7519 §4.1), with every check's
 * result and a sentence naming the rule.
 */
import { isObject } from './decode'
import { say, type ExpectedClaim, type Sentence } from './sentences'
import { describeInstant, describeSpan } from './time'

export interface ClaimOptions {
  /** "Now", as a Date or as seconds since 1970; the real now by default. */
  readonly now?: Date | number
  /** Seconds of clock skew to allow on exp, nbf and iat. */
  readonly leeway?: number
  readonly issuer?: string | readonly string[]
  readonly audience?: string | readonly string[]
  readonly subject?: string
  readonly jti?: string
  /** Expected header `typ` (e.g. "at+jwt"); needs `header`. */
  readonly typ?: string
  readonly header?: unknown
  /** Claims that must be present. */
  readonly required?: readonly string[]
  /** Seconds: reject a token whose `iat` is older than this. */
  readonly maxAge?: number
}

export type ClaimStatus = 'pass' | 'fail' | 'skip'

export interface ClaimCheck {
  readonly claim: string
  /** Stable code for the rule, e.g. `claims.expired`. */
  readonly code: string
  readonly status: ClaimStatus
  readonly message: string
  /** The message as a code and params, for the page to say in its language. */
  readonly sentence?: Sentence
}

export interface ClaimsResult {
  /** No check failed. */
  readonly valid: boolean
  /** Seconds since 1970 that "now" was. */
  readonly now: number
  readonly checks: readonly ClaimCheck[]
}

const check = (claim: string, code: string, status: ClaimStatus, sentence: Sentence): ClaimCheck => ({ claim, code, status, message: sentence.text, sentence })

const toSeconds = (now: Date | number | undefined) => (now === undefined ? Date.now() / 1000 : now instanceof Date ? now.getTime() / 1000 : now)

/** RFC 7519 §2: a NumericDate is a JSON number of seconds, not a date string. */
function timeClaim(payload: Record<string, unknown>, claim: string): { value?: number; error?: ClaimCheck } {
  const value = payload[claim]
  if (value === undefined) return {}
  if (typeof value === 'number' && Number.isFinite(value)) return { value }
  const shown = JSON.stringify(value)
  const hint = typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? ' (it looks like a date string; it is not read as one)' : ''
  const message = `${claim} is ${shown}, but it must be a number of seconds since 1970 (NumericDate, RFC 7519 §2)${hint}`
  return { error: check(claim, 'claims.not-numeric-date', 'fail', say('claims.not-numeric-date', { claim, value: shown, date: hint ? 'date' : '' }, message)) }
}

function checkTimes(payload: Record<string, unknown>, now: number, leeway: number, maxAge: number | undefined): ClaimCheck[] {
  const checks: ClaimCheck[] = []
  const leewayText = `leeway ${leeway} s`
  const exp = timeClaim(payload, 'exp')
  if (exp.error) checks.push(exp.error)
  else if (exp.value !== undefined) {
    // PyJWT and jose both: expired when exp <= now - leeway.
    checks.push(
      exp.value <= now - leeway
        ? check('exp', 'claims.expired', 'fail', say('claims.expired', { seconds: now - exp.value, at: exp.value, leeway }, `Expired ${describeSpan(now - exp.value)} ago (exp ${describeInstant(exp.value)}), ${leewayText}`))
        : check('exp', 'claims.not-expired', 'pass', say('claims.not-expired', { seconds: exp.value - now, at: exp.value, leeway }, `Expires in ${describeSpan(exp.value - now)} (exp ${describeInstant(exp.value)}), ${leewayText}`)),
    )
  }
  const nbf = timeClaim(payload, 'nbf')
  if (nbf.error) checks.push(nbf.error)
  else if (nbf.value !== undefined) {
    checks.push(
      nbf.value > now + leeway
        ? check('nbf', 'claims.not-yet-valid', 'fail', say('claims.not-yet-valid', { seconds: nbf.value - now, at: nbf.value, leeway }, `Not valid yet: valid in ${describeSpan(nbf.value - now)} (nbf ${describeInstant(nbf.value)}), ${leewayText}`))
        : check('nbf', 'claims.valid-since', 'pass', say('claims.valid-since', { seconds: now - nbf.value, at: nbf.value, leeway }, `Valid since ${describeSpan(now - nbf.value)} ago (nbf ${describeInstant(nbf.value)}), ${leewayText}`)),
    )
  }
  const iat = timeClaim(payload, 'iat')
  if (iat.error) checks.push(iat.error)
  else if (iat.value !== undefined) {
    if (iat.value > now + leeway) {
      // PyJWT raises ImmatureSignatureError for an iat in the future; jose does not check it.
      const seconds = iat.value - now
      checks.push(check('iat', 'claims.issued-in-future', 'fail', say('claims.issued-in-future', { seconds, at: iat.value, leeway }, `Issued in the future: ${describeSpan(seconds)} from now (iat ${describeInstant(iat.value)}), ${leewayText}`)))
    } else if (maxAge !== undefined && iat.value + maxAge < now - leeway) {
      const message = `Issued ${describeSpan(now - iat.value)} ago, older than the maximum age of ${describeSpan(maxAge)} (iat ${describeInstant(iat.value)}), ${leewayText}`
      checks.push(check('iat', 'claims.too-old', 'fail', say('claims.too-old', { seconds: now - iat.value, maxAge, at: iat.value, leeway }, message)))
    } else {
      checks.push(check('iat', 'claims.issued', 'pass', say('claims.issued', { seconds: now - iat.value, at: iat.value }, `Issued ${describeSpan(now - iat.value)} ago (iat ${describeInstant(iat.value)})`)))
    }
  } else if (maxAge !== undefined) {
    checks.push(check('iat', 'claims.missing', 'fail', say('claims.no-iat-for-max-age', {}, 'A maximum age is set, but the token has no iat to measure it from')))
  }
  return checks
}

const asList = (value: string | readonly string[]) => (typeof value === 'string' ? [value] : value)

function checkIssuer(payload: Record<string, unknown>, issuer: ClaimOptions['issuer']): ClaimCheck | undefined {
  if (issuer === undefined) return undefined
  const expected = asList(issuer)
  const shown = expected.map((i) => JSON.stringify(i))
  const iss = payload.iss
  if (iss === undefined) return check('iss', 'claims.missing', 'fail', say('claims.missing-issuer', { expected: shown }, `Expected issuer ${shown.join(' or ')}, but the token has no iss`))
  const actual = JSON.stringify(iss)
  return expected.includes(iss as string)
    ? check('iss', 'claims.issuer', 'pass', say('claims.issuer', { iss: actual }, `Issuer ${actual} is the one expected`))
    : check('iss', 'claims.wrong-issuer', 'fail', say('claims.wrong-issuer', { iss: actual, expected: shown }, `Issuer ${actual} is not the one expected (${shown.join(' or ')})`))
}

function checkAudience(payload: Record<string, unknown>, audience: ClaimOptions['audience']): ClaimCheck | undefined {
  const aud = payload.aud
  if (audience === undefined) {
    if (aud === undefined) return undefined
    const shown = JSON.stringify(aud)
    return check('aud', 'claims.audience-not-checked', 'skip', say('claims.audience-not-checked', { aud: shown }, `The token is for ${shown}, but no audience is expected here: PyJWT rejects this (InvalidAudienceError), jose accepts it`))
  }
  const expected = asList(audience)
  const shown = expected.map((a) => JSON.stringify(a))
  if (aud === undefined) return check('aud', 'claims.missing', 'fail', say('claims.missing-audience', { expected: shown }, `Expected audience ${shown.join(' or ')}, but the token has no aud`))
  // RFC 7519 §4.1.3: aud is a string or an array of strings; one match is enough.
  const values = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : undefined
  const actual = JSON.stringify(aud)
  if (!values || values.some((v) => typeof v !== 'string')) return check('aud', 'claims.invalid-audience', 'fail', say('claims.invalid-audience', { aud: actual }, `aud is ${actual}; it must be a string or an array of strings (RFC 7519 §4.1.3)`))
  const match = values.find((v) => expected.includes(v as string))
  return match !== undefined
    ? check('aud', 'claims.audience', 'pass', say('claims.audience', { aud: JSON.stringify(match) }, `Audience ${JSON.stringify(match)} is one of those expected`))
    : check('aud', 'claims.wrong-audience', 'fail', say('claims.wrong-audience', { aud: actual, expected: shown }, `Audience ${actual} does not include ${shown.join(' or ')}`))
}

function checkEqual(claim: string, actual: unknown, expected: string | undefined, what: ExpectedClaim): ClaimCheck | undefined {
  if (expected === undefined) return undefined
  const wanted = JSON.stringify(expected)
  if (actual === undefined) return check(claim, 'claims.missing', 'fail', say('claims.missing-expected', { claim, what, expected: wanted }, `Expected ${what} ${wanted}, but the token has no ${claim}`))
  const shown = JSON.stringify(actual)
  const What = `${what[0]!.toUpperCase()}${what.slice(1)}`
  return actual === expected
    ? check(claim, `claims.${claim}`, 'pass', say('claims.expected', { what, actual: shown }, `${What} ${shown} is the one expected`))
    : check(claim, `claims.wrong-${claim}`, 'fail', say('claims.not-expected', { what, actual: shown, expected: wanted }, `${What} ${shown} is not the one expected (${wanted})`))
}

/** Validates the registered claims; returns every check, passed, failed or skipped. Never throws. */
export function validateClaims(payload: unknown, options: ClaimOptions = {}): ClaimsResult {
  const now = toSeconds(options.now)
  if (!isObject(payload)) {
    return { valid: false, now, checks: [check('claims', 'claims.not-object', 'fail', say('claims.not-object', {}, 'The payload is not a JSON object, so it has no claims to check'))] }
  }
  const leeway = options.leeway ?? 0
  const checks: ClaimCheck[] = []
  for (const claim of options.required ?? []) {
    if (payload[claim] === undefined) checks.push(check(claim, 'claims.missing', 'fail', say('claims.missing-required', { claim }, `The token has no ${claim}, which is required`)))
  }
  checks.push(...checkTimes(payload, now, leeway, options.maxAge))
  const optional = [
    checkIssuer(payload, options.issuer),
    checkAudience(payload, options.audience),
    checkEqual('sub', payload.sub, options.subject, 'subject'),
    checkEqual('jti', payload.jti, options.jti, 'token ID'),
    checkEqual('typ', isObject(options.header) ? options.header.typ : undefined, options.typ, 'header type'),
  ]
  for (const result of optional) if (result) checks.push(result)
  return { valid: checks.every((c) => c.status !== 'fail'), now, checks }
}
