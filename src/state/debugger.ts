/**
 * The page's state and its transitions, one per user action. Pure: the async work (verify, sign,
 * generate keys) runs in effects.ts, which dispatches results stamped with their input so stale
 * ones are dropped here.
 */
import {
  algorithmOf,
  decodedIfKnown,
  decodeToken,
  encodeBase64url,
  parseJson,
  type DecodedToken,
  type GeneratedKey,
  type JsonNode,
  type KeyInput,
  type Range,
  type SecretEncoding,
  type VerifyResult,
} from '../jwt'
import { encodeUtf8 } from '../jwt/base64url'
import type { Diagnosis } from '../jwt/diagnose'
import { say, type Sentence } from '../jwt/sentences'
import type { Language } from '../i18n'
import { DEMO_SECRET, DEMO_TOKEN, exampleParts } from './examples'
import { NO_EXPECTATIONS, type ExpectationField, type ExpectationFields } from './expectations'

export type Theme = 'system' | 'light' | 'dark'

export interface EditorState {
  readonly text: string
  /** Invalid JSON: where and why. The token keeps its last valid value meanwhile. */
  readonly error?: { readonly message: string; readonly range: Range; readonly sentence?: Sentence }
}

/** The key pair fields for one kind of key; each kind keeps its own so switching loses nothing. */
export interface KeyPairFields {
  readonly publicKey: string
  readonly privateKey: string
}

export interface Keys {
  readonly secret: string
  readonly secretEncoding: SecretEncoding
  /** By key slot (see keySlot): 'RSA', 'EC:P-256', 'OKP', 'AKP:ML-DSA-44', … */
  readonly pairs: Readonly<Record<string, KeyPairFields>>
}

export interface Note {
  readonly id: number
  readonly text: string
  /** The text as a sentence, for the page to say in its language. */
  readonly sentence?: Sentence
}

export interface DebuggerState {
  readonly token: string
  readonly header: EditorState
  readonly payload: EditorState
  /** The algorithm shown when the token has none (a fresh page, or a broken header). */
  readonly chosenAlg: string
  readonly keys: Keys
  /** The latest verdict, kept while a new one is computed so the status does not flicker. */
  readonly verification: { readonly result?: VerifyResult; readonly checking: boolean }
  /** The last token and key that verified, to tell an edit made here from a wrong key. */
  readonly lastVerified?: VerifyInput
  /** Why the current token does not verify with the current key: tested hypotheses. */
  readonly diagnosis?: Diagnosis
  readonly signRequest?: { readonly id: number; readonly header: string; readonly payload: string }
  readonly signError?: string
  readonly keyRequest?: { readonly id: number; readonly alg: string; readonly purpose: 'example' | 'algorithm' }
  readonly keyError?: string
  readonly notes: readonly Note[]
  /** "Check at another time": seconds since 1970, or undefined to check at the real now. */
  readonly checkAt?: number
  /** What the token is checked against (issuer, audience, …), as typed; see expectations.ts. */
  readonly expectations: ExpectationFields
  readonly theme: Theme
  /** The page's language; main.tsx picks the first one from the browser and storage. */
  readonly language: Language
  /** Seconds since 1970, ticking, for live relative times. */
  readonly now: number
  readonly nextId: number
  /** Linked highlighting: what is hovered or under the caret, in the JSON and in the token. */
  readonly focus?: Focus
}

/**
 * A range of a decoded part and the token characters that carry it (or the reverse), set as the
 * pointer or the caret moves. `source` says which side the person is pointing at.
 */
export interface Focus {
  readonly part: 'header' | 'payload'
  readonly source: 'json' | 'token'
  readonly jsonRange: Range
  readonly tokenRange: Range
}

