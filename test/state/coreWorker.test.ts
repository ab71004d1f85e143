// @vitest-environment node
/**
 * The core worker failing: it cannot load (a missing file, a stricter policy on another host),
 * throws while decoding, or sends a reply that cannot be read. The page must still decode and
 * verify the token, on its own thread, instead of showing "Decoding…" forever.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeToken, signToken } from '../../src/jwt'
import { DEMO_SECRET } from '../../src/state/examples'

type Failure = 'load' | 'request' | 'reply'

/** A Worker that fails in one way, recording what the page sent it. */
class FailingWorker extends EventTarget {
  static failure: Failure = 'load'
  static started: FailingWorker[] = []
  readonly posted: unknown[] = []
  terminated = false

  constructor(_url: URL | string, _options?: WorkerOptions) {
    super()
    FailingWorker.started.push(this)
    // A module that cannot be fetched or parsed fires 'error' at the Worker, soon after it is made.
    if (FailingWorker.failure === 'load') setTimeout(() => this.dispatchEvent(new Event('error')))
  }

  postMessage(message: unknown): void {
    this.posted.push(message)
    if (FailingWorker.failure === 'request') setTimeout(() => this.dispatchEvent(new Event('error')))
    if (FailingWorker.failure === 'reply') setTimeout(() => this.dispatchEvent(new Event('messageerror')))
  }

  terminate(): void {
    this.terminated = true
  }
}

/** A fresh copy of the module: it keeps its worker, and whether it failed, between calls. */
const loadCoreWorker = async (failure: Failure) => {
  FailingWorker.failure = failure
  vi.resetModules()
  return import('../../src/state/coreWorker')
}

let token: string
const secret = { text: DEMO_SECRET, format: 'secret' } as const

beforeEach(async () => {
  FailingWorker.started = []
  vi.stubGlobal('Worker', FailingWorker)
  token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'worker-failed', data: 'x'.repeat(300_000) }, secret)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('a core worker that fails', () => {
  it('decodes the token on the page when the worker cannot load', async () => {
    const { decodeOffThread } = await loadCoreWorker('load')
    const decoded = await decodeOffThread(token)
    // Compared as booleans: a failure would print the 400 KB token.
    expect(JSON.stringify(decoded) === JSON.stringify(decodeToken(token))).toBe(true)
    expect(decoded.header?.value).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(decoded.payload).toMatchObject({ kind: 'json', value: { sub: 'worker-failed', data: 'x'.repeat(300_000) } })
    expect(FailingWorker.started).toHaveLength(1)
    expect(FailingWorker.started[0]!.terminated).toBe(true)
  })

  it('answers every waiting request on the page when the worker throws', async () => {
    const { decodeOffThread, verifyOffThread } = await loadCoreWorker('request')
    const [decoded, verified] = await Promise.all([decodeOffThread(token), verifyOffThread(token, secret)])
    // The verify refers to the token the decode sent, as it does to a working worker.
    const posted = FailingWorker.started[0]!.posted as { id: number; type: string; text?: string; token?: string }[]
    expect(posted.map(({ id, type, text, token: sent }) => ({ id, type, text: text === token, token: sent === token }))).toEqual([
      { id: 1, type: 'decode', text: true, token: false },
      { id: 2, type: 'verify', text: false, token: false },
    ])
    expect(decoded.payload).toMatchObject({ kind: 'json', value: { sub: 'worker-failed' } })
    expect(decoded.problems).toEqual([])
    expect(verified).toMatchObject({ valid: true, alg: 'HS256' })
  })

  it('answers on the page when a reply from the worker cannot be read', async () => {
    const { verifyOffThread } = await loadCoreWorker('reply')
    expect(await verifyOffThread(token, { ...secret, text: 'not the secret' })).toMatchObject({ valid: false, code: 'verify.bad-signature' })
  })

  it('runs later requests on the page without starting the failed worker again', async () => {
    const { decodeOffThread, verifyOffThread } = await loadCoreWorker('load')
    await decodeOffThread(token)
    const postedBefore = FailingWorker.started[0]!.posted.length
    const other = await signToken({ alg: 'HS256' }, { sub: 'later' }, secret)
    expect((await decodeOffThread(other)).payload).toMatchObject({ value: { sub: 'later' } })
    expect(await verifyOffThread(other, secret)).toMatchObject({ valid: true })
    expect(FailingWorker.started).toHaveLength(1)
    expect(FailingWorker.started[0]!.posted).toHaveLength(postedBefore)
  })
})
