/** WebCrypto import parameters for an algorithm's public key, for the raw baselines of both benchmarks. */
import { algorithmOf } from '../src/jwt/algorithms'

export function importParams(alg: string): AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams {
  const algorithm = algorithmOf(alg)!
  if (algorithm.family === 'HMAC') return { name: 'HMAC', hash: algorithm.hash! }
  if (algorithm.family === 'RSA' || algorithm.family === 'RSA-PSS') return { name: (algorithm.webCrypto as { name: string }).name, hash: algorithm.hash! }
  if (algorithm.family === 'ECDSA') return { name: 'ECDSA', namedCurve: (algorithm.key as { crv: string }).crv }
  return { name: (algorithm.webCrypto as { name: string } | undefined)?.name ?? alg }
}