export type Action =
  | { type: 'tokenChanged'; text: string }
  | { type: 'tokenDecoded'; token: string }
  | { type: 'tokenPasted'; text: string }
  | { type: 'headerEdited'; text: string }
  | { type: 'payloadEdited'; text: string }
  | { type: 'algorithmChosen'; alg: string }
  | { type: 'secretChanged'; secret: string }
  | { type: 'secretEncodingChanged'; encoding: SecretEncoding }
  | { type: 'publicKeyChanged'; publicKey: string }
  | { type: 'privateKeyChanged'; privateKey: string }
  | { type: 'verified'; input: VerifyInput; result: VerifyResult }
  | { type: 'diagnosed'; input: VerifyInput; diagnosis: Diagnosis }
  | { type: 'signed'; id: number; token: string }
  | { type: 'signFailed'; id: number; message: string }
  | { type: 'exampleRequested'; alg: string }
  | { type: 'keyGenerated'; id: number; key: GeneratedKey }
  | { type: 'keyUsed'; key: KeyToUse }
  | { type: 'keyFailed'; id: number; message: string }
  | { type: 'noteDismissed'; id: number }
  | { type: 'expectationChanged'; field: ExpectationField; value: string }
  | { type: 'checkTimeChanged'; at?: number }
  | { type: 'themeChanged'; theme: Theme }
  | { type: 'languageChanged'; language: Language }
  | { type: 'tick'; now: number }
  | { type: 'cleared' }
  | { type: 'focused'; focus: Focus }
  | { type: 'unfocused'; source: Focus['source']; part?: Focus['part'] }

/** A key chosen to sign with (from the key workbench), as the text of the key fields. */
export type KeyToUse =
  | { readonly alg: string; readonly kind: 'secret'; readonly secret: string }
  | { readonly alg: string; readonly kind: 'pair'; readonly publicKey: string; readonly privateKey: string }

/** What a verification ran on: the token and the key text as they were. */
export interface VerifyInput {
  readonly token: string
  readonly key: KeyInput
}

// --- Derived values ---------------------------------------------------------------------------

/**
 * Tokens longer than this are decoded (and verified) in a worker: on the main thread they would
 * block typing for more than 50 ms.
 */
export const OFF_THREAD_LENGTH = 256 * 1024

/** What the page shows for a large token while the worker decodes it. */
const decoding = (token: string): DecodedToken => ({
  kind: 'unknown',
  tokenRange: [0, token.length],
  token: '',
  segments: [],
  dots: [],
  problems: [{ code: 'token.decoding', severity: 'info', part: 'token', offset: 0, range: [0, 0], message: `Decoding ${(token.length / (1024 * 1024)).toFixed(1)} MB…` }],
})

export const isDecodedOffThread = (token: string) => token.length > OFF_THREAD_LENGTH

/**
 * The decoded token; decodeToken remembers the last one, so every panel shares one decode. A
 * large token not yet back from the worker reads as "decoding".
 */
export const decodedOf = (token: string): DecodedToken =>
  isDecodedOffThread(token) ? (decodedIfKnown(token) ?? decoding(token)) : decodeToken(token)

/** The moment claims are checked at: the one chosen, else the ticking now. */
export const checkTimeOf = (state: DebuggerState): number => state.checkAt ?? Math.floor(state.now)

/** The algorithm in force: the token's own, else the one chosen in the picker. */
export function currentAlg(state: DebuggerState): string {
  const alg = decodedOf(state.token).alg
  return alg !== undefined && algorithmOf(alg) ? alg : state.chosenAlg
}

/** Which key fields an algorithm uses: one slot per kind of key. */
export function keySlot(alg: string): string {
  const need = algorithmOf(alg)?.key
  switch (need?.kty) {
    case 'RSA':
      return 'RSA'
    case 'EC':
      return `EC:${need.crv}`
    case 'OKP':
      return need.crv.length > 1 ? 'OKP' : `OKP:${need.crv[0]}`
    case 'AKP':
      return `AKP:${need.alg}`
    default:
      return 'secret'
  }
}

const EMPTY_PAIR: KeyPairFields = { publicKey: '', privateKey: '' }

export const pairFor = (keys: Keys, alg: string): KeyPairFields => keys.pairs[keySlot(alg)] ?? EMPTY_PAIR

const isHmac = (alg: string) => algorithmOf(alg)?.family === 'HMAC'

/** The key the token is verified with: the secret, or the public key (else the private key). */
export const verifyKeyOf = (state: DebuggerState): KeyInput => verifyKeyFor(state.keys, currentAlg(state))

export function verifyKeyFor(keys: Keys, alg: string): KeyInput {
  if (isHmac(alg)) return { text: keys.secret, encoding: keys.secretEncoding, format: 'secret' }
  const pair = pairFor(keys, alg)
  return { text: pair.publicKey.trim() ? pair.publicKey : pair.privateKey }
}

/** The key the token is signed with, when there is one. */
export function signKeyOf(state: DebuggerState, alg: string): KeyInput | undefined {
  if (algorithmOf(alg)?.family === 'none') return { text: '' }
  if (isHmac(alg)) return state.keys.secret ? { text: state.keys.secret, encoding: state.keys.secretEncoding, format: 'secret' } : undefined
  const { privateKey } = pairFor(state.keys, alg)
  return privateKey.trim() ? { text: privateKey } : undefined
}

