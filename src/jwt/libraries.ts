/**
 * What real libraries would do with this token. PyJWT 2.6.0 (what Debian and Ubuntu ship as
 * python3-jwt) cannot run in a browser, so its `jwt.decode` is predicted by a faithful port of its
 * decision order (jwt/api_jwt.py, jwt/api_jws.py, jwt/algorithms.py, jwt/utils.py), with Python's
 * own semantics where they change the outcome. jose 6 is the library the page already runs, so its
 * `jwtVerify` is run for real. Every failure of the token or key is an outcome; they reject only
 * on a bug of ours.
 */
import { hmac } from '@noble/hashes/hmac.js'
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { createLocalJWKSet, errors, importJWK, importPKCS8, importSPKI, importX509, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose'
import { ALGORITHMS, type Algorithm, type HashName } from './algorithms'
import { encodeUtf8 } from './base64url'
import { verifySignature } from './crypto'
import { decodeSecret, detectKeyFormat, type AsymmetricCandidate, type KeyInput } from './keys'
import { say, type Sentence } from './sentences'
import { describeSpan } from './time'
import { pemModule } from './modules'

export interface Expectations {
  readonly algorithms?: readonly string[]
  readonly audience?: string | readonly string[]
  readonly issuer?: string
  readonly leeway?: number
  readonly required?: readonly string[]
  /** Seconds since 1970; the real now by default. */
  readonly now?: number
  /** Expected header typ; jose checks it, PyJWT 2.6 has no such option. */
  readonly typ?: string
  /** PyJWT's options={"verify_aud": False}: skip the aud check (flask-jwt-extended without an audience). */
  readonly verifyAud?: boolean
}

export interface LibraryOutcome {
  readonly library: 'PyJWT 2.6.0' | 'jose 6'
  /** The exact call, e.g. `jwt.decode(token, key, algorithms=["HS256"], leeway=0)`. */
  readonly call: string
  readonly outcome: 'returns' | 'raises'
  /** The exception or error class name: ExpiredSignatureError, JWTExpired, TypeError. */
  readonly error?: string
  /** The library's message, or "returns the payload". */
  readonly message: string
  /** One plain sentence for people. */
  readonly why: string
  /** why as a code and params, for its translation. */
  readonly whySentence: Sentence
  /** The message when it is ours ("returns the payload"), not the library's. */
  readonly messageSentence?: Sentence
}

const RETURNS = 'returns the payload'
const RETURNS_SENTENCE = say('library.returns', {}, RETURNS)

// =============================================================================================
// Python values, as json.loads makes them
// =============================================================================================

/** int is bigint (Python ints are unbounded), float is number, dict is a Map (last duplicate wins). */
type PyValue = null | boolean | string | bigint | number | PyValue[] | PyDict
type PyDict = Map<string, PyValue>

const isDict = (value: PyValue): value is PyDict => value instanceof Map

/** `type(value).__name__`, for the messages Python writes. */
function pyTypeName(value: PyValue): string {
  if (value === null) return 'NoneType'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'string') return 'str'
  if (typeof value === 'bigint') return 'int'
  if (typeof value === 'number') return 'float'
  return Array.isArray(value) ? 'list' : 'dict'
}

/** Python truthiness: `not payload["aud"]` is true for None, False, 0, 0.0, "", [] and {}. */
function pyFalsy(value: PyValue): boolean {
  if (value === null || value === false || value === '' || value === 0n || value === 0) return true
  if (Array.isArray(value)) return value.length === 0
  return isDict(value) && value.size === 0
}

/** A Python exception: its class name and str(e). */
class PyException {
  readonly type: string
  readonly message: string
  constructor(type: string, message: string) {
    this.type = type
    this.message = message
  }
}

function raise(type: string, message: string): never {
  throw new PyException(type, message)
}

/** Python 3.11's int(x) for what json.loads can produce. */
function pyInt(value: PyValue): bigint {
  if (typeof value === 'bigint') return value
  if (typeof value === 'boolean') return value ? 1n : 0n
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return raise('ValueError', 'cannot convert float NaN to integer')
    if (!Number.isFinite(value)) return raise('OverflowError', 'cannot convert float infinity to integer')
    return BigInt(Math.trunc(value))
  }
  if (typeof value === 'string') {
    // int("  42 ") and int("1_000") are fine; int("4.5") and int("2030-01-01") are not.
    const text = value.trim()
    if (/^[+-]?\d+(_\d+)*$/.test(text)) return BigInt(text.replace(/_/g, ''))
    return raise('ValueError', `invalid literal for int() with base 10: ${pyRepr(value)}`)
  }
  return raise('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`)
}

const pyRepr = (text: string) => (text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/'/g, "\\'")}'`)

/** Python's mixed int/float comparison, exact for big ints: the sign of a - b, or NaN. */
function pyCompare(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'number') return -pyCompare(b, a)
  const n = b as number
  if (Number.isNaN(n)) return NaN
  if (!Number.isFinite(n)) return n > 0 ? -1 : 1
  const floor = BigInt(Math.floor(n))
  if (Number.isInteger(n)) return a < floor ? -1 : a > floor ? 1 : 0
  return a > floor ? 1 : -1
}

/** `left > right` in Python, where right is a number: TypeError for str, list, dict and None. */
function pyGreater(left: PyValue, right: bigint | number): boolean {
  if (typeof left === 'boolean') return pyCompare(left ? 1n : 0n, right) > 0
  if (typeof left === 'bigint' || typeof left === 'number') return pyCompare(left, right) > 0
  return raise('TypeError', `'>' not supported between instances of '${pyTypeName(left)}' and '${typeof right === 'bigint' ? 'int' : 'float'}'`)
}

// --- json.loads ---------------------------------------------------------------------------

