/**
 * The page's side of the core worker. Where workers are missing (tests in jsdom), or the worker
 * fails (it cannot load, throws, or sends a reply that cannot be read), the same functions run
 * here instead: slower for huge tokens, identical in result, and never "Decoding…" forever.
 *
 * Copying a megabyte token into the worker, and the decoded result back, are the page's costs:
 * the token is sent once (a verify of the same text refers to it), the reply leaves out what the
 * page already has, and each copy runs in a task of its own rather than inside the paste or the
 * render that follows.
 */
import { decodeToken, verifyToken, type DecodedToken, type KeyInput, type VerifyResult } from '../jwt'
import { putBackLongStrings } from '../workers/payloadSlices'
import type { CoreRequest, CoreResponse } from '../workers/protocol'

/** A request the worker has not answered yet, with the token it concerns to redo it here. */
interface Pending {
  readonly request: CoreRequest
  readonly token: string
  readonly resolve: (response: CoreResponse) => void
}

let worker: Worker | undefined
/** Set once the worker has failed: from then on the core runs on this thread. */
let failed = false
let nextId = 1
const pending = new Map<number, Pending>()
/** The token text the worker last received. */
let sentText: string | undefined
/** Requests waiting for the task that posts them, in order. */
const outbox: CoreRequest[] = []

/** A request before it is numbered (Omit distributed over the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never

/** Resolves in a new task (a message, not a 4 ms-clamped timer), after whatever the current one does. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })

/** What the worker would have replied, computed on this thread. */
async function answerHere({ request, token }: Pending): Promise<CoreResponse> {
  if (request.type === 'decode') return { id: request.id, type: 'decoded', decoded: decodeToken(token), slices: [] }
  return { id: request.id, type: 'verified', result: await verifyToken(token, request.key) }
}

/**
 * The worker did not load, threw, or sent a reply that cannot be read: which request it was
 * working on is unknown, so every one still waiting is answered here, and so are later ones.
 */
function workerFailed(): void {
  failed = true
  worker?.terminate()
  worker = undefined
  sentText = undefined
  outbox.length = 0
  const waiting = [...pending.values()]
  pending.clear()
  for (const entry of waiting) void answerHere(entry).then(entry.resolve)
}

function start(): Worker {
  const started = new Worker(new URL('../workers/core.worker.ts', import.meta.url), { type: 'module' })
  started.addEventListener('message', (event: MessageEvent<CoreResponse>) => {
    pending.get(event.data.id)?.resolve(event.data)
    pending.delete(event.data.id)
  })
  started.addEventListener('error', workerFailed)
  started.addEventListener('messageerror', workerFailed)
  return started
}

function ask(request: Unnumbered<CoreRequest>, token: string): Promise<CoreResponse> {
  worker ??= start()
  const id = nextId++
  // Posting copies the token: not inside the paste (or keystroke) that asked for it.
  if (outbox.length === 0) void nextTask().then(() => outbox.splice(0).forEach((queued) => worker?.postMessage(queued)))
  const numbered = { ...request, id } as CoreRequest
  outbox.push(numbered)
  return new Promise((resolve) => pending.set(id, { request: numbered, token, resolve }))
}

const workerUsable = () => typeof Worker !== 'undefined' && !failed

export async function decodeOffThread(text: string): Promise<DecodedToken> {
  if (!workerUsable()) return decodeToken(text)
  sentText = text
  const { decoded, slices } = (await ask({ type: 'decode', text }, text)) as Extract<CoreResponse, { type: 'decoded' }>
  // The reply was copied in the task that received it; the page renders it in the next one.
  await nextTask()
  if (decoded.payload?.kind === 'json') putBackLongStrings(decoded.payload.text, decoded.payload.value, slices)
  // Slices share the pasted text's memory: putting back what the worker left out is free.
  return { ...decoded, token: text.slice(...decoded.tokenRange), segments: decoded.segments.map((segment) => ({ ...segment, text: text.slice(...segment.range) })) }
}

export async function verifyOffThread(token: string, key: KeyInput): Promise<VerifyResult> {
  if (!workerUsable()) return verifyToken(token, key)
  const known = token === sentText
  sentText = token
  const response = await ask(known ? { type: 'verify', key } : { type: 'verify', token, key }, token)
  return (response as Extract<CoreResponse, { type: 'verified' }>).result
}
