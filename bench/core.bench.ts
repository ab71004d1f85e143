/**
 * The core against the runtime's own floor, in one run: decode against base64url → TextDecoder →
 * JSON.parse; verify against raw WebCrypto verify with a pre-imported key, or, where Node's
 * WebCrypto lacks the algorithm (ES256K, Ed448, ML-DSA here), against the same @noble function
 * called directly with key bytes parsed beforehand. Ratios, not absolute times, are what to
 * compare across machines.
 */
import { it } from 'vitest'
import { cpus } from 'node:os'
import { ed448 } from '@noble/curves/ed448.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js'
import { decodeToken, generateKey, signToken, verifyToken, type GeneratedKey, type KeyInput } from '../src/jwt'
import { algorithmOf } from '../src/jwt/algorithms'
import { encodeBase64urlText, encodeUtf8 } from '../src/jwt/base64url'
import type { Jwk } from '../src/jwt/types'
import { compare, formatMicros, table, type Timing } from './measure'
import { writeResults } from './results'
import { importParams } from './webCrypto'

const results: string[] = []

function payloadOf(size: number, shape: 'string' | 'claims'): string {
  if (shape === 'string') return JSON.stringify({ sub: 'bench', data: 'x'.repeat(Math.max(0, size - 30)) })
  const claims: Record<string, string> = {}
  for (let i = 0; i * 24 < size; i++) claims[`claim${i}`] = `value-${i}`
  return JSON.stringify(claims)
}

it('decode', async () => {
  const header = encodeBase64urlText('{"alg":"HS256","typ":"JWT"}')
  const rows: string[][] = []
  const sizes: [string, number, 'string' | 'claims'][] = [
    ['300 B', 300, 'string'],
    ['10 KB', 10_000, 'string'],
    ['100 KB', 100_000, 'string'],
    ['1 MB, one long string', 1_000_000, 'string'],
    ['1 MB, many small claims', 1_000_000, 'claims'],
  ]
  for (const [label, size, shape] of sizes) {
    const token = `${header}.${encodeBase64urlText(payloadOf(size, shape))}.c2lnbmF0dXJl`
    const decoder = new TextDecoder()
    const floor = () => {
      const [h, p] = token.split('.')
      JSON.parse(decoder.decode(Buffer.from(h!, 'base64url')))
      JSON.parse(decoder.decode(Buffer.from(p!, 'base64url')))
    }
    const minMs = size > 100_000 ? 400 : 150
    // decodeToken remembers the last text it decoded: alternating two texts times a real decode.
    const texts = [token, `${token.slice(0, -1)}A`]
    let call = 0
    const { ours, baseline: raw } = await compare(() => decodeToken(texts[call++ % 2]!), floor, { minMs })
    rows.push([label, formatMicros(ours.median), `${formatMicros(ours.min)}–${formatMicros(ours.max)}`, formatMicros(raw.median), ratio(ours, raw)])
  }
  results.push('### decodeToken vs base64url → TextDecoder → JSON.parse\n', table(['token', 'decodeToken (median)', 'min–max', 'floor (median)', 'ratio'], rows))
})

/** Every JWS signing algorithm (RFC 7518 §3.1, RFC 8037, RFC 8812, RFC 9864, ML-DSA). */
const SIGNING_ALGS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']
/** One per family for the cold rows, plus the two @noble-only curves. */
const COLD_ALGS = ['HS256', 'RS256', 'PS256', 'ES256', 'ES256K', 'EdDSA', 'Ed448', 'ML-DSA-44']

interface Signed {
  readonly alg: string
  readonly key: Exclude<GeneratedKey, { kind: 'none' }>
  readonly token: string
  /** The secret (base64url) or the public key as SPKI PEM. */
  readonly verifyWith: KeyInput
  readonly data: Uint8Array
  readonly signature: Uint8Array
}

const signed = new Map<string, Promise<Signed>>()
const payload = '{"sub":"1234567890","name":"Ada Lovelace","iat":1516239022}'

function signedToken(alg: string): Promise<Signed> {
  let entry = signed.get(alg)
  if (!entry) signed.set(alg, (entry = makeSigned(alg)))
  return entry
}

