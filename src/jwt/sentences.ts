/**
 * The core's sentences as data, for translation. Each sentence the page shows from the diagnosis,
 * the verdict (reason, key origin and description) and the library predictions carries, next to
 * its English text, a stable code and the values it was built from; src/i18n rebuilds it in the
 * page's language from these. The English text stays the core's own: tests and logs read it.
 *
 * A param that is itself a sentence (an origin inside a hypothesis, PyJWT's why inside a
 * framework's) is translated first, then handed to the outer sentence as a string.
 */
import type { SecretEncoding } from './keys'
import type { Part } from './types'

/** How a claim checked against an expectation is named in its sentence. */
export type ExpectedClaim = 'subject' | 'token ID' | 'header type'

/** What a PEM container is called in key descriptions; `jwk` for a JWK. */
export type KeyContainer = 'spki' | 'pkcs8' | 'pkcs1-public' | 'pkcs1-private' | 'sec1' | 'x509' | 'jwk'

/** What an HMAC "secret" turned out to be (algorithm confusion). */
export type SecretLookalike = 'PEM public key' | 'PEM certificate' | 'JWK public key' | 'PEM private key' | 'JWK set of asymmetric keys' | 'JWK set of public keys' | 'JWK private key'

/** Every sentence code, with the params its sentence is built from. A new code needs a zh-CN entry (src/i18n/core.zh-CN.ts). */
export interface SentenceParams {
  // --- diagnose.ts: hypotheses and the conclusion ---
  'diagnose.secret-encoding': { encoding: SecretEncoding; bytes: number; from: SecretEncoding }
  'diagnose.secret-text': { how: 'trailing-newline' | 'surrounding-space' | 'quotes' }
  'diagnose.rsa-padding': { alg: string; padding: 'PSS' | 'PKCS#1 v1.5'; header: string }
  'diagnose.ecdsa-der': Record<never, never>
  'diagnose.other-kid': { key: Sentence | string; kid: string }
  /** header and payload: the changed member names, comma-separated, '' when none. */
  'diagnose.edited': { header: string; payload: string }
  'diagnose.no-cause': Record<never, never>

  // --- keys.ts and verify.ts: where the key came from, what it is ---
  'key.origin.secret': { encoding: SecretEncoding; bytes: number }
  'key.origin.pem': Record<never, never>
  'key.origin.pem-block': { index: number; count: number }
  'key.origin.certificate': { subject: string; place: Sentence }
  'key.origin.jwk': Record<never, never>
  'key.origin.jwks': { index: number; count: number; kid?: string }
  'key.origin.jwk-secret': { place: Sentence | string; bytes: number }
  'key.origin.embedded-jwk': Record<never, never>
  'key.origin.x5c': Record<never, never>
  'key.origin.derived': { key: Sentence | string }
  'key.description.secret': { bytes: number }
  /** type: "RSA 2048-bit", "EC P-256", "Ed25519", "ML-DSA-44". */
  'key.description.asymmetric': { type: string; half: 'public' | 'private'; container: KeyContainer }

  // --- verify.ts: VerifyResult.reason ---
  'verify.internal': { message: string }
  'verify.jwe': Record<never, never>
  /** problem: the decoder's own sentence. */
  'verify.malformed': { problem: Sentence | string }
  'verify.unknown-alg': { alg: string }
  'verify.alg-not-allowed': { alg: string; allowed: string }
  'verify.alg-none': Record<never, never>
  'verify.embedded-key': Record<never, never>
  'verify.bad-signature': { count: number; alg: string }
  'verify.no-key': { needs: 'secret' | 'public key' }
  'verify.algorithm-confusion': { lookalike: SecretLookalike; alg: string }
  /** problem: the key reader's own sentence. */
  'verify.unreadable-key': { problem: Sentence | string }
  'verify.no-key-found': Record<never, never>
  'verify.no-key-fits': { reason: Sentence | string }
  'verify.needs-secret': { alg: string; key: Sentence | string }
  'verify.needs-public-key': { alg: string }
  'verify.needs-private-key': { alg: string }
  'verify.der-signature': { bytes: number; expected: number; alg: string }
  'verify.signature-length': { bytes: number; expected: number; alg: string }

