/**
 * Verify latency per algorithm, through the page and with raw WebCrypto in the same page, both
 * timed the same way: from the moment the key arrives (at the start of a frame, so both wait alike
 * for the display) to the end of the frame that shows "Signature verified".
 *
 * Through the page: the key field is set (a new text each time, as a person pastes or finishes
 * typing a key, so no cached read helps) and the clock stops when the status says verified.
 * Raw: crypto.subtle.verify with a key imported beforehand, its result written into an element,
 * and the clock stops at the end of the frame that shows it. The difference is what the page adds:
 * reading and importing the key, the state update, React's render.
 */
import type { Page } from 'playwright-core'
import { generateKey, signToken, type GeneratedKey } from '../../src/jwt'
import { algorithmOf } from '../../src/jwt/algorithms'
import { importParams } from '../webCrypto'
import { freshVisit, settle } from './visit'

export interface VerifyTimes {
  readonly alg: string
  /** ms to the frame showing the verdict, each trial; `work` stops at the DOM change instead. */
  readonly page: { screen: number[]; work: number[] }
  /** Undefined where this Chromium has no WebCrypto for the algorithm. */
  readonly raw?: { screen: number[]; work: number[]; verifyAlone: number }
}

export const VERIFY_ALGS = ['HS256', 'RS256', 'PS256', 'ES256', 'EdDSA', 'ML-DSA-44', 'ES256K', 'Ed448'] as const

const PAYLOAD = '{"sub":"1234567890","name":"Ada Lovelace","iat":1767225600}'

interface Material {
  /** The token to verify in trial i, and the key text that verifies it. */
  trial(i: number): Promise<{ token: string; keyText: string }>
  readonly field: 'Secret' | 'Public key'
  /** For raw WebCrypto: how to import the key, and the verify parameters. */
  readonly raw: { format: 'raw' | 'spki'; keyData: number[]; importParams: unknown; verifyParams: unknown }
}

async function materialFor(alg: string, runMarker: string): Promise<Material> {
  const algorithm = algorithmOf(alg)!
  if (algorithm.family === 'HMAC') {
    // A new secret each trial: typing the secret's last character is what makes it verify.
    const secretOf = (i: number) => `bench-secret-${runMarker}-${i}-of-at-least-32-bytes`
    const raw = { format: 'raw' as const, keyData: [...Buffer.from(secretOf(0))], importParams: importParams(alg), verifyParams: algorithm.webCrypto }
    return { field: 'Secret', raw, trial: async (i) => ({ token: await signToken({ alg, typ: 'JWT' }, PAYLOAD, { text: secretOf(i) }), keyText: secretOf(i) }) }
  }
  const key = (await generateKey(alg)) as Extract<GeneratedKey, { kind: 'pair' }>
  const token = await signToken({ alg, typ: 'JWT' }, PAYLOAD, { text: key.privatePem })
  const spki = [...Buffer.from(key.publicPem.replace(/-----[^-]+-----|\s/g, ''), 'base64')]
  // A different text for the same key each trial (trailing newlines), so the page reads it anew.
  const keyText = (i: number) => `${key.publicPem.trimEnd()}${'\n'.repeat(i + 1)}`
  return { field: 'Public key', raw: { format: 'spki', keyData: spki, importParams: importParams(alg), verifyParams: algorithm.webCrypto }, trial: async (i) => ({ token, keyText: keyText(i) }) }
}

/** Imports the key in the page and adds the element raw results are written into; false if unsupported. */
function prepareRaw(page: Page, token: string, raw: Material['raw']): Promise<boolean> {
  return page.evaluate(async ({ token, raw }) => {
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
    try {
      const key = await crypto.subtle.importKey(raw.format, new Uint8Array(raw.keyData), raw.importParams as AlgorithmIdentifier, false, ['verify'])
      const element = document.createElement('p')
      element.style.cssText = 'position:fixed;top:0;left:0;margin:0;background:#fff'
      document.body.append(element)
      window.__bench.stash.raw = { key, params: raw.verifyParams, data: new TextEncoder().encode(`${header}.${payload}`), signature: fromB64url(signature), element }
      return true
    } catch {
      return false
    }
  }, { token, raw })
}