async function makeSigned(alg: string): Promise<Signed> {
  const key = (await generateKey(alg)) as Signed['key']
  const signWith = key.kind === 'secret' ? { text: key.secret, encoding: 'base64url' as const } : { text: key.privatePem }
  const verifyWith = key.kind === 'secret' ? signWith : { text: key.publicPem }
  const token = await signToken({ alg, typ: 'JWT' }, payload, signWith)
  const [h, p, s] = token.split('.')
  return { alg, key, token, verifyWith, data: encodeUtf8(`${h}.${p}`), signature: new Uint8Array(Buffer.from(s!, 'base64url')) }
}

/** Whether this runtime's WebCrypto runs the algorithm (Node 20: no ES256K, Ed448 or ML-DSA). */
async function webCryptoRuns(alg: string): Promise<boolean> {
  const algorithm = algorithmOf(alg)!
  if (!algorithm.webCrypto) return false
  if (algorithm.family !== 'ML-DSA') return true
  return crypto.subtle.generateKey({ name: alg }, false, ['sign', 'verify']).then(
    () => true,
    () => false,
  )
}

const bytesOf = (member: string | undefined) => new Uint8Array(Buffer.from(member!, 'base64url'))
const ML_DSA = { 'ML-DSA-44': ml_dsa44, 'ML-DSA-65': ml_dsa65, 'ML-DSA-87': ml_dsa87 } as const

/**
 * The @noble call src/jwt/noble.ts makes, with the public key already as the bytes noble takes:
 * what verifying costs with no JWS, key reading or JWK checks around it.
 */
function nobleFloor(alg: string, jwk: Jwk): { name: string; verify: (signature: Uint8Array, data: Uint8Array) => boolean } {
  if (alg === 'ES256K') {
    // SEC 1 §2.3.3 uncompressed point; RFC 8812 §3.2: SHA-256, R || S.
    const point = new Uint8Array([4, ...bytesOf(jwk.x), ...bytesOf(jwk.y)])
    return { name: '@noble secp256k1.verify', verify: (signature, data) => secp256k1.verify(signature, data, point, { prehash: true, lowS: false, format: 'compact' }) }
  }
  if (alg === 'Ed448') {
    const x = bytesOf(jwk.x)
    return { name: '@noble ed448.verify', verify: (signature, data) => ed448.verify(signature, data, x) }
  }
  const dsa = ML_DSA[alg as keyof typeof ML_DSA]
  const pub = bytesOf(jwk.pub)
  return { name: `@noble ml_dsa${alg.slice(-2)}.verify`, verify: (signature, data) => dsa.verify(signature, data, pub) }
}

const ratio = (ours: Timing, floor: Timing) => `${(ours.median / floor.median).toFixed(2)}x`

it('verify', async () => {
  const rows: string[][] = []
  for (const alg of SIGNING_ALGS) {
    const { key, token, verifyWith, data, signature } = await signedToken(alg)
    const algorithm = algorithmOf(alg)!
    const verifyOurs = async () => {
      if (!(await verifyToken(token, verifyWith)).valid) throw new Error(`${alg} did not verify`)
    }
    let floorName: string
    let floor: () => unknown
    if (await webCryptoRuns(alg)) {
      // WebCrypto alone, key imported once, signing input and signature already bytes.
      const cryptoKey =
        key.kind === 'secret'
          ? await crypto.subtle.importKey('raw', key.bytes as BufferSource, { name: 'HMAC', hash: algorithm.hash! }, false, ['verify'])
          : await crypto.subtle.importKey('jwk', { ...key.publicJwk, alg: undefined } as JsonWebKey, importParams(alg), false, ['verify'])
      floorName = 'WebCrypto verify'
      floor = () => crypto.subtle.verify(algorithm.webCrypto!, cryptoKey, signature as BufferSource, data as BufferSource)
    } else {
      const noble = nobleFloor(alg, (key as Extract<Signed['key'], { kind: 'pair' }>).publicJwk)
      if (!noble.verify(signature, data)) throw new Error(`${alg}: the @noble floor did not verify`)
      floorName = noble.name
      floor = () => noble.verify(signature, data)
    }
    const { ours, baseline } = await compare(verifyOurs, floor)
    const backend = floorName === 'WebCrypto verify' ? 'WebCrypto' : '@noble (no WebCrypto for it here)'
    rows.push([alg, backend, formatMicros(ours.median), `${formatMicros(ours.min)}–${formatMicros(ours.max)}`, floorName, formatMicros(baseline.median), ratio(ours, baseline)])
  }
  results.push(
    '\n### verifyToken, warm (the same key text again: read and imported once) vs the floor\n',
    'Floor: WebCrypto `verify` with a key imported beforehand; where this runtime has no WebCrypto for the algorithm, the same @noble function the core calls, given the public key bytes parsed beforehand. Ratio = ours ÷ floor, medians of interleaved rounds.\n',
    table(['alg', 'backend', 'verifyToken (median)', 'min–max', 'floor', 'floor (median)', 'ratio'], rows),
  )
})