  // --- libraries.ts: PyJWT's why ---
  'pyjwt.returns': { typ?: string }
  'pyjwt.python-error': { type: string }
  'pyjwt.no-algorithms': Record<never, never>
  'pyjwt.b64-false': Record<never, never>
  'pyjwt.payload-not-json': { message: string }
  'pyjwt.payload-not-object': { type: string }
  'pyjwt.segments': { parts: number }
  'pyjwt.padding': { part: 'header' | 'payload' | 'signature'; message: string }
  'pyjwt.header-not-json': { message: string }
  'pyjwt.header-not-object': { type: string }
  /** alg: `"HS256"` when a string; type: the Python type otherwise; '' when missing. */
  'pyjwt.alg-not-allowed': { alg: string; type: string; algorithms: string }
  'pyjwt.alg-unsupported': { alg: string }
  'pyjwt.alg-none': Record<never, never>
  'pyjwt.bad-signature': Record<never, never>
  'pyjwt.private-key-verify': { key: string }
  'pyjwt.not-rsa-verify': { key: string; type: string }
  'pyjwt.missing-claim': { claim: string; isNull: 'null' | 'absent' }
  'pyjwt.nbf': { seconds: number; leeway: number }
  'pyjwt.exp': { seconds: number; leeway: number }
  'pyjwt.iat-future': { seconds: number; leeway: number }
  'pyjwt.iat-compare': { type: string }
  'pyjwt.issuer-missing': { issuer: string }
  /** value: a JSON text, or "a list", "an object". */
  'pyjwt.issuer-invalid': { value: string; issuer: string }
  'pyjwt.time-not-integer': { claim: string; value: string }
  'pyjwt.time-crash': { claim: string; value: string; type: string }
  'pyjwt.aud-unexpected': { value: string }
  'pyjwt.aud-missing': Record<never, never>
  'pyjwt.aud-format': Record<never, never>
  'pyjwt.aud-empty-list': Record<never, never>
  'pyjwt.aud-mismatch': { aud: string; expected: string }
  'pyjwt.pem-load': { which: 'public' | 'private' }
  'pyjwt.none-key': Record<never, never>
  'pyjwt.hmac-pem': Record<never, never>
  'pyjwt.ec-key': { key: string }
  /** key: '' when the text is not a "PUBLIC KEY" or "PRIVATE KEY" PEM. */
  'pyjwt.eddsa-key': { key: string }
  'library.returns': Record<never, never>

  // --- libraries.ts: jose's why ---
  'jose.returns': Record<never, never>
  'jose.expired': Record<never, never>
  'jose.typ': { message: string }
  'jose.claim': { claim: string; message: string }
  'jose.alg-not-allowed': Record<never, never>
  'jose.not-supported': { message: string }
  'jose.bad-signature': Record<never, never>
  'jose.malformed': { message: string }
  'jose.no-matching-key': Record<never, never>
  'jose.data-error': { message: string }
  'jose.webcrypto-unsupported': { message: string }
  'jose.other': { name: string; message: string }

  // --- frameworks.ts: their own messages and why ---
  'framework.accepts': Record<never, never>
  'framework.refresh-as-access': Record<never, never>
  'framework.access-as-refresh': Record<never, never>
  'framework.not-refresh': Record<never, never>
  'framework.pyjwt-raises': { why: Sentence | string }
  'framework.extended-no-sub': Record<never, never>
  'framework.extended-refresh-token': Record<never, never>
  'framework.type-is': { type: string }
  'framework.no-type': Record<never, never>
  'framework.extended-accepts': { type: Sentence; csrf: 'present' | 'absent' }
  'framework.extended-fresh': Record<never, never>
  /** fresh: its JSON, or '' when missing. */
  'framework.extended-not-fresh': { fresh: string }
  'framework.extended-refresh': Record<never, never>
  'framework.extended-refresh-only': { type: Sentence }
  'framework.flask-jwt-raises': { error: string; why: Sentence | string }
  'framework.flask-jwt-no-identity': Record<never, never>
  /** missing: the required claims it cannot see, comma-separated, '' when none. */
  'framework.flask-jwt-accepts': { missing: string }
  'framework.route-api': Record<never, never>
  'framework.route-refresh': Record<never, never>
  'framework.middleware-unmarked': Record<never, never>
  'framework.middleware-refresh-unmarked': Record<never, never>
  'framework.middleware-refresh-as-access': { mark: string }
  'framework.middleware-refresh-accepts': { mark: string }
  'framework.middleware-access-accepts': { mark: string }
  'framework.middleware-access-as-refresh': { mark: string }

