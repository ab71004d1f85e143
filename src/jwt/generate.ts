/**
 * Making keys for any algorithm, in the browser: WebCrypto through jose where the runtime has the
 * algorithm, @noble (loaded on demand) where it does not.
 */
import { algorithmOf } from './algorithms'
import { encodeBase64url } from './base64url'
import type { NobleAlgorithm } from './noble'
import type { Jwk } from './types'
import { joseModule, nobleModule, pemModule } from './modules'

export type GeneratedKey =
  | { readonly alg: string; readonly kind: 'secret'; readonly secret: string; readonly encoding: 'base64url'; readonly bytes: Uint8Array }
  | { readonly alg: string; readonly kind: 'pair'; readonly publicJwk: Jwk; readonly privateJwk: Jwk; readonly publicPem: string; readonly privatePem: string }
  | { readonly alg: string; readonly kind: 'none' }

export interface GenerateOptions {
  /** RSA modulus length in bits: 2048 (default), 3072 or 4096. */
  readonly modulusLength?: number
  /** For EdDSA: which curve. */
  readonly crv?: 'Ed25519' | 'Ed448'
}

const NOBLE_ONLY: Record<string, NobleAlgorithm> = { ES256K: 'ES256K', Ed448: 'Ed448' }

/** Generates a key for the algorithm; rejects with TypeError for an unknown algorithm. */
export async function generateKey(alg: string, options: GenerateOptions = {}): Promise<GeneratedKey> {
  const algorithm = algorithmOf(alg)
  if (!algorithm) throw new TypeError(`Unknown algorithm ${JSON.stringify(alg)}`)
  if (algorithm.family === 'none') return { alg, kind: 'none' }
  if (algorithm.family === 'HMAC') {
    // RFC 7518 §3.2: at least as long as the hash output.
    const bytes = crypto.getRandomValues(new Uint8Array(algorithm.signatureLength!))
    return { alg, kind: 'secret', secret: encodeBase64url(bytes), encoding: 'base64url', bytes }
  }
  const noble = NOBLE_ONLY[alg] ?? (alg === 'EdDSA' && options.crv === 'Ed448' ? 'Ed448' : undefined)
  const pair = noble ? await nobleKeyPair(noble) : await webCryptoKeyPair(alg, options).catch(async (error: unknown) => {
    if (algorithm.family !== 'ML-DSA') throw error
    return nobleKeyPair(alg as NobleAlgorithm)
  })
  const [publicPem, privatePem] = await Promise.all([exportPem(pair.publicJwk, 'public'), exportPem(pair.privateJwk, 'private')])
  return { alg, kind: 'pair', ...pair, publicPem, privatePem }
}

async function webCryptoKeyPair(alg: string, options: GenerateOptions): Promise<{ publicJwk: Jwk; privateJwk: Jwk }> {
  // Loaded on demand, as in crypto.ts: an HMAC secret needs no jose.
  const { exportJWK, generateKeyPair } = joseModule.ready ?? (await joseModule.load())
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: options.modulusLength ?? 2048 })
  const [publicJwk, privateJwk] = await Promise.all([exportJWK(publicKey), exportJWK(privateKey)])
  return { publicJwk: publicJwk as Jwk, privateJwk: privateJwk as Jwk }
}

async function nobleKeyPair(alg: NobleAlgorithm): Promise<{ publicJwk: Jwk; privateJwk: Jwk }> {
  const { nobleGenerateKey } = nobleModule.ready ?? (await nobleModule.load())
  return nobleGenerateKey(alg)
}

/** A JWK as PEM: SPKI for the public half, PKCS#8 for the private one (DER code loads on demand). */
export async function exportPem(jwk: Jwk, which: 'public' | 'private'): Promise<string> {
  const { jwkToPem } = pemModule.ready ?? (await pemModule.load())
  return jwkToPem(jwk, which)
}
