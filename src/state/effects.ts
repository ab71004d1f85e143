/**
 * The async half of the state: decode large tokens in a worker; verify when the token or key
 * changes; after an invalid verdict, look for why; sign when an edit asks; generate a key when
 * one is asked for. Each result is dispatched with the input it was computed from, and the
 * reducer drops results whose input is no longer current.
 */
import { decodedIfKnown, generateKey, rememberDecoded, signToken, verifyToken, type KeyInput, type VerifyResult } from '../jwt'
import type { Store } from './store'
import { isDecodedOffThread, sameKey, signKeyOf, verifyKeyOf, type Action, type DebuggerState } from './debugger'

type Effect = (state: DebuggerState) => void

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function startEffects(store: Store<DebuggerState, Action>): () => void {
  const dispatch = store.dispatch
  const effects = [decodeLarge(store), verify(dispatch), explain(dispatch), sign(dispatch), generate(dispatch)]
  const run = () => {
    const state = store.getState()
    for (const effect of effects) effect(state)
  }
  const unsubscribe = store.subscribe(run)
  run()
  const timer = setInterval(() => dispatch({ type: 'tick', now: Date.now() / 1000 }), 1000)
  return () => {
    unsubscribe()
    clearInterval(timer)
  }
}

/** A large token is decoded in the worker once; a result for a token since replaced is dropped. */
function decodeLarge(store: Store<DebuggerState, Action>): Effect {
  let requested: string | undefined
  return ({ token }) => {
    if (!isDecodedOffThread(token) || decodedIfKnown(token) || requested === token) return
    requested = token
    // The worker's side loads with the first large token: most tokens never need it.
    void import('./coreWorker').then(({ decodeOffThread }) => decodeOffThread(token)).then((decoded) => {
      if (store.getState().token !== token) return
      rememberDecoded(token, decoded)
      store.dispatch({ type: 'tokenDecoded', token })
    })
  }
}

function verify(dispatch: (action: Action) => void): Effect {
  let last: { token: string; key: KeyInput } | undefined
  return (state) => {
    const key = verifyKeyOf(state)
    if (last && last.token === state.token && sameKey(last.key, key)) return
    const input = (last = { token: state.token, key })
    const verified = isDecodedOffThread(state.token) ? import('./coreWorker').then(({ verifyOffThread }) => verifyOffThread(input.token, key)) : verifyToken(state.token, key)
    void verified.then((result) => dispatch({ type: 'verified', input, result }))
  }
}

/** Runs after an invalid verdict is shown, so the hypotheses never delay it. */
function explain(dispatch: (action: Action) => void): Effect {
  let explained: VerifyResult | undefined
  return (state) => {
    const verdict = state.verification.result
    if (!verdict || verdict.valid || state.verification.checking || explained === verdict || isDecodedOffThread(state.token)) return
    explained = verdict
    const input = { token: state.token, key: verifyKeyOf(state) }
    const verifiedToken = state.lastVerified && sameKey(state.lastVerified.key, input.key) ? state.lastVerified.token : undefined
    // The hypotheses load with the first failed verification: a verified token never needs them.
    void import('../jwt/diagnose')
      .then(({ diagnose }) => diagnose(input.token, input.key, verdict, { verifiedToken }))
      .then((diagnosis) => dispatch({ type: 'diagnosed', input, diagnosis }))
  }
}

function sign(dispatch: (action: Action) => void): Effect {
  let signing: number | undefined
  return (state) => {
    const request = state.signRequest
    if (!request || request.id === signing) return
    signing = request.id
    signToken(request.header, request.payload, signKeyOf(state, headerAlg(request.header) ?? state.chosenAlg)).then(
      (token) => dispatch({ type: 'signed', id: request.id, token }),
      (error: unknown) => dispatch({ type: 'signFailed', id: request.id, message: message(error) }),
    )
  }
}

function generate(dispatch: (action: Action) => void): Effect {
  let generating: number | undefined
  return (state) => {
    const request = state.keyRequest
    if (!request || request.id === generating) return
    generating = request.id
    generateKey(request.alg).then(
      (key) => dispatch({ type: 'keyGenerated', id: request.id, key }),
      (error: unknown) => dispatch({ type: 'keyFailed', id: request.id, message: message(error) }),
    )
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