/** Whether two key inputs read the same text the same way. */
export const sameKey = (a: KeyInput, b: KeyInput) => a.text === b.text && a.encoding === b.encoding && a.format === b.format

// --- Transitions ------------------------------------------------------------------------------

export function initialState(options: { token?: string; publicKey?: string; notes?: string[]; theme?: Theme; language?: Language; now?: number } = {}): DebuggerState {
  const base: DebuggerState = {
    token: '',
    header: { text: '' },
    payload: { text: '' },
    chosenAlg: 'HS256',
    keys: { secret: options.token ? '' : DEMO_SECRET, secretEncoding: 'utf8', pairs: {} },
    verification: { checking: true },
    notes: (options.notes ?? []).map((text, i) => ({ id: i + 1, text })),
    expectations: NO_EXPECTATIONS,
    theme: options.theme ?? 'system',
    language: options.language ?? 'en',
    now: options.now ?? Date.now() / 1000,
    nextId: (options.notes?.length ?? 0) + 1,
  }
  const withToken = tokenChanged(base, options.token ?? DEMO_TOKEN)
  if (!options.publicKey) return withToken
  const alg = currentAlg(withToken)
  return { ...withToken, keys: setPair(withToken.keys, alg, { ...pairFor(withToken.keys, alg), publicKey: options.publicKey }) }
}

/**
 * The state the build renders the page from (src/prerender.tsx): the example, in English, with the
 * system theme, at the build's clock. main.tsx hydrates that HTML from this same state, then
 * renders the visitor's own (their language, theme, a shared token, the real now).
 */
export const prerenderedState = (renderedAt: number) => initialState({ now: renderedAt })

/** A new token text: the editors show what it decodes to. */
function tokenChanged(state: DebuggerState, text: string): DebuggerState {
  const decoded = decodedOf(text)
  const payloadText = decoded.payload === undefined ? '' : decoded.payload.kind === 'bytes' ? '' : decoded.payload.text
  return {
    ...state,
    token: text,
    header: { text: decoded.header?.text ?? '' },
    payload: { text: payloadText },
    verification: { ...state.verification, checking: true },
    diagnosis: undefined,
    signRequest: undefined,
    signError: undefined,
  }
}

/** A paste replaces the field; wrappers such as `Bearer ` are removed, with a note saying so. */
function tokenPasted(state: DebuggerState, text: string): DebuggerState {
  const decoded = decodedOf(text)
  const removed = decoded.problems.filter((p) => p.part === 'token' && p.severity === 'info' && p.code !== 'token.empty' && p.code !== 'token.jwe')
  // A pasted token is another token, not an edit of the one that verified.
  const pasted = { ...state, lastVerified: undefined }
  if (removed.length === 0 || decoded.token === '') return tokenChanged(pasted, text)
  const sentences = removed.map((p) => p.sentence ?? p.message)
  return addNote(tokenChanged(pasted, decoded.token), say('note.pasted-cleaned', { removed: sentences }, `Pasted token cleaned: ${removed.map((p) => p.message).join('; ')}.`))
}

function addNote(state: DebuggerState, note: string | Sentence): DebuggerState {
  const added: Note = typeof note === 'string' ? { id: state.nextId, text: note } : { id: state.nextId, text: note.text, sentence: note }
  return { ...state, notes: [...state.notes, added], nextId: state.nextId + 1 }
}

/** Checks an editor's JSON; returns the error to mark, if any. */
function jsonError(text: string): EditorState['error'] {
  const issue = parseJson(text).issues.find((i) => i.code === 'invalid-json')
  return issue && { message: issue.message, range: issue.range, ...(issue.sentence && { sentence: issue.sentence }) }
}

/**
 * The header or payload was edited: with valid JSON, the token is re-encoded at once (keeping the
 * old signature, which now no longer matches) and, when a signing key is present, re-signed.
 */
