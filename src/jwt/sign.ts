/**
 * signToken: the compact JWS of exactly the header and payload given. A header or payload given
 * as text is signed as that text (member order, spacing, `3.0` kept); given as an object, it is
 * serialised with JSON.stringify in its insertion order.
 */
import { algorithmOf, type Algorithm } from './algorithms'
import { encodeBase64url, encodeUtf8 } from './base64url'
import { createSignature } from './crypto'
import { isObject } from './decode'
import { parseJson } from './json'
import { readKey, type KeyCandidate, type KeyInput } from './keys'
import { keyMisfit } from './verify'

export const SigningErrorCode = {
  invalidHeader: 'sign.invalid-header',
  unknownAlg: 'sign.unknown-alg',
  noKey: 'sign.no-key',
  /** A key was read but does not fit the algorithm, or lacks the private half. */
  keyMismatch: 'sign.key-mismatch',
  unusableKey: 'sign.unusable-key',
} as const
export type SigningErrorCode = (typeof SigningErrorCode)[keyof typeof SigningErrorCode]

/** Why a token could not be signed; `message` is a sentence for the page. */
export class SigningError extends Error {
  readonly code: SigningErrorCode
  constructor(code: SigningErrorCode, message: string) {
    super(message)
    this.name = 'SigningError'
    this.code = code
  }
}

/** Signs; rejects with a SigningError for a header, algorithm or key that cannot sign. */
export async function signToken(header: string | object, payload: string | Uint8Array | object, key?: KeyInput): Promise<string> {
  const headerText = typeof header === 'string' ? header : JSON.stringify(header)
  const parsedHeader = parseJson(headerText)
  const invalid = parsedHeader.issues.find((i) => i.code === 'invalid-json')
  if (invalid) throw new SigningError('sign.invalid-header', `The header is not valid JSON: ${invalid.message}`)
  if (!isObject(parsedHeader.value)) throw new SigningError('sign.invalid-header', 'The header must be a JSON object')
  const alg = parsedHeader.value.alg
  const algorithm = algorithmOf(alg)
  if (!algorithm) throw new SigningError('sign.unknown-alg', `The header's alg ${JSON.stringify(alg)} is not a JWS algorithm this page can sign with`)

  const payloadBytes = payload instanceof Uint8Array ? payload : encodeUtf8(typeof payload === 'string' ? payload : JSON.stringify(payload))
  // RFC 7797 §3: with "b64": false the payload goes into the signing input unencoded.
  const encodedPayload = parsedHeader.value.b64 === false ? new TextDecoder().decode(payloadBytes) : encodeBase64url(payloadBytes)
  const signingInput = `${encodeBase64url(encodeUtf8(headerText))}.${encodedPayload}`
  // RFC 7518 §3.6: an unsecured JWS has an empty signature.
  if (algorithm.family === 'none') return `${signingInput}.`

  const candidate = await signingKey(algorithm, key)
  try {
    const signature = await createSignature(algorithm, candidate, encodeUtf8(signingInput))
    return `${signingInput}.${encodeBase64url(signature)}`
  } catch (error) {
    throw new SigningError('sign.unusable-key', `The key cannot sign ${algorithm.alg}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The first key that can sign the algorithm; else a SigningError naming what it needs and what it got. */
async function signingKey(algorithm: Algorithm, key: KeyInput | undefined): Promise<KeyCandidate> {
  const { alg } = algorithm
  const isHmac = algorithm.family === 'HMAC'
  if (!key || key.text.trim() === '') throw new SigningError('sign.no-key', isHmac ? `Enter a secret to sign ${alg}` : `Enter a private key to sign ${alg}`)
  const read = await readKey(key)
  // The same question verify asks, with "sign": the key must fit and hold its private half.
  const usable = read.candidates.find((c) => keyMisfit(algorithm, c, 'sign') === undefined)
  if (usable) return usable
  // Of the keys that cannot sign, speak of the nearest: the public half of the right key type, if any.
  const nearest = read.candidates.find((c) => keyMisfit(algorithm, c, 'verify') === undefined) ?? read.candidates[0]
  if (nearest) {
    const reason = keyMisfit(algorithm, nearest, 'sign')!
    throw new SigningError('sign.key-mismatch', read.candidates.length > 1 ? `No key in the set can sign: ${reason}` : reason)
  }
  const what = read.problems[0]?.message ?? 'no key was found'
  throw new SigningError('sign.unusable-key', `${alg} signs with ${isHmac ? 'a shared secret' : 'a private key'}; ${what}`)
}