/** The same key as `count` different texts (trailing whitespace), so no cache of key text helps. */
function keyTexts(key: KeyInput, count: number): KeyInput[] {
  return Array.from({ length: count }, (_, i) => ({ ...key, text: `${key.text}${' '.repeat(i % 8)}${'\n'.repeat(1 + Math.floor(i / 8))}` }))
}

/** PEM → DER, done before timing: the floor starts from the key's bytes. */
const derOf = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'))

it('verify, cold', async () => {
  const rows: string[][] = []
  for (const alg of COLD_ALGS) {
    const { key, token, verifyWith, data, signature } = await signedToken(alg)
    const algorithm = algorithmOf(alg)!
    // More texts than readKey caches (16), cycled, so every call reads, converts and imports.
    const texts = keyTexts(verifyWith, 48)
    let call = 0
    const verifyOurs = async () => {
      if (!(await verifyToken(token, texts[call++ % texts.length]!)).valid) throw new Error(`${alg} did not verify cold`)
    }
    let floorName: string
    let floor: () => unknown
    if (await webCryptoRuns(alg)) {
      const importKey =
        key.kind === 'secret'
          ? () => crypto.subtle.importKey('raw', key.bytes as BufferSource, { name: 'HMAC', hash: algorithm.hash! }, false, ['verify'])
          : ((der: Uint8Array) => () => crypto.subtle.importKey('spki', der as BufferSource, importParams(alg), false, ['verify']))(derOf(key.publicPem))
      floorName = key.kind === 'secret' ? 'WebCrypto importKey (raw) + verify' : 'WebCrypto importKey (SPKI DER) + verify'
      floor = async () => crypto.subtle.verify(algorithm.webCrypto!, await importKey(), signature as BufferSource, data as BufferSource)
    } else {
      const jwk = (key as Extract<Signed['key'], { kind: 'pair' }>).publicJwk
      // @noble has no import step: the floor takes the key bytes out of the JWK and verifies.
      floorName = `${nobleFloor(alg, jwk).name}, key bytes from the JWK each call`
      floor = () => nobleFloor(alg, jwk).verify(signature, data)
    }
    const { ours, baseline } = await compare(verifyOurs, floor)
    const family = `${algorithm.family} (${alg})`
    const keyText = key.kind === 'secret' ? 'base64url secret' : 'SPKI PEM'
    rows.push([family, keyText, formatMicros(ours.median), `${formatMicros(ours.min)}–${formatMicros(ours.max)}`, floorName, formatMicros(baseline.median), ratio(ours, baseline)])
  }
  results.push(
    '\n### verifyToken, cold (a new key text every call: key read, converted and imported each time) vs raw import + verify\n',
    'Ours: `verifyToken` with the key text changed each call (trailing whitespace, 48 variants cycled, more than the key-text cache holds), so the PEM or secret is read, converted to a JWK and imported every time; the token is the same, so decoding is not counted. Floor: WebCrypto `importKey` from the key bytes (SPKI DER, or the raw secret) plus `verify`; for @noble algorithms, which have no import step, the key bytes taken from the JWK and the @noble verify.\n',
    table(['family (alg)', 'key text', 'verifyToken cold (median)', 'min–max', 'floor', 'floor (median)', 'ratio'], rows),
  )
})

it('writes the results', () => {
  const heading = `## Core benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores\n`
  const text = `${heading}\n${results.join('\n')}\n`
  console.log(`\n${text}`)
  writeResults('core', text)
})