function partsEdited(state: DebuggerState, headerText: string, payloadText: string): DebuggerState {
  const header: EditorState = { text: headerText, error: jsonError(headerText) }
  const payload: EditorState = { text: payloadText, error: jsonError(payloadText) }
  const edited = { ...state, header, payload, signError: undefined }
  if (header.error || payload.error) return { ...edited, signRequest: undefined }

  const alg = algOfHeader(headerText) ?? state.chosenAlg
  const oldSignature = decodedOf(state.token).segments[2]?.text ?? ''
  const encoded = `${encodeBase64url(encodeUtf8(headerText))}.${encodeBase64url(encodeUtf8(payloadText))}`
  const token = `${encoded}.${algorithmOf(alg)?.family === 'none' ? '' : oldSignature}`
  const next: DebuggerState = { ...edited, token, verification: { ...state.verification, checking: true }, diagnosis: undefined }
  if (!signKeyOf(state, alg) || algorithmOf(alg)?.family === 'none') return { ...next, signRequest: undefined }
  return { ...next, signRequest: { id: state.nextId, header: headerText, payload: payloadText }, nextId: state.nextId + 1 }
}

function algOfHeader(headerText: string): string | undefined {
  const value = parseJson(headerText).value
  const alg = typeof value === 'object' && value !== null ? (value as { alg?: unknown }).alg : undefined
  return typeof alg === 'string' ? alg : undefined
}

/** Sets `"alg"` in the header text, keeping the rest of the text as it was. */
export function withAlg(headerText: string, alg: string): string {
  const root = parseJson(headerText, { tree: true }).root
  if (root?.kind !== 'object') return JSON.stringify({ alg, typ: 'JWT' })
  // JSON.parse, and so every reader, keeps the last of duplicate members: change that one.
  const member = root.members.findLast((m) => m.key === 'alg')
  if (member) return headerText.slice(0, member.value.range[0]) + JSON.stringify(alg) + headerText.slice(member.value.range[1])
  const open = root.range[0] + 1
  const separator = root.members.length > 0 ? ',' : ''
  return `${headerText.slice(0, open)}"alg":${JSON.stringify(alg)}${separator}${headerText.slice(open)}`
}

function algorithmChosen(state: DebuggerState, alg: string): DebuggerState {
  const headerText = withAlg(state.header.error ? JSON.stringify({ alg, typ: 'JWT' }) : state.header.text || '{"typ":"JWT"}', alg)
  const chosen = { ...state, chosenAlg: alg }
  const needsKey = !signKeyOf(chosen, alg)
  const payloadText = state.payload.error || state.payload.text === '' ? exampleParts(alg, state.now).payload : state.payload.text
  const edited = partsEdited(chosen, headerText, payloadText)
  // A fresh demo key for an algorithm whose key fields are empty, as a starting point.
  return needsKey ? requestKey(edited, alg, 'algorithm') : edited
}

function requestKey(state: DebuggerState, alg: string, purpose: 'example' | 'algorithm'): DebuggerState {
  return { ...state, keyRequest: { id: state.nextId, alg, purpose }, keyError: undefined, nextId: state.nextId + 1 }
}

function setPair(keys: Keys, alg: string, pair: KeyPairFields): Keys {
  return { ...keys, pairs: { ...keys.pairs, [keySlot(alg)]: pair } }
}

function keyGenerated(state: DebuggerState, id: number, key: GeneratedKey): DebuggerState {
  const request = state.keyRequest
  if (request?.id !== id) return state
  let keys = state.keys
  if (key.kind === 'secret') keys = { ...keys, secret: key.secret, secretEncoding: 'base64url' }
  if (key.kind === 'pair') {
    keys = setPair(keys, key.alg, { publicKey: key.publicPem, privateKey: key.privatePem })
  }
  const next = { ...state, keys, keyRequest: undefined, chosenAlg: key.alg }
  if (request.purpose === 'example') {
    const example = exampleParts(key.alg, state.now)
    return partsEdited(next, example.header, example.payload)
  }
  return partsEdited(next, state.header.text, state.payload.text)
}

/**
 * A key to sign with: its fields are filled, its algorithm chosen and the token re-signed. Any
 * demo key still being made is forgotten, so it cannot replace this one when it arrives.
 */
function keyUsed(state: DebuggerState, key: KeyToUse): DebuggerState {
  const keys = key.kind === 'secret' ? { ...state.keys, secret: key.secret, secretEncoding: 'base64url' as const } : setPair(state.keys, key.alg, { publicKey: key.publicKey, privateKey: key.privateKey })
  const next: DebuggerState = { ...state, keys, chosenAlg: key.alg, keyRequest: undefined, keyError: undefined }
  const header = withAlg(state.header.error || state.header.text === '' ? '{"typ":"JWT"}' : state.header.text, key.alg)
  const payload = state.payload.error || state.payload.text === '' ? exampleParts(key.alg, state.now).payload : state.payload.text
  return partsEdited(next, header, payload)
}