/** Python 3.11's json module, C scanner, strict=True: NaN and Infinity allowed, last duplicate kept. */
function pyJsonLoads(text: string): PyValue {
  let i = skipSpace(text, 0)
  const [value, end] = scanOnce(text, i)
  i = skipSpace(text, end)
  if (i !== text.length) jsonError('Extra data', text, i)
  return value
}

function jsonError(message: string, text: string, pos: number): never {
  const before = text.slice(0, pos)
  const line = before.split('\n').length
  const column = pos - before.lastIndexOf('\n')
  return raise('JSONDecodeError', `${message}: line ${line} column ${column} (char ${pos})`)
}

const skipSpace = (text: string, i: number) => {
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  return i
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y

/** The largest int literal Python 3.11 converts (sys.get_int_max_str_digits). */
const MAX_INT_DIGITS = 4300

function scanOnce(text: string, i: number): [PyValue, number] {
  const c = text[i]
  if (c === '"') return scanString(text, i + 1)
  if (c === '{') return scanObject(text, i + 1)
  if (c === '[') return scanArray(text, i + 1)
  for (const [word, value] of [['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]] as const) {
    if (text.startsWith(word, i)) return [value, i + word.length]
  }
  NUMBER.lastIndex = i
  const match = NUMBER.exec(text)
  if (!match) return jsonError('Expecting value', text, i)
  const end = i + match[0].length
  if (match[1] !== undefined || match[2] !== undefined) return [Number(match[0]), end]
  const digits = match[0].replace('-', '').length
  if (digits > MAX_INT_DIGITS) {
    raise('ValueError', `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`)
  }
  return [BigInt(match[0]), end]
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

function scanString(text: string, i: number): [string, number] {
  const begin = i - 1
  let out = ''
  for (;;) {
    if (i >= text.length) return jsonError('Unterminated string starting at', text, begin)
    const c = text[i]!
    if (c === '"') return [out, i + 1]
    if (c.charCodeAt(0) < 0x20) return jsonError('Invalid control character at', text, i)
    if (c !== '\\') {
      out += c
      i++
      continue
    }
    const e = text[i + 1]
    if (e === undefined) return jsonError('Unterminated string starting at', text, begin)
    if (e !== 'u') {
      if (!(e in ESCAPES)) return jsonError('Invalid \\escape', text, i)
      out += ESCAPES[e]
      i += 2
      continue
    }
    const unit = hex4(text, i + 2)
    if (unit === undefined) return jsonError('Invalid \\uXXXX escape', text, i + 1)
    i += 6
    // A high surrogate followed by an escaped low one is one code point; lone ones are kept.
    if (unit >= 0xd800 && unit <= 0xdbff && text[i] === '\\' && text[i + 1] === 'u') {
      const low = hex4(text, i + 2)
      if (low !== undefined && low >= 0xdc00 && low <= 0xdfff) {
        out += String.fromCharCode(unit, low)
        i += 6
        continue
      }
    }
    out += String.fromCharCode(unit)
  }
}

function hex4(text: string, i: number): number | undefined {
  const digits = text.slice(i, i + 4)
  return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : undefined
}

function scanObject(text: string, i: number): [PyDict, number] {
  const dict: PyDict = new Map()
  i = skipSpace(text, i)
  if (text[i] === '}') return [dict, i + 1]
  for (;;) {
    if (text[i] !== '"') return jsonError('Expecting property name enclosed in double quotes', text, i)
    const [key, afterKey] = scanString(text, i + 1)
    i = skipSpace(text, afterKey)
    if (text[i] !== ':') return jsonError("Expecting ':' delimiter", text, i)
    const [value, afterValue] = scanOnce(text, skipSpace(text, i + 1))
    // RFC 7519 §4 allows keeping the last duplicate; a Python dict does exactly that.
    dict.set(key, value)
    i = skipSpace(text, afterValue)
    if (text[i] === '}') return [dict, i + 1]
    if (text[i] !== ',') return jsonError("Expecting ',' delimiter", text, i)
    i = skipSpace(text, i + 1)
  }
}

function scanArray(text: string, i: number): [PyValue[], number] {
  const list: PyValue[] = []
  i = skipSpace(text, i)
  if (text[i] === ']') return [list, i + 1]
  for (;;) {
    const [value, after] = scanOnce(text, i)
    list.push(value)
    i = skipSpace(text, after)
    if (text[i] === ']') return [list, i + 1]
    if (text[i] !== ',') return jsonError("Expecting ',' delimiter", text, i)
    i = skipSpace(text, i + 1)
  }
}

/** json.loads(bytes): the encoding is guessed from the first bytes (json.detect_encoding). */
function pyJsonLoadsBytes(bytes: Uint8Array): PyValue {
  const encoding = detectJsonEncoding(bytes)
  let text: string
  try {
    // TextDecoder has no UTF-32; Python has, so such a part is predicted as undecodable (rare).
    const label = encoding === 'utf-8-sig' ? 'utf-8' : encoding.replace(/-(be|le)$/, '$1')
    text = new TextDecoder(label, { fatal: true, ignoreBOM: encoding !== 'utf-8-sig' && encoding !== 'utf-16' }).decode(bytes)
  } catch {
    return raise('UnicodeDecodeError', `'${encoding}' codec can't decode the bytes`)
  }
  return pyJsonLoads(text)
}

function detectJsonEncoding(b: Uint8Array): string {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => b[i] === byte)
  if (starts(0, 0, 0xfe, 0xff) || starts(0xff, 0xfe, 0, 0)) return 'utf-32'
  if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) return 'utf-16'
  if (starts(0xef, 0xbb, 0xbf)) return 'utf-8-sig'
  if (b.length >= 4) {
    if (!b[0]) return b[1] ? 'utf-16-be' : 'utf-32-be'
    if (!b[1]) return b[2] || b[3] ? 'utf-16-le' : 'utf-32-le'
  } else if (b.length === 2) {
    if (!b[0]) return 'utf-16-be'
    if (!b[1]) return 'utf-16-le'
  }
  return 'utf-8'
}

// --- base64url_decode -------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * PyJWT's base64url_decode: pad to a multiple of 4 (counting every byte), then
 * base64.urlsafe_b64decode, which maps - and _ to + and /, and whose binascii.a2b_base64 in its
 * non-strict mode skips characters outside the alphabet and stops at the first complete padding.
 */
function pyBase64urlDecode(segment: Uint8Array): Uint8Array {
  const rem = segment.length % 4
  const input = [...segment, ...Array<number>(rem > 0 ? 4 - rem : 0).fill(0x3d)]
  const out: number[] = []
  let quad = 0
  let pads = 0
  let left = 0
  for (const byte of input) {
    if (byte === 0x3d) {
      if (quad >= 2 && quad + ++pads >= 4) return new Uint8Array(out)
      continue
    }
    const char = byte === 0x2d ? '+' : byte === 0x5f ? '/' : String.fromCharCode(byte)
    const sextet = byte < 128 ? B64.indexOf(char) : -1
    if (sextet < 0) continue
    pads = 0
    if (quad > 0) out.push(((left << (2 * quad)) | (sextet >> (6 - 2 * quad))) & 0xff)
    left = sextet
    quad = (quad + 1) % 4
  }
  if (quad !== 0) raise('Error', quad === 1 ? 'number of data characters cannot be 1 more than a multiple of 4' : 'Incorrect padding')
  return new Uint8Array(out)
}

// =============================================================================================
// PyJWT 2.6.0: jwt.decode
// =============================================================================================

type PyFamily = 'none' | 'HMAC' | 'RSA' | 'RSA-PSS' | 'EC' | 'OKP'

/** get_default_algorithms() with cryptography installed (jwt/algorithms.py). */
const PYJWT_ALGORITHMS: Record<string, { family: PyFamily; hash?: HashName }> = {
  none: { family: 'none' },
  HS256: { family: 'HMAC', hash: 'SHA-256' },
  HS384: { family: 'HMAC', hash: 'SHA-384' },
  HS512: { family: 'HMAC', hash: 'SHA-512' },
  RS256: { family: 'RSA', hash: 'SHA-256' },
  RS384: { family: 'RSA', hash: 'SHA-384' },
  RS512: { family: 'RSA', hash: 'SHA-512' },
  // ES256 and ES256K are the same code: the curve comes from the key, never checked against alg.
  ES256: { family: 'EC', hash: 'SHA-256' },
  ES256K: { family: 'EC', hash: 'SHA-256' },
  ES384: { family: 'EC', hash: 'SHA-384' },
  ES521: { family: 'EC', hash: 'SHA-512' },
  ES512: { family: 'EC', hash: 'SHA-512' },
  PS256: { family: 'RSA-PSS', hash: 'SHA-256' },
  PS384: { family: 'RSA-PSS', hash: 'SHA-384' },
  PS512: { family: 'RSA-PSS', hash: 'SHA-512' },
  EdDSA: { family: 'OKP' },
}

const PYJWT = 'PyJWT 2.6.0' as const

/** The Python call the prediction is for. */
function pyCall(e: Expectations): string {
  const list = (items: readonly string[]) => `[${items.map((a) => JSON.stringify(a)).join(', ')}]`
  const args = ['token', 'key']
  if (e.algorithms !== undefined) args.push(`algorithms=${list(e.algorithms)}`)
  if (e.audience !== undefined) args.push(`audience=${typeof e.audience === 'string' ? JSON.stringify(e.audience) : list(e.audience)}`)
  if (e.issuer !== undefined) args.push(`issuer=${JSON.stringify(e.issuer)}`)
  args.push(`leeway=${e.leeway ?? 0}`)
  const options = [...(e.required !== undefined ? [`"require": ${list(e.required)}`] : []), ...(e.verifyAud === false ? ['"verify_aud": False'] : [])]
  if (options.length > 0) args.push(`options={${options.join(', ')}}`)
  return `jwt.decode(${args.join(', ')})`
}

/** Predicts what PyJWT 2.6.0's jwt.decode does with this token, key and options. */
export async function predictPyJwt(token: string, key: KeyInput, expectations: Expectations): Promise<LibraryOutcome> {
  const call = pyCall(expectations)
  try {
    await pyDecode(token, key, expectations)
    // PyJWT 2.6 has no typ option: say so rather than let the page imply it was checked.
    const typNote = expectations.typ === undefined ? '' : `; it has no option to check typ, so "${expectations.typ}" was not checked`
    const why = `PyJWT accepts the signature and every claim it checks${typNote}`
    return { library: PYJWT, call, outcome: 'returns', message: RETURNS, messageSentence: RETURNS_SENTENCE, why, whySentence: say('pyjwt.returns', expectations.typ === undefined ? {} : { typ: expectations.typ }, why) }
  } catch (error) {
    if (!(error instanceof PyException)) throw error
    const why = error instanceof PyRaised ? error.why : say('pyjwt.python-error', { type: error.type }, `Python raises ${error.type} inside PyJWT`)
    return { library: PYJWT, call, outcome: 'raises', error: error.type, message: error.message, why: why.text, whySentence: why }
  }
}

/** A PyJWT exception with the sentence that explains it. */
class PyRaised extends PyException {
  readonly why: Sentence
  constructor(type: string, message: string, why: Sentence) {
    super(type, message)
    this.why = why
  }
}

function fail(type: string, message: string, why: Sentence): never {
  throw new PyRaised(type, message, why)
}

/** Runs a step; a Python exception from it becomes the one PyJWT raises, or escapes as is. */
function rethrow<T>(step: () => T, map: (e: PyException) => PyRaised | undefined): T {
  try {
    return step()
  } catch (error) {
    if (!(error instanceof PyException) || error instanceof PyRaised) throw error
    throw map(error) ?? error
  }
}

/** api_jwt.decode_complete then api_jws.decode_complete, in their order. */
async function pyDecode(token: string, key: KeyInput, e: Expectations): Promise<void> {
  if (!e.algorithms || e.algorithms.length === 0) {
    fail('DecodeError', 'It is required that you pass in a value for the "algorithms" argument when calling decode().', say('pyjwt.no-algorithms', {}, 'PyJWT 2 refuses to decode without an explicit, non-empty algorithms list'))
  }
  const loaded = pyLoad(token)
  // PyJWT 2.6's decode never calls _validate_headers (only encode and get_unverified_header do),
  // and it has no crit support: a non-string kid or an unknown crit member passes.
  if (loaded.header.get('b64') === false) {
    fail('DecodeError', 'It is required that you pass in a value for the "detached_payload" argument to decode a message having the b64 header set to false.', say('pyjwt.b64-false', {}, 'The header says "b64": false (RFC 7797), and PyJWT then verifies only a payload passed as detached_payload, which jwt.decode is not given'))
  }
  await verifyPySignature(loaded, key, e.algorithms!)
  const payload = rethrow(
    () => pyJsonLoadsBytes(loaded.payload),
    (err) => (['JSONDecodeError', 'UnicodeDecodeError', 'ValueError'].includes(err.type) ? new PyRaised('DecodeError', `Invalid payload string: ${err.message}`, say('pyjwt.payload-not-json', { message: err.message }, `The signature holds, but the payload is not JSON to Python: ${err.message}`)) : undefined),
  )
  if (!isDict(payload)) fail('DecodeError', 'Invalid payload string: must be a json object', say('pyjwt.payload-not-object', { type: pyTypeName(payload) }, `The signature holds, but the payload is JSON ${pyTypeName(payload)}, not an object`))
  validateClaims(payload as PyDict, e)
}

interface Loaded {
  readonly header: PyDict
  readonly payload: Uint8Array
  readonly signingInput: Uint8Array
  readonly signature: Uint8Array
}

/** PyJWS._load: split at the last dot and the first, decode each part leniently. */
function pyLoad(token: string): Loaded {
  const last = token.lastIndexOf('.')
  const first = token.indexOf('.')
  if (last < 0 || first === last) {
    const parts = token === '' ? 0 : token.split('.').length
    fail('DecodeError', 'Not enough segments', say('pyjwt.segments', { parts }, `PyJWT needs header.payload.signature, three parts separated by dots; this token has ${parts}`))
  }
  const [headerSegment, payloadSegment, cryptoSegment] = [token.slice(0, first), token.slice(first + 1, last), token.slice(last + 1)].map(encodeUtf8) as [Uint8Array, Uint8Array, Uint8Array]
  const padding = (part: 'header' | 'payload' | 'crypto') => (err: PyException) =>
    new PyRaised('DecodeError', `Invalid ${part} padding`, say('pyjwt.padding', { part: part === 'crypto' ? 'signature' : part, message: err.message }, `The ${part === 'crypto' ? 'signature' : part} is not base64 even to Python's lenient decoder, which skips stray characters: ${err.message}`))
  const headerData = rethrow(() => pyBase64urlDecode(headerSegment), padding('header'))
  const header = rethrow(
    () => pyJsonLoadsBytes(headerData),
    (err) => new PyRaised('DecodeError', `Invalid header string: ${err.message}`, say('pyjwt.header-not-json', { message: err.message }, `The header is not JSON to Python: ${err.message}`)),
  )
  if (!isDict(header)) fail('DecodeError', 'Invalid header string: must be a json object', say('pyjwt.header-not-object', { type: pyTypeName(header) }, `The header is JSON ${pyTypeName(header)}, but PyJWT needs an object`))
  const payload = rethrow(() => pyBase64urlDecode(payloadSegment), padding('payload'))
  const signature = rethrow(() => pyBase64urlDecode(cryptoSegment), padding('crypto'))
  const signingInput = encodeUtf8(token.slice(0, last))
  return { header: header as PyDict, payload, signingInput, signature }
}

/** PyJWS._verify_signature: alg allowed, alg implemented, prepare_key, verify. */
async function verifyPySignature(loaded: Loaded, key: KeyInput, algorithms: readonly string[]): Promise<void> {
  const alg = loaded.header.get('alg') ?? null
  if (pyFalsy(alg) || typeof alg !== 'string' || !algorithms.includes(alg)) {
    const shown = typeof alg === 'string' ? `"${alg}"` : alg === null ? 'missing' : `not a string (${pyTypeName(alg)})`
    fail('InvalidAlgorithmError', 'The specified alg value is not allowed', say('pyjwt.alg-not-allowed', { alg: typeof alg === 'string' ? `"${alg}"` : '', type: typeof alg === 'string' || alg === null ? '' : pyTypeName(alg), algorithms: algorithms.join(', ') }, `The token's alg is ${shown}, which is not in algorithms=[${algorithms.join(', ')}]`))
  }
  const algorithm = PYJWT_ALGORITHMS[alg as string]
  if (!algorithm) fail('InvalidAlgorithmError', 'Algorithm not supported', say('pyjwt.alg-unsupported', { alg: alg as string }, `PyJWT 2.6 has no implementation of "${alg as string}", even though it is in algorithms`))
  const prepared = await prepareKey(algorithm!.family, key)
  if (!(await pyVerify(alg as string, algorithm!, prepared, loaded))) {
    const why =
      algorithm!.family === 'none'
        ? say('pyjwt.alg-none', {}, 'PyJWT never accepts an alg "none" token as verified')
        : say('pyjwt.bad-signature', {}, 'The signature does not match this key: the token was changed after signing, or signed with another key')
    fail('InvalidSignatureError', 'Signature verification failed', why)
  }
}

type PreparedKey = { type: 'bytes'; bytes: Uint8Array } | { type: 'none' } | { type: 'asymmetric'; candidate: AsymmetricCandidate }

/** The cryptography class of a loaded key, for the messages Python writes about it. */
function cryptographyClass(candidate: AsymmetricCandidate): string {
  const half = candidate.isPrivate ? 'PrivateKey' : 'PublicKey'
  const shape = candidate.shape
  const base = shape.kty === 'RSA' ? 'RSA' : shape.kty === 'EC' ? 'EllipticCurve' : shape.kty === 'OKP' ? shape.crv : shape.alg
  return `_${base}${half}`
}

const KEY_LOAD_ERROR =
  'Could not deserialize key data. The data may be in an incorrect format, it may be encrypted with an unsupported algorithm, or it may be an unsupported key type (e.g. EC curves with explicit parameters).'

/** cryptography's load_pem_public_key / load_pem_private_key, with the PEM reader of this page. */
async function loadPem(text: string, which: 'public' | 'private'): Promise<AsymmetricCandidate> {
  const { readPem } = pemModule.ready ?? (await pemModule.load())
  const { keys } = await readPem(text)
  const found = keys.find((k) => (which === 'private' ? k.isPrivate : k.container === 'spki' || k.container === 'pkcs1-public') && k.shape.kty !== 'AKP')
  if (!found) fail('ValueError', KEY_LOAD_ERROR, say('pyjwt.pem-load', { which }, `cryptography cannot load the key text as a ${which} PEM key (a JWK, a certificate and a secret are not), and PyJWT lets its ValueError through`))
  const { shape, isPrivate, jwk } = found
  return { type: 'asymmetric', jwk, shape, isPrivate, origin: 'the PEM passed as key', description: '' }
}

/** The key exactly as PyJWT receives it: the text (a secret in its encoding, as bytes). */
function keyBytes(key: KeyInput): Uint8Array {
  if (key.format === 'secret' && key.encoding && key.encoding !== 'utf8') {
    const decoded = decodeSecret(key.text, key.encoding)
    if ('bytes' in decoded) return decoded.bytes
  }
  return encodeUtf8(key.text)
}

const WRONG_KEY = (family: string) => `Expecting a EllipticCurvePrivateKey/EllipticCurvePublicKey. Wrong key provided for ${family} algorithms`

/** Algorithm.prepare_key for each family (jwt/algorithms.py). */
async function prepareKey(family: PyFamily, key: KeyInput): Promise<PreparedKey> {
  const bytes = keyBytes(key)
  const text = new TextDecoder().decode(bytes)
  switch (family) {
    case 'none':
      if (text !== '') fail('InvalidKeyError', 'When alg = "none", key value must be None.', say('pyjwt.none-key', {}, 'PyJWT insists on key=None (or "") for an alg "none" token'))
      return { type: 'none' }
    case 'HMAC':
      if (isPemFormat(text) || isSshKey(text)) {
        fail('InvalidKeyError', 'The specified key is an asymmetric key or x509 certificate and should not be used as an HMAC secret.', say('pyjwt.hmac-pem', {}, 'PyJWT refuses a PEM or SSH key as an HMAC secret, which stops algorithm confusion (RFC 8725 §2.1)'))
      }
      return { type: 'bytes', bytes }
    case 'RSA':
    case 'RSA-PSS': {
      // Private first, then public: a ValueError from the public load escapes PyJWT uncaught.
      const candidate = await loadPem(text, 'private').catch(() => loadPem(text, 'public'))
      return { type: 'asymmetric', candidate }
    }
    case 'EC': {
      const candidate = await loadPem(text, 'public').catch(() => loadPem(text, 'private'))
      if (candidate.shape.kty !== 'EC') fail('InvalidKeyError', WRONG_KEY('ECDSA'), say('pyjwt.ec-key', { key: describeCandidate(candidate) }, `An ES algorithm needs an EC key; this PEM holds ${describeCandidate(candidate)}`))
      return { type: 'asymmetric', candidate }
    }
    case 'OKP': {
      // Only these two labels are recognised; any other text stays bytes and is refused.
      const candidate = text.includes('-----BEGIN PUBLIC') ? await loadPem(text, 'public') : text.includes('-----BEGIN PRIVATE') ? await loadPem(text, 'private') : undefined
      if (candidate?.shape.kty !== 'OKP') {
        fail('InvalidKeyError', WRONG_KEY('EdDSA'), say('pyjwt.eddsa-key', { key: candidate ? describeCandidate(candidate) : '' }, `EdDSA needs an Ed25519 or Ed448 key as a "PUBLIC KEY" or "PRIVATE KEY" PEM; this is ${candidate ? describeCandidate(candidate) : 'not such a PEM'}`))
      }
      return { type: 'asymmetric', candidate: candidate! }
    }
  }
}

const describeCandidate = (c: AsymmetricCandidate) => `an ${c.shape.kty === 'RSA' ? 'RSA' : c.shape.kty === 'EC' ? `EC ${c.shape.crv}` : c.shape.kty === 'OKP' ? c.shape.crv : c.shape.alg} key`

/** jwt/utils.py is_pem_format: a BEGIN/END pair with one of these labels. */
const PEM_LABELS = ['CERTIFICATE', 'TRUSTED CERTIFICATE', 'PRIVATE KEY', 'PUBLIC KEY', 'ENCRYPTED PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'DSA PRIVATE KEY', 'RSA PRIVATE KEY', 'RSA PUBLIC KEY', 'EC PRIVATE KEY', 'DH PARAMETERS', 'NEW CERTIFICATE REQUEST', 'CERTIFICATE REQUEST', 'SSH2 PUBLIC KEY', 'SSH2 ENCRYPTED PRIVATE KEY', 'X509 CRL']
const isPemFormat = (text: string) => new RegExp(`----[- ]BEGIN (${PEM_LABELS.join('|')})[- ]----\\r?\\n[\\s\\S]+?\\r?\\n----[- ]END \\1[- ]----\\r?\\n?`).test(text)

/** jwt/utils.py is_ssh_key. */
function isSshKey(text: string): boolean {
  if (['ssh-ed25519', 'ssh-rsa', 'ssh-dss', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'].some((f) => text.includes(f))) return true
  const match = /^(\S+)[ \t]+(\S+)/.exec(text)
  return match !== null && match[1]!.endsWith('-cert-v01@openssh.com')
}

const HMAC_HASHES = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const

/** Algorithm.verify: our own cryptography, with the key PyJWT loaded and PyJWT's quirks around it. */
async function pyVerify(alg: string, algorithm: { family: PyFamily; hash?: HashName }, key: PreparedKey, loaded: Loaded): Promise<boolean> {
  const { signingInput, signature } = loaded
  if (key.type === 'none') return false
  if (key.type === 'bytes') {
    // hmac.compare_digest: any signature length is compared, and an empty secret is allowed.
    const mac = hmac(HMAC_HASHES[algorithm.hash!], key.bytes, signingInput)
    return mac.length === signature.length && mac.every((b, i) => b === signature[i])
  }
  const candidate = key.candidate
  if (algorithm.family === 'RSA' || algorithm.family === 'RSA-PSS') {
    // RSAAlgorithm.verify calls key.verify(sig, msg, padding, hash) on whatever key was loaded.
    const crash = `PyJWT loads this PEM without checking it is an RSA public key (it holds ${describeCandidate(candidate)}), then calls its verify method the RSA way, and Python raises`
    if (candidate.isPrivate) fail('AttributeError', `'${cryptographyClass(candidate)}' object has no attribute 'verify'`, say('pyjwt.private-key-verify', { key: describeCandidate(candidate) }, `${crash} AttributeError: a private key cannot verify`))
    if (candidate.shape.kty !== 'RSA') fail('TypeError', `${cryptographyClass(candidate)}.verify() takes ${candidate.shape.kty === 'EC' ? 4 : 3} positional arguments but 5 were given`, say('pyjwt.not-rsa-verify', { key: describeCandidate(candidate), type: 'TypeError' }, `${crash} TypeError`))
    return verifyWith(ALGORITHMS.get(alg)!, candidate, signingInput, signature)
  }
  if (algorithm.family === 'EC') return verifyEc(algorithm.hash!, candidate, signingInput, signature)
  // OKPAlgorithm: Ed25519 and Ed448 both under "EdDSA".
  return verifyWith(ALGORITHMS.get('EdDSA')!, candidate, signingInput, signature)
}

const CURVE_ALGORITHMS = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512', secp256k1: 'ES256K' } as const

/** ECAlgorithm: the hash from alg, the curve from the key, whatever they are. */
async function verifyEc(hash: HashName, candidate: AsymmetricCandidate, signingInput: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (candidate.shape.kty !== 'EC') return false
  const native = ALGORITHMS.get(CURVE_ALGORITHMS[candidate.shape.crv])!
  // raw_to_der_signature returns False for a signature that is not exactly R || S for the curve.
  if (signature.length !== native.signatureLength) return false
  if (native.hash === hash) return verifyWith(native, candidate, signingInput, signature)
  if (candidate.shape.crv === 'secp256k1') return false
  const { kty, crv, x, y } = candidate.jwk
  const cryptoKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y } as JsonWebKey, { name: 'ECDSA', namedCurve: candidate.shape.crv }, false, ['verify'])
  return crypto.subtle.verify({ name: 'ECDSA', hash }, cryptoKey, signature as BufferSource, signingInput as BufferSource)
}

const verifyWith = (algorithm: Algorithm, candidate: AsymmetricCandidate, signingInput: Uint8Array, signature: Uint8Array) =>
  verifySignature(algorithm, { ...candidate, isPrivate: false }, signingInput, signature).catch(() => false)

/** PyJWT._validate_claims: require, iat, nbf, exp, iss, aud, in this order. */
function validateClaims(payload: PyDict, e: Expectations): void {
  for (const claim of e.required ?? []) {
    if ((payload.get(claim) ?? null) === null) fail('MissingRequiredClaimError', `Token is missing the "${claim}" claim`, say('pyjwt.missing-claim', { claim, isNull: payload.has(claim) ? 'null' : 'absent' }, `options={"require": [...]} names "${claim}", and the token has no ${claim}${payload.has(claim) ? ' (it is null, which PyJWT treats as missing)' : ''}`))
  }
  // timegm(datetime.now(tz=timezone.utc).utctimetuple()): whole seconds.
  const now = BigInt(Math.floor(e.now ?? Date.now() / 1000))
  const leeway = e.leeway ?? 0
  const later: bigint | number = Number.isInteger(leeway) ? now + BigInt(leeway) : Number(now) + leeway
  const earlier: bigint | number = Number.isInteger(leeway) ? now - BigInt(leeway) : Number(now) - leeway
  const leewayText = leeway ? ` (leeway ${leeway} s)` : ''
  if (payload.has('iat')) checkIat(payload.get('iat')!, later, now, leeway, leewayText)
  if (payload.has('nbf')) {
    const nbf = rethrow(() => pyInt(payload.get('nbf')!), (err) => timeClaimError('nbf', 'Not Before claim (nbf) must be an integer.', 'DecodeError', payload.get('nbf')!, err))
    if (pyCompare(nbf, later) > 0) fail('ImmatureSignatureError', 'The token is not yet valid (nbf)', say('pyjwt.nbf', { seconds: Number(nbf - now), leeway }, `PyJWT checks nbf after iat: the token becomes valid in ${describeSpan(Number(nbf - now))}${leewayText}`))
  }
  if (payload.has('exp')) {
    const exp = rethrow(() => pyInt(payload.get('exp')!), (err) => timeClaimError('exp', 'Expiration Time claim (exp) must be an integer.', 'DecodeError', payload.get('exp')!, err))
    if (pyCompare(exp, earlier) <= 0) fail('ExpiredSignatureError', 'Signature has expired', say('pyjwt.exp', { seconds: Number(now - exp), leeway }, `PyJWT checks exp before iss and aud: the token expired ${describeSpan(Number(now - exp))} ago${leewayText}`))
  }
  if (e.issuer !== undefined) {
    if (!payload.has('iss')) fail('MissingRequiredClaimError', 'Token is missing the "iss" claim', say('pyjwt.issuer-missing', { issuer: e.issuer }, `issuer="${e.issuer}" is expected, but the token has no iss`))
    if (payload.get('iss') !== e.issuer) fail('InvalidIssuerError', 'Invalid issuer', say('pyjwt.issuer-invalid', { value: describeValue(payload.get('iss')!), issuer: e.issuer }, `The token's iss is ${describeValue(payload.get('iss')!)}, not "${e.issuer}"`))
  }
  if (e.verifyAud !== false) validateAudience(payload, e.audience)
}

function checkIat(iat: PyValue, later: bigint | number, now: bigint, leeway: number, leewayText: string): void {
  rethrow(() => pyInt(iat), (err) => timeClaimError('iat', 'Issued At claim (iat) must be an integer.', 'InvalidIssuedAtError', iat, err))
  // _validate_iat compares the claim itself, not int(iat): "1700000000" > now is a TypeError.
  const future = rethrow(
    () => pyGreater(iat, later),
    (err) => new PyRaised(err.type, err.message, say('pyjwt.iat-compare', { type: err.type }, `PyJWT accepts a numeric string as iat, then compares the string with a number, and Python raises ${err.type} (not a PyJWT error)`)),
  )
  if (future) fail('ImmatureSignatureError', 'The token is not yet valid (iat)', say('pyjwt.iat-future', { seconds: Number(pyInt(iat) - now), leeway }, `PyJWT rejects an iat in the future: the token says it was issued ${describeSpan(Number(pyInt(iat) - now))} from now${leewayText}`))
}

/**
 * PyJWT runs int() on a time claim and catches only ValueError: a TypeError (null, a list) or an
 * OverflowError (1e400 is float infinity) escapes as a Python error, not a PyJWT one.
 */
function timeClaimError(claim: string, message: string, type: string, value: PyValue, err: PyException): PyRaised {
  if (err.type === 'ValueError') return new PyRaised(type, message, say('pyjwt.time-not-integer', { claim, value: describeValue(value) }, `PyJWT needs ${claim} as a number of seconds (NumericDate, RFC 7519 §2); int() fails on ${describeValue(value)}`))
  return new PyRaised(err.type, err.message, say('pyjwt.time-crash', { claim, value: describeValue(value), type: err.type }, `PyJWT calls int() on ${claim}, which is ${describeValue(value)}; Python raises ${err.type}, which PyJWT does not catch, so the caller gets a crash rather than an InvalidTokenError`))
}

function describeValue(value: PyValue): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'a list'
  if (isDict(value)) return 'an object'
  return String(value)
}

function validateAudience(payload: PyDict, audience: Expectations['audience']): void {
  const aud = payload.get('aud') ?? null
  if (audience === undefined) {
    if (pyFalsy(aud)) return
    fail('InvalidAudienceError', 'Invalid audience', say('pyjwt.aud-unexpected', { value: describeValue(aud) }, `PyJWT refuses an aud claim when no audience is expected: the token is for ${describeValue(aud)}; pass audience=`))
  }
  if (pyFalsy(aud)) fail('MissingRequiredClaimError', 'Token is missing the "aud" claim', say('pyjwt.aud-missing', {}, 'An audience is expected, but the token has no (or an empty) aud'))
  const claims = typeof aud === 'string' ? [aud] : aud
  if (!Array.isArray(claims) || claims.some((c) => typeof c !== 'string')) {
    fail('InvalidAudienceError', 'Invalid claim format in token', say('pyjwt.aud-format', {}, 'aud must be a string or a list of strings (RFC 7519 §4.1.3)'))
  }
  const expected = typeof audience === 'string' ? [audience] : audience!
  if (expected.length === 0) fail('InvalidAudienceError', 'Invalid audience', say('pyjwt.aud-empty-list', {}, 'audience=[] is an empty list, so no aud can match it'))
  if (expected.every((a) => !(claims as PyValue[]).includes(a))) {
    fail('InvalidAudienceError', 'Invalid audience', say('pyjwt.aud-mismatch', { aud: JSON.stringify(aud), expected: expected.map((a) => JSON.stringify(a)).join(' or ') }, `The token's aud ${JSON.stringify(aud)} does not include ${expected.map((a) => JSON.stringify(a)).join(' or ')}`))
  }
}

// =============================================================================================
// jose 6: jwtVerify, run for real
// =============================================================================================

const JOSE = 'jose 6' as const

/**
 * jose's error classes by their stable code (src/util/errors.ts): class names do not survive
 * minification, but the export names of the errors namespace do. Built on first use, so that
 * importing this module has no side effect for a bundler to keep.
 */
let joseErrorNames: ReadonlyMap<string, string> | undefined

function joseErrorName(error: unknown): string {
  joseErrorNames ??= new Map(Object.entries(errors).map(([name, errorClass]) => [(errorClass as { code?: string }).code ?? name, name]))
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && joseErrorNames.has(code)) return joseErrorNames.get(code)!
  // WebCrypto's DOMException (DataError, NotSupportedError) and built-ins keep their name.
  return error instanceof Error || error instanceof DOMException ? error.name : typeof error
}

interface JoseKey {
  /** How the page imports the key, for the call shown. */
  readonly expression: string
  readonly key: JWTVerifyGetKey | Uint8Array
}

/** Imports the key text the jose way; asymmetric imports wait for the header's alg. */
/** How a jose user turns the secret text into its bytes, by the encoding the page reads it in. */
const SECRET_EXPRESSIONS = {
  utf8: 'new TextEncoder().encode(secret)',
  base64url: 'base64url.decode(secret)',
  base64: "Buffer.from(secret, 'base64')",
  hex: "Buffer.from(secret, 'hex')",
} as const

function joseKey(key: KeyInput): JoseKey {
  const format = key.format && key.format !== 'auto' ? key.format : detectKeyFormat(key.text)
  if (format === 'secret' || format === 'empty') {
    const decoded = decodeSecret(key.text, key.encoding ?? 'utf8')
    const bytes = 'bytes' in decoded ? decoded.bytes : encodeUtf8(key.text)
    // A copy made here: jose checks `instanceof Uint8Array`, which bytes from another realm fail.
    return { expression: SECRET_EXPRESSIONS[key.encoding ?? 'utf8'], key: new Uint8Array(bytes) }
  }
  if (format === 'jwks') return { expression: 'createLocalJWKSet(jwks)', key: createLocalJWKSet(JSON.parse(key.text)) }
  if (format === 'jwk') return { expression: 'await importJWK(jwk, header.alg)', key: async (header) => importJWK(JSON.parse(key.text), header.alg) }
  const text = key.text.trim()
  if (/-----BEGIN CERTIFICATE-----/.test(text)) return { expression: 'await importX509(pem, header.alg)', key: async (header) => importX509(text, header.alg) }
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return { expression: 'await importPKCS8(pem, header.alg)', key: async (header) => importPKCS8(text, header.alg) }
  return { expression: 'await importSPKI(pem, header.alg)', key: async (header) => importSPKI(text, header.alg) }
}

function joseOptions(e: Expectations): JWTVerifyOptions {
  return {
    ...(e.algorithms && { algorithms: [...e.algorithms] }),
    ...(e.audience !== undefined && { audience: typeof e.audience === 'string' ? e.audience : [...e.audience] }),
    ...(e.issuer !== undefined && { issuer: e.issuer }),
    clockTolerance: e.leeway ?? 0,
    ...(e.required && { requiredClaims: [...e.required] }),
    ...(e.typ !== undefined && { typ: e.typ }),
    ...(e.now !== undefined && { currentDate: new Date(e.now * 1000) }),
  }
}

function joseCall(expression: string, options: JWTVerifyOptions): string {
  const shown = Object.entries(options).map(([name, value]) => `${name}: ${value instanceof Date ? `new Date("${value.toISOString()}")` : JSON.stringify(value)}`)
  return `jwtVerify(token, ${expression}, { ${shown.join(', ')} })`
}

/** Runs jose's jwtVerify on the token with the key imported the jose way. */
export async function runJose(token: string, key: KeyInput, expectations: Expectations): Promise<LibraryOutcome> {
  const options = joseOptions(expectations)
  let imported: JoseKey
  try {
    imported = joseKey(key)
  } catch (error) {
    return joseFailure(joseCall('key', options), error)
  }
  const call = joseCall(imported.expression, options)
  try {
    // jwtVerify takes either a key or a function of the header; the union is split for its overloads.
    if (imported.key instanceof Uint8Array) await jwtVerify(token, imported.key, options)
    else await jwtVerify(token, imported.key, options)
    const why = say('jose.returns', {}, 'jose accepts the signature and every claim it was asked to check')
    return { library: JOSE, call, outcome: 'returns', message: RETURNS, messageSentence: RETURNS_SENTENCE, why: why.text, whySentence: why }
  } catch (error) {
    return joseFailure(call, error)
  }
}

function joseFailure(call: string, error: unknown): LibraryOutcome {
  const name = joseErrorName(error)
  const message = error instanceof Error ? error.message : String(error)
  const why = joseWhy(name, error, message)
  return { library: JOSE, call, outcome: 'raises', error: name, message, why: why.text, whySentence: why }
}

/** One sentence per jose error code. */
function joseWhy(name: string, error: unknown, message: string): Sentence {
  const claim = (error as { claim?: string } | null)?.claim
  switch (name) {
    case 'JWTExpired':
      return say('jose.expired', {}, 'jose checks exp against the current date and clockTolerance: the token has expired')
    case 'JWTClaimValidationFailed':
      return claim === 'typ'
        ? say('jose.typ', { message }, `jose checks the typ header against the typ option: ${message}`)
        : say('jose.claim', { claim: claim ?? 'claims', message }, `jose rejects the ${claim ?? 'claims'} claim: ${message}`)
    case 'JOSEAlgNotAllowed':
      return say('jose.alg-not-allowed', {}, "The token's alg is not in the algorithms option")
    case 'JOSENotSupported':
      return say('jose.not-supported', { message }, `jose (in this runtime) does not support this: ${message}`)
    case 'JWSSignatureVerificationFailed':
      return say('jose.bad-signature', {}, 'The signature does not match this key: the token was changed after signing, or signed with another key')
    case 'JWSInvalid':
    case 'JWTInvalid':
      return say('jose.malformed', { message }, `jose finds the token malformed: ${message}`)
    case 'JWKSNoMatchingKey':
      return say('jose.no-matching-key', {}, 'No key in the JWK set matches the token (by kid, alg and key type)')
    // WebCrypto's own DOMException names, thrown while importing or using the key.
    case 'DataError':
      return say('jose.data-error', { message }, `The browser's WebCrypto refuses this key for the token's alg: ${message}`)
    case 'NotSupportedError':
      return say('jose.webcrypto-unsupported', { message }, `This runtime's WebCrypto does not implement the token's algorithm: ${message}`)
    default:
      return say('jose.other', { name, message }, `jose raises ${name}: ${message}`)
  }
}