interface RawStash {
  key: CryptoKey
  params: AlgorithmIdentifier
  data: Uint8Array<ArrayBuffer>
  signature: Uint8Array<ArrayBuffer>
  element: HTMLElement
}

/**
 * One raw trial, shaped like a page trial: a blank verdict, a pause, then (at the start of a
 * frame) verify and write the verdict, noticed by the same DOM watch as the page's.
 */
async function rawTrial(page: Page): Promise<{ screen: number; work: number }> {
  await page.evaluate(() => {
    ;(window.__bench.stash.raw as RawStash).element.textContent = 'Checking the signature…'
  })
  await settle(page, 100)
  return page.evaluate(async () => {
    const bench = window.__bench
    const raw = bench.stash.raw as RawStash
    await bench.frameStart()
    const seen = bench.when(() => raw.element.textContent === 'Signature verified')
    const t0 = performance.now()
    const valid = await crypto.subtle.verify(raw.params, raw.key, raw.signature, raw.data)
    raw.element.textContent = valid ? 'Signature verified' : 'Invalid signature'
    if (!valid) throw new Error('raw WebCrypto did not verify the token')
    const { shown, painted } = await seen
    return { screen: painted - t0, work: shown - t0 }
  })
}

/** µs per crypto.subtle.verify, awaited one at a time, for the notes. */
function rawVerifyAlone(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const raw = window.__bench.stash.raw as RawStash
    const start = performance.now()
    let count = 0
    while (performance.now() - start < 100) {
      await crypto.subtle.verify(raw.params, raw.key, raw.signature, raw.data)
      count++
    }
    return ((performance.now() - start) * 1000) / count
  })
}

/** One trial through the page: the token in place with no (or the wrong) key, then the key. */
async function pageTrial(page: Page, material: Material, i: number): Promise<{ screen: number; work: number }> {
  const { token, keyText } = await material.trial(i)
  await page.evaluate(async ({ token, field }) => {
    const bench = window.__bench
    if (bench.field('Encoded token').value !== token) bench.setField('Encoded token', token)
    if (field === 'Public key') bench.setField('Public key', '')
    await bench.when(() => bench.isSettled() && !bench.isVerified())
  }, { token, field: material.field })
  await settle(page, 100)
  return page.evaluate(async ({ field, keyText }) => {
    const bench = window.__bench
    // At the start of a frame, as the raw trial starts: both then have the same time to the next one.
    await bench.frameStart()
    const seen = bench.when(bench.isVerified)
    const t0 = performance.now()
    bench.setField(field, keyText)
    return seen.then(({ shown, painted }) => ({ screen: painted - t0, work: shown - t0 }))
  }, { field: material.field, keyText })
}

/** Page and raw trials interleaved, after one warm-up of each (lazy chunks, JIT). */
export async function measureVerify(page: Page, url: string, alg: string, runMarker: string, trials: number): Promise<VerifyTimes> {
  const material = await materialFor(alg, runMarker)
  await freshVisit(page, url)
  const first = await material.trial(0)
  const hasRaw = await prepareRaw(page, first.token, material.raw)
  const times: VerifyTimes = { alg, page: { screen: [], work: [] }, raw: hasRaw ? { screen: [], work: [], verifyAlone: 0 } : undefined }
  await pageTrial(page, material, 0)
  if (hasRaw) await rawTrial(page)
  for (let i = 1; i <= trials; i++) {
    const ours = await pageTrial(page, material, i)
    times.page.screen.push(ours.screen)
    times.page.work.push(ours.work)
    if (times.raw) {
      const raw = await rawTrial(page)
      times.raw.screen.push(raw.screen)
      times.raw.work.push(raw.work)
    }
  }
  if (times.raw) return { ...times, raw: { ...times.raw, verifyAlone: await rawVerifyAlone(page) } }
  return times
}
