/**
 * The signature operations over exact bytes. WebCrypto does the work where the runtime has the
 * algorithm (keys imported through jose); the audited @noble libraries, loaded only when needed,
 * do ES256K, Ed448 and ML-DSA where it does not.
 */
import type { Algorithm } from './algorithms'
import { publicPart, type KeyCandidate } from './keys'
import type { NobleAlgorithm } from './noble'
import { joseModule, nobleModule } from './modules'

type Usage = 'sign' | 'verify'

/** Which backend runs this algorithm with this key. */
function nobleAlgorithmFor(algorithm: Algorithm, candidate: KeyCandidate): NobleAlgorithm | undefined {
  if (candidate.type !== 'asymmetric') return undefined
  if (algorithm.alg === 'ES256K') return 'ES256K'
  if (candidate.shape.kty === 'OKP' && candidate.shape.crv === 'Ed448') return 'Ed448'
  // Unknown until tried: WebCrypto goes first, and only its refusal sends ML-DSA to noble.
  if (algorithm.family === 'ML-DSA' && webCryptoHas.get(algorithm.alg) === false) return algorithm.alg as NobleAlgorithm
  return undefined
}

/** Learned at run time: false once WebCrypto has refused an algorithm (e.g. ML-DSA in Node 20). */
const webCryptoHas = new Map<string, boolean>()

const importedKeys = new WeakMap<KeyCandidate, Map<string, Promise<CryptoKey>>>()

/** Imports a candidate as a WebCrypto key once per algorithm and usage. */
function cryptoKeyFor(algorithm: Algorithm, candidate: KeyCandidate, usage: Usage): Promise<CryptoKey> {
  let perCandidate = importedKeys.get(candidate)
  if (!perCandidate) importedKeys.set(candidate, (perCandidate = new Map()))
  const cacheKey = `${algorithm.alg}/${usage}`
  let key = perCandidate.get(cacheKey)
  if (!key) {
    key = importCryptoKey(algorithm, candidate, usage)
    perCandidate.set(cacheKey, key)
    key.catch(() => perCandidate.delete(cacheKey))
  }
  return key
}

async function importCryptoKey(algorithm: Algorithm, candidate: KeyCandidate, usage: Usage): Promise<CryptoKey> {
  if (candidate.type === 'secret') {
    // jose's importJWK returns raw bytes for oct keys, so the HMAC key is imported directly.
    return crypto.subtle.importKey('raw', candidate.bytes as BufferSource, { name: 'HMAC', hash: algorithm.hash! }, false, [usage])
  }
  const jwk = usage === 'verify' ? publicPart(candidate.jwk) : candidate.jwk
  // jose checks the JWK against the algorithm and maps it to WebCrypto's import parameters. It
  // loads with the first key pair: the HMAC example the page opens with needs none of it.
  const { importJWK } = joseModule.ready ?? (await joseModule.load())
  const key = await importJWK({ ...jwk, alg: jwk.kty === 'AKP' ? jwk.alg : algorithm.alg, ext: false, key_ops: undefined }, algorithm.alg)
  if (key instanceof Uint8Array) throw new TypeError('expected an asymmetric key')
  return key
}

/** WebCrypto parameters for sign/verify; ECDSA and RSA-PSS carry their hash or salt length. */
function signParams(algorithm: Algorithm): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  return algorithm.webCrypto ?? { name: algorithm.alg }
}

/**
 * Only WebCrypto's own NotSupportedError (thrown when it cannot normalize the algorithm name) says
 * the runtime lacks the algorithm. jose's ERR_JOSE_NOT_SUPPORTED is about the key (an EC JWK handed to
 * ML-DSA, say), and must not switch the whole session to @noble.
 */
const isUnsupported = (error: unknown) => typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'NotSupportedError'

/** Runs `webCrypto`, or noble when the algorithm needs it or WebCrypto turns out to lack it. */
async function withBackend<T>(
  algorithm: Algorithm,
  candidate: KeyCandidate,
  webCrypto: () => Promise<T>,
  noble: (alg: NobleAlgorithm, module: typeof import('./noble')) => T,
): Promise<T> {
  const nobleAlg = nobleAlgorithmFor(algorithm, candidate)
  if (nobleAlg) return noble(nobleAlg, nobleModule.ready ?? (await nobleModule.load()))
  try {
    const result = await webCrypto()
    webCryptoHas.set(algorithm.alg, true)
    return result
  } catch (error) {
    if (algorithm.family !== 'ML-DSA' || !isUnsupported(error)) throw error
    webCryptoHas.set(algorithm.alg, false)
    return noble(algorithm.alg as NobleAlgorithm, nobleModule.ready ?? (await nobleModule.load()))
  }
}

/** True when `signature` is valid for `signingInput` under the key. Rejects only on key errors. */
export function verifySignature(algorithm: Algorithm, candidate: KeyCandidate, signingInput: Uint8Array, signature: Uint8Array): Promise<boolean> {
  return withBackend(
    algorithm,
    candidate,
    async () => crypto.subtle.verify(signParams(algorithm), await cryptoKeyFor(algorithm, candidate, 'verify'), signature as BufferSource, signingInput as BufferSource),
    (alg, noble) => candidate.type === 'asymmetric' && noble.nobleVerify(alg, candidate.jwk, signature, signingInput),
  )
}

/** Signs `signingInput`; for ECDSA the result is already R || S (RFC 7518 §3.4). */
export function createSignature(algorithm: Algorithm, candidate: KeyCandidate, signingInput: Uint8Array): Promise<Uint8Array> {
  return withBackend(
    algorithm,
    candidate,
    async () => new Uint8Array(await crypto.subtle.sign(signParams(algorithm), await cryptoKeyFor(algorithm, candidate, 'sign'), signingInput as BufferSource)),
    (alg, noble) => {
      if (candidate.type !== 'asymmetric') throw new TypeError('noble signs with asymmetric keys only')
      return noble.nobleSign(alg, candidate.jwk, signingInput)
    },
  )
}
