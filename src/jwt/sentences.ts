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
  /** problem: the decoder's own sentence, in English. */
  'verify.malformed': { problem: string }
  'verify.unknown-alg': { alg: string }
  'verify.alg-not-allowed': { alg: string; allowed: string }
  'verify.alg-none': Record<never, never>
  'verify.embedded-key': Record<never, never>
  'verify.bad-signature': { count: number; alg: string }
  'verify.no-key': { needs: 'secret' | 'public key' }
  'verify.algorithm-confusion': { lookalike: SecretLookalike; alg: string }
  /** problem: the key reader's own sentence, in English. */
  'verify.unreadable-key': { problem: string }
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
}

export type SentenceCode = keyof SentenceParams

/** A sentence: its code, its params, and the English the core wrote. */
export type Sentence = { readonly [C in SentenceCode]: { readonly code: C; readonly params: Readonly<SentenceParams[C]>; readonly text: string } }[SentenceCode]

/** Codes of the diagnosis's hypotheses (Hypothesis.code). */
export type HypothesisCode = Exclude<Extract<SentenceCode, `diagnose.${string}`>, 'diagnose.no-cause'>

/** Builds a sentence; the English comes from the caller, as the core always wrote it. */
export const say = <C extends SentenceCode>(code: C, params: SentenceParams[C], text: string): Sentence => ({ code, params, text }) as Sentence