  // --- claims.ts: ClaimCheck.sentence. seconds: a span, said by the language; at: a NumericDate ---
  /** value: its JSON; date: 'date' when it parses as a date string. */
  'claims.not-numeric-date': { claim: string; value: string; date: 'date' | '' }
  'claims.expired': { seconds: number; at: number; leeway: number }
  'claims.not-expired': { seconds: number; at: number; leeway: number }
  'claims.not-yet-valid': { seconds: number; at: number; leeway: number }
  'claims.valid-since': { seconds: number; at: number; leeway: number }
  'claims.issued-in-future': { seconds: number; at: number; leeway: number }
  'claims.too-old': { seconds: number; maxAge: number; at: number; leeway: number }
  'claims.issued': { seconds: number; at: number }
  'claims.no-iat-for-max-age': Record<never, never>
  /** expected: the JSON texts, joined by ' or '; each sentence says them in its language. */
  'claims.missing-issuer': { expected: readonly string[] }
  'claims.issuer': { iss: string }
  'claims.wrong-issuer': { iss: string; expected: readonly string[] }
  'claims.audience-not-checked': { aud: string }
  'claims.missing-audience': { expected: readonly string[] }
  'claims.invalid-audience': { aud: string }
  'claims.audience': { aud: string }
  'claims.wrong-audience': { aud: string; expected: readonly string[] }
  /** what: the claim's name in words; actual and expected: JSON texts. */
  'claims.missing-expected': { claim: string; what: ExpectedClaim; expected: string }
  'claims.expected': { what: ExpectedClaim; actual: string }
  'claims.not-expected': { what: ExpectedClaim; actual: string; expected: string }
  'claims.not-object': Record<never, never>
  'claims.missing-required': { claim: string }

  // --- segments.ts: what was removed around a pasted token, and the dots ---
  'token.authorization-header': Record<never, never>
  'token.assignment': { removed: string }
  'token.bearer-prefix': { removed: string }
  'token.trailing-punctuation': { char: string }
  'token.quotes': { quote: string; which: 'surrounding' | 'opening' | 'closing' }
  'token.no-dots': Record<never, never>
  /** hint: what the count suggests; at: the offset of the last dot. */
  'token.dot-count': { dots: number; hint: 'missing-signature' | 'trailing-dot' | ''; at: number }

  // --- decode.ts: problems of the parts. char: its JSON; more: how many more of the kind ---
  'base64.alphabet': { part: Part; char: string; at: number; more: number }
  'base64.padding': { part: Part; at: number; more: number }
  'base64.standard': { part: Part; char: string; at: number; more: number; instead: string }
  'base64.whitespace': { part: Part; at: number; more: number }
  'base64.non-canonical': { part: Part; char: string; at: number; canonical: string }
  'base64.length': { part: Part; at: number }
  /** codePoints: "U+200B, U+202E". */
  'decode.invisible': { part: Part; count: number; codePoints: string; first: number }
  'decode.json': { part: Part; issue: Sentence | string }
  'decode.utf8': { part: Part; byte: number; problem: Sentence | string }
  'header.empty': Record<never, never>
  'header.not-object': { type: Sentence }
  'header.missing-alg': Record<never, never>
  'header.alg-not-string': { type: Sentence }
  /** suggestion: the name with this spelling in another case, '' when none; known: every name. */
  'header.unknown-alg': { alg: string; suggestion: string; known: string }
  'payload.empty': Record<never, never>
  'payload.not-json': Record<never, never>
  'payload.not-object': { type: Sentence }
  'signature.not-empty-for-none': Record<never, never>
  'signature.empty': { alg: string }
  'token.jwe': Record<never, never>
  'token.too-large': { length: number; max: number }
  'token.empty': Record<never, never>
  /** A JSON value's type (decode.ts jsonType): json is the value's JSON ('' for arrays, objects and null). */
  'json.type': { type: 'array' | 'null' | 'object' | 'string' | 'number' | 'boolean' | 'bigint' | 'undefined' | 'symbol' | 'function'; json: string }

