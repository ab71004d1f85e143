import type { GeneratedKey } from '../jwt'
import type { KeyToUse } from '../state/debugger'
import { useDispatch } from '../state/DebuggerContext'

export type KeyToSign = KeyToUse

/** Puts a key into the debugger's key fields for its algorithm and re-signs the token with it. */
export function useToSign(): (key: KeyToSign) => void {
  const dispatch = useDispatch()
  return (key) => dispatch({ type: 'keyUsed', key })
}

/** The generated key as the text shown: PEM or JWK for a pair, base64url for a secret. */
export function keyToSign(key: Exclude<GeneratedKey, { kind: 'none' }>, format: 'text' | 'jwk'): KeyToSign {
  if (key.kind === 'secret') return { alg: key.alg, kind: 'secret', secret: key.secret }
  if (format === 'text') return { alg: key.alg, kind: 'pair', publicKey: key.publicPem, privateKey: key.privatePem }
  return { alg: key.alg, kind: 'pair', publicKey: jsonOf(key.publicJwk), privateKey: jsonOf(key.privateJwk) }
}

export const jsonOf = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
