/**
 * The async half of the state: when the token or key changes, verify; when an edit asks for a
 * signature, sign; when a key is asked for, generate it. Each result is dispatched with the input
 * it was computed from, and the reducer drops results whose input is no longer current.
 */
import { decodedIfKnown, diagnose, generateKey, rememberDecoded, signToken, verifyToken, type VerifyResult } from '../jwt'
import { decodeOffThread, verifyOffThread } from './coreWorker'
import type { Store } from './store'
import { isDecodedOffThread, signKeyOf, verifyKeyOf, type Action, type DebuggerState } from './debugger'

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function startEffects(store: Store<DebuggerState, Action>): () => void {
  let verifiedFor: { token: string; keyText: string; encoding?: string; format?: string } | undefined
  let signingId: number | undefined
  let keyId: number | undefined
  let decodingToken: string | undefined
  let diagnosedFor: VerifyResult | undefined

  const run = () => {
    const state = store.getState()
    const large = isDecodedOffThread(state.token)
    if (large && !decodedIfKnown(state.token) && decodingToken !== state.token) {
      const token = (decodingToken = state.token)
      void decodeOffThread(token).then((decoded) => {
        // Only the current token is remembered; a stale result is dropped.
        if (store.getState().token !== token) return
        rememberDecoded(token, decoded)
        store.dispatch({ type: 'tokenDecoded', token })
      })
    }
    const key = verifyKeyOf(state)
    if (!verifiedFor || verifiedFor.token !== state.token || verifiedFor.keyText !== key.text || verifiedFor.encoding !== key.encoding || verifiedFor.format !== key.format) {
      verifiedFor = { token: state.token, keyText: key.text, encoding: key.encoding, format: key.format }
      const input = { token: state.token, key }
      void (large ? verifyOffThread : verifyToken)(state.token, key).then((result) => store.dispatch({ type: 'verified', input, result }))
    }

    // After an invalid verdict is shown, look for why; a newer token or key makes it stale.
    const verdict = state.verification.result
    if (verdict && !verdict.valid && !state.verification.checking && diagnosedFor !== verdict && !isDecodedOffThread(state.token)) {
      diagnosedFor = verdict
      const input = { token: state.token, key }
      void diagnose(state.token, key, verdict).then((diagnosis) => store.dispatch({ type: 'diagnosed', input, diagnosis }))
    }

    const request = state.signRequest
    if (request && request.id !== signingId) {
      signingId = request.id
      const alg = headerAlg(request.header) ?? state.chosenAlg
      signToken(request.header, request.payload, signKeyOf(state, alg)).then(
        (token) => store.dispatch({ type: 'signed', id: request.id, token }),
        (error: unknown) => store.dispatch({ type: 'signFailed', id: request.id, message: message(error) }),
      )
    }

    const keyRequest = state.keyRequest
    if (keyRequest && keyRequest.id !== keyId) {
      keyId = keyRequest.id
      generateKey(keyRequest.alg).then(
        (key) => store.dispatch({ type: 'keyGenerated', id: keyRequest.id, key }),
        (error: unknown) => store.dispatch({ type: 'keyFailed', id: keyRequest.id, message: message(error) }),
      )
    }
  }

  const unsubscribe = store.subscribe(run)
  run()
  const timer = setInterval(() => store.dispatch({ type: 'tick', now: Date.now() / 1000 }), 1000)
  return () => {
    unsubscribe()
    clearInterval(timer)
  }
}

function headerAlg(header: string): string | undefined {
  try {
    const alg = (JSON.parse(header) as { alg?: unknown }).alg
    return typeof alg === 'string' ? alg : undefined
  } catch {
    return undefined
  }
}