  // --- utf8.ts: byte and lead in hex, "0xC3" ---
  'utf8.bad-lead': { byte: string }
  'utf8.truncated': { bytes: number }
  'utf8.bad-continuation': { byte: string; lead: string }
  'utf8.invalid': Record<never, never>

  // --- json.ts: JsonIssue.sentence; found: a 'json.at.*' sentence ---
  'json.at.end': Record<never, never>
  'json.at.line-break': Record<never, never>
  'json.at.control': { code: string }
  'json.at.bom': Record<never, never>
  'json.at.char': { char: string }
  'json.position': { problem: Sentence; position: number }
  'json.trailing-text': { found: Sentence }
  'json.ends-in-value': { container: 'object' | 'array'; opened: number }
  'json.expected-value': { where: 'member' | 'array' | ''; found: Sentence }
  'json.trailing-comma': { container: 'object' | 'array' }
  'json.ends-unclosed': { container: 'object' | 'array'; opened: number }
  'json.expected-separator': { container: 'object' | 'array'; found: Sentence }
  'json.expected-name': { found: Sentence; singleQuote: 'yes' | '' }
  'json.expected-colon': { key: string; found: Sentence }
  'json.unclosed-string': { opened: number }
  'json.control-in-string': { found: Sentence }
  'json.escape-ends': Record<never, never>
  'json.unicode-escape': { hex: string }
  'json.bad-escape': { letter: string }
  'json.lone-surrogate': { escape: string; at: number }
  'json.expected-digit': { found: Sentence }
  'json.bad-number': { found: Sentence; leadingZero: 'yes' | '' }
  /** shown: the number, shortened when long (digits: how many it has then, else 0); read: what JavaScript makes of it. */
  'json.unsafe-integer': { shown: string; digits: number; read: string }
  'json.duplicate-member': { key: string; at: number; first: number }

  // --- algorithms.ts: keyMismatch ---
  /** size: RSA bits, an EC curve, OKP curves joined by ' or ', an ML-DSA name. */
  'key.requirement': { kty: 'none' | 'oct' | 'RSA' | 'EC' | 'OKP' | 'AKP'; size: string }
  'key.shape': { kty: 'RSA' | 'EC' | 'OKP' | 'AKP'; size: string }
  'key.mismatch': { alg: string; need: Sentence; shape: Sentence }

  // --- keys.ts and verify.ts: what is wrong with the key text ---
  /** message: the exception's own text. */
  'key.unreadable': { message: string }
  'key.too-large': { length: number; max: number }
  'key.hex-alphabet': { char: string; at: number }
  'key.hex-length': { digits: number }
  'key.secret-dangling': { encoding: SecretEncoding; at: number }
  'key.secret-alphabet': { encoding: SecretEncoding; char: string; at: number }
  /** belongs: the other alphabet the character is from. */
  'key.secret-other-alphabet': { encoding: SecretEncoding; char: string; at: number; belongs: 'base64' | 'base64url' }
  /** message: JSON.parse's own text, in the browser's words. */
  'key.invalid-json': { message: string }
  'key.not-object': Record<never, never>
  'key.jwks-member-not-object': { place: Sentence | string }
  'key.in-jwks': { place: Sentence | string; problem: Sentence | string }
  'key.jwk-no-kty': Record<never, never>
  'key.jwk-unknown-kty': { kty: string }
  'key.jwk-lacks': { kty: string; member: string }
  /** missing: member names, comma-separated. */
  'key.jwk-private-lacks': { kty: string; missing: string }
  'key.jwk-base64url': { member: string; char: string; at: number }
  'key.jwk-curve': { kty: 'EC' | 'OKP'; crv: string; known: string }
  'key.jwk-size': { kty: 'EC' | 'OKP'; crv: string; member: string; size: number; found: number }
  'key.jwk-akp-alg': { alg: string; known: string }
  'key.jwk-not-asymmetric': { kty: string }
  /** kids: the set's kids, quoted and comma-separated, '' when none has one. */
  'key.kid-not-found': { kid: string; kids: string; alg: string }
  'key.short-secret': { bytes: number; alg: string; needs: number }
  'key.short-rsa': { bits: number; alg: string; needs: number }