function keysChanged(state: DebuggerState, keys: Keys): DebuggerState {
  return { ...state, keys, verification: { ...state.verification, checking: true }, diagnosis: undefined }
}

function pairEdited(state: DebuggerState, change: Partial<KeyPairFields>): DebuggerState {
  const alg = currentAlg(state)
  return keysChanged(state, setPair(state.keys, alg, { ...pairFor(state.keys, alg), ...change }))
}

export function reducer(state: DebuggerState, action: Action): DebuggerState {
  switch (action.type) {
    case 'tokenChanged':
      return action.text === state.token ? state : tokenChanged(state, action.text)
    case 'tokenPasted':
      return tokenPasted(state, action.text)
    case 'tokenDecoded':
      // The worker's result is now remembered: fill the editors from it, keeping the verdict.
      return action.token === state.token ? { ...tokenChanged(state, state.token), verification: state.verification } : state
    case 'headerEdited':
      return partsEdited(state, action.text, state.payload.text)
    case 'payloadEdited':
      return partsEdited(state, state.header.text, action.text)
    case 'algorithmChosen':
      return algorithmChosen(state, action.alg)
    case 'secretChanged':
      return keysChanged(state, { ...state.keys, secret: action.secret })
    case 'secretEncodingChanged':
      return keysChanged(state, { ...state.keys, secretEncoding: action.encoding })
    case 'publicKeyChanged':
      return pairEdited(state, { publicKey: action.publicKey })
    case 'privateKeyChanged':
      return pairEdited(state, { privateKey: action.privateKey })
    case 'verified': {
      // Drop a verdict about a token or key that has changed since.
      if (action.input.token !== state.token || !sameKey(action.input.key, verifyKeyOf(state))) return state
      return { ...state, verification: { result: action.result, checking: false }, ...(action.result.valid && { lastVerified: action.input }) }
    }
    case 'diagnosed':
      if (action.input.token !== state.token || !sameKey(action.input.key, verifyKeyOf(state))) return state
      return { ...state, diagnosis: action.diagnosis }
    case 'signed':
      return state.signRequest?.id === action.id ? { ...tokenChanged(state, action.token), verification: { ...state.verification, checking: true } } : state
    case 'signFailed':
      return state.signRequest?.id === action.id ? { ...state, signRequest: undefined, signError: action.message } : state
    case 'exampleRequested':
      return requestKey({ ...state, chosenAlg: action.alg }, action.alg, 'example')
    case 'keyGenerated':
      return keyGenerated(state, action.id, action.key)
    case 'keyUsed':
      return keyUsed(state, action.key)
    case 'keyFailed':
      return state.keyRequest?.id === action.id ? { ...state, keyRequest: undefined, keyError: action.message } : state
    case 'noteDismissed':
      return { ...state, notes: state.notes.filter((n) => n.id !== action.id) }
    case 'checkTimeChanged':
      return { ...state, checkAt: action.at === undefined || !Number.isFinite(action.at) ? undefined : action.at }
    case 'expectationChanged':
      return { ...state, expectations: { ...state.expectations, [action.field]: action.value } }
    case 'themeChanged':
      return { ...state, theme: action.theme }
    case 'languageChanged':
      return { ...state, language: action.language }
    case 'tick':
      return Math.floor(action.now) === Math.floor(state.now) ? state : { ...state, now: action.now }
    case 'cleared':
      return { ...tokenChanged(state, ''), header: { text: '' }, payload: { text: '' } }
    case 'focused':
      return sameFocus(state.focus, action.focus) ? state : { ...state, focus: action.focus }
    case 'unfocused':
      // Leaving one side clears only what that side set: the pointer leaving the payload keeps the token's caret.
      return state.focus?.source === action.source && (action.part === undefined || state.focus.part === action.part) ? { ...state, focus: undefined } : state
  }
}

/** Same focus, so a pointer moving inside one member changes nothing (and re-renders nothing). */
function sameFocus(a: Focus | undefined, b: Focus): boolean {
  return a !== undefined && a.part === b.part && a.source === b.source && a.jsonRange[0] === b.jsonRange[0] && a.jsonRange[1] === b.jsonRange[1] && a.tokenRange[0] === b.tokenRange[0] && a.tokenRange[1] === b.tokenRange[1]
}

export type { JsonNode }
