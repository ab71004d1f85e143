/**
 * The core against the runtime's own floor, in one run: decode against base64url → TextDecoder →
 * JSON.parse, verify against raw WebCrypto verify with a pre-imported key. Ratios, not absolute
 * times, are what to compare across machines.
 */
import { it } from 'vitest'
import { cpus } from 'node:os'
import { decodeToken, generateKey, signToken, verifyToken, type GeneratedKey } from '../src/jwt'
import { algorithmOf } from '../src/jwt/algorithms'
import { encodeBase64urlText, encodeUtf8 } from '../src/jwt/base64url'
import { compare, formatMicros, table, time, type Timing } from './measure'
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
    rows.push([label, formatMicros(ours.median), `${formatMicros(ours.min)}–${formatMicros(ours.max)}`, formatMicros(raw.median), `${(ours.median / raw.median).toFixed(2)}x`])
  }
  results.push('### decodeToken vs base64url → TextDecoder → JSON.parse\n', table(['token', 'decodeToken (median)', 'min–max', 'floor (median)', 'ratio'], rows))
})

it('verify', async () => {
  const rows: string[][] = []
  const payload = '{"sub":"1234567890","name":"Ada Lovelace","iat":1516239022}'
  for (const alg of ['HS256', 'HS512', 'RS256', 'PS256', 'ES256', 'ES384', 'EdDSA', 'ES256K', 'Ed448', 'ML-DSA-44']) {
    const key = (await generateKey(alg)) as Exclude<GeneratedKey, { kind: 'none' }>
    const signWith = key.kind === 'secret' ? { text: key.secret, encoding: 'base64url' as const } : { text: key.privatePem }
    const verifyWith = key.kind === 'secret' ? signWith : { text: key.publicPem }
    const token = await signToken({ alg, typ: 'JWT' }, payload, signWith)
    const algorithm = algorithmOf(alg)!
    const verifyOurs = async () => {
      if (!(await verifyToken(token, verifyWith)).valid) throw new Error(`${alg} did not verify`)
    }
    // The floor: WebCrypto alone, key imported once, signing input and signature already bytes.
    let raw: Timing | undefined
    let ours: Timing | undefined
    if (algorithm.webCrypto && (alg !== 'ML-DSA-44' || (await hasWebCrypto('ML-DSA-44')))) {
      const [h, p, s] = token.split('.')
      const data = encodeUtf8(`${h}.${p}`)
      const signature = new Uint8Array(Buffer.from(s!, 'base64url'))
      const cryptoKey =
        key.kind === 'secret'
          ? await crypto.subtle.importKey('raw', key.bytes as BufferSource, { name: 'HMAC', hash: algorithm.hash! }, false, ['verify'])
          : await crypto.subtle.importKey('jwk', { ...key.publicJwk, alg: undefined } as JsonWebKey, importParams(alg), false, ['verify'])
      ;({ ours, baseline: raw } = await compare(verifyOurs, () => crypto.subtle.verify(algorithm.webCrypto!, cryptoKey, signature, data as BufferSource)))
    } else {
      ours = await time(verifyOurs)
    }
    const backend = algorithm.webCrypto && raw ? 'WebCrypto' : '@noble (no WebCrypto here)'
    rows.push([alg, backend, formatMicros(ours!.median), raw ? formatMicros(raw.median) : '—', raw ? `${(ours!.median / raw.median).toFixed(2)}x` : '—'])
  }
  results.push('\n### verifyToken (key text already read) vs raw WebCrypto verify\n', table(['alg', 'backend', 'verifyToken (median)', 'raw WebCrypto (median)', 'ratio'], rows))
})

it('writes the results', () => {
  const heading = `## Core benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores\n`
  const text = `${heading}\n${results.join('\n')}\n`
  console.log(`\n${text}`)
  writeResults('core', text)
})

async function hasWebCrypto(name: string): Promise<boolean> {
  try {
    await crypto.subtle.generateKey({ name }, false, ['sign', 'verify'])
    return true
  } catch {
    return false
  }
}