  // --- pem.ts: the PEM blocks and what their DER holds ---
  /** next: the offset of the next BEGIN line, or -1 when the text ends first. */
  'pem.no-end': { label: string; next: number }
  'pem.label-mismatch': { label: string; end: string; at: number }
  'pem.internal': { label: string; error: string }
  /** label: a PEM label that is not a key; its description is keyed by it. */
  'pem.not-a-key': { label: string }
  'pem.encrypted': { procType: string }
  'pem.after-padding': { char: string; at: number; padding: number }
  'pem.early-padding': { at: number }
  /** char: quoted, or U+XXXX for whitespace and control characters. */
  'pem.base64-alphabet': { char: string; at: number }
  'pem.no-base64': Record<never, never>
  'pem.base64-dangling': { at: number }
  'pem.base64-padding': { needed: number; at: number; found: number }
  /** problem: der.ts's own words, in English. */
  'pem.der': { label: string; problem: string }
  'pem.rsa-pss': Record<never, never>
  'pem.key-agreement': { crv: string }
  /** name: what the OID is, '' when unknown. */
  'pem.oid': { name: string; oid: string }
  'pem.unsupported-algorithm': { oid: Sentence }
  'pem.unsupported-curve': { oid: Sentence }
  'pem.no-curve': Record<never, never>
  'pem.explicit-curve': Record<never, never>
  'pem.implicit-curve': Record<never, never>
  'pem.multi-prime': Record<never, never>
  'pem.no-private-curve': Record<never, never>
  'pem.curve-mismatch': { outer: string; inner: string }
  'pem.ml-dsa-expanded': { alg: string; seed: number; expanded: number }
  /** name: the curve or ML-DSA name; what: which part of the key. */
  'pem.size': { size: number; name: string; what: 'public key' | 'private key' | 'private key d' | 'seed' | 'expanded key'; found: number }
  'pem.at-most': { size: number; name: string; what: 'public key' | 'private key' | 'private key d' | 'seed' | 'expanded key'; found: number }
  /** first: the first byte in hex, '' when there are no bytes. */
  'pem.ec-point': { crv: string; size: number; bytes: number; first: string }
  /** shape: "RSA 2048", "P-256", "ML-DSA-44". */
  'pem.invalid-key-bytes': { from: 'point' | 'secret'; shape: string }

  // --- state: expectations and notes ---
  'expectations.leeway': { text: string }
  /** removed: what segments.ts noted for each wrapper removed. */
  'note.pasted-cleaned': { removed: readonly (Sentence | string)[] }
}

export type SentenceCode = keyof SentenceParams

/** A sentence: its code, its params, and the English the core wrote. */
export type Sentence = { readonly [C in SentenceCode]: { readonly code: C; readonly params: Readonly<SentenceParams[C]>; readonly text: string } }[SentenceCode]

/** Codes of the diagnosis's hypotheses (Hypothesis.code). */
export type HypothesisCode = Exclude<Extract<SentenceCode, `diagnose.${string}`>, 'diagnose.no-cause'>

/** Builds a sentence; the English comes from the caller, as the core always wrote it. */
export const say = <C extends SentenceCode>(code: C, params: SentenceParams[C], text: string): Sentence => ({ code, params, text }) as Sentence
