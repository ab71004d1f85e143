/**
 * The page's side of the core worker. Where workers are missing (tests in jsdom), the same
 * functions run here instead: slower for huge tokens, identical in result.
 */
import { decodeToken, verifyToken, type DecodedToken, type KeyInput, type VerifyResult } from '../jwt'
import type { CoreRequest, CoreResponse } from '../workers/protocol'

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, (response: CoreResponse) => void>()

/** A request before it is numbered (Omit distributed over the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never

function ask(request: Unnumbered<CoreRequest>): Promise<CoreResponse> {
  if (!worker) {
    worker = new Worker(new URL('../workers/core.worker.ts', import.meta.url), { type: 'module' })
    worker.addEventListener('message', (event: MessageEvent<CoreResponse>) => {
      pending.get(event.data.id)?.(event.data)
      pending.delete(event.data.id)
    })
  }
  const id = nextId++
  return new Promise((resolve) => {
    pending.set(id, resolve)
    worker!.postMessage({ ...request, id } as CoreRequest)
  })
}

const hasWorkers = () => typeof Worker !== 'undefined'

export async function decodeOffThread(text: string): Promise<DecodedToken> {
  if (!hasWorkers()) return decodeToken(text)
  const { decoded } = (await ask({ type: 'decode', text })) as Extract<CoreResponse, { type: 'decoded' }>
  // Slices share the pasted text's memory: putting back what the worker left out is free.
  return { ...decoded, token: text.slice(...decoded.tokenRange), segments: decoded.segments.map((segment) => ({ ...segment, text: text.slice(...segment.range) })) }
}

export async function verifyOffThread(token: string, key: KeyInput): Promise<VerifyResult> {
  if (!hasWorkers()) return verifyToken(token, key)
  const response = await ask({ type: 'verify', token, key })
  return (response as Extract<CoreResponse, { type: 'verified' }>).result
}
