/**
 * Key text in PEM (RFC 7468) to JWKs (RFC 7517, 7518, 8037, draft-ietf-cose-dilithium), and JWKs
 * back to PEM.
 *
 * Reading goes text → blocks → DER → container → JWK. Containers: SPKI and X.509 (RFC 5280),
 * PKCS #8 (RFC 5958), PKCS #1 (RFC 8017 §A.1), SEC1 (RFC 5915). A private key always comes out
 * with its public members: where the container lacks them they are computed, with WebCrypto
 * where it can and with noble (loaded only then) where it cannot.
 *
 * Nothing throws out of `readPem`: malformed input is a Problem whose range is in the input text.
 */
import { decodeBase64urlStrict, encodeBase64url } from './base64url'
import {
  DerError,
  DerTag,
  concatBytes,
  encodeBitString,
  encodeExplicit,
  encodeImplicit,
  encodeInteger,
  encodeNull,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  expectTag,
  isStringTag,
  readBitString,
  readChildren,
  readDer,
  readInteger,
  readOctetString,
  readOid,
  readSequence,
  readSingle,
  readSmallInteger,
  readString,
  readTime,
  requireFields,
  type BitString,
  type DerResult,
  type Tlv,
} from './der'
import { say, type Sentence } from './sentences'
import type { Jwk, KeyShape, Problem, Range, Severity } from './types'

export type PemContainer = 'spki' | 'pkcs8' | 'pkcs1-public' | 'pkcs1-private' | 'sec1' | 'x509'

export interface PemCertificate {
  /** RFC 4514 order (most specific first), e.g. `CN=example, O=Demo`. */
  subject: string
  issuer: string
  notBefore: Date
  notAfter: Date
  /** Colon-separated upper-case hex, as certificate viewers show it. */
  serialNumber: string
}

export interface PemKey {
  /** The PEM label as found, e.g. `RSA PRIVATE KEY`. */
  label: string
  container: PemContainer
  isPrivate: boolean
  shape: KeyShape
  /** Complete: the public members always, and the private members too when `isPrivate`. */
  jwk: Jwk
  /** Where the BEGIN..END block sits in the input text. */
  range: Range
  certificate?: PemCertificate
}

export interface PemReadResult {
  keys: PemKey[]
  problems: Problem[]
}

/** Codes of the problems `readPem` reports; the UI keys its sentences by them. */
export const PemProblemCode = {
  base64: 'key.pem-base64',
  noEnd: 'key.pem-no-end',
  labelMismatch: 'key.pem-label-mismatch',
  unsupportedPem: 'key.unsupported-pem',
  der: 'key.der',
  unsupportedAlgorithm: 'key.unsupported-algorithm',
  unsupportedCurve: 'key.unsupported-curve',
  ecParameters: 'key.ec-parameters',
  invalidKey: 'key.invalid-key',
  multiPrime: 'key.rsa-multi-prime',
  mlDsaExpandedOnly: 'key.ml-dsa-expanded-only',
  keyAgreement: 'key.key-agreement',
  rsaPss: 'key.rsa-pss',
  internal: 'key.internal',
} as const
export type PemProblemCode = (typeof PemProblemCode)[keyof typeof PemProblemCode]

export { looksLikePem } from './keys'

// ---------------------------------------------------------------------------------------------
// Algorithms: one table per key type, keyed by the JWK name, with the OID that names it in DER.

type EcCurve = Extract<KeyShape, { kty: 'EC' }>['crv']
type OkpCurve = Extract<KeyShape, { kty: 'OKP' }>['crv']
type MlDsa = Extract<KeyShape, { kty: 'AKP' }>['alg']

// RFC 8017 Appendix C and RFC 4055 §3.1: the RSA key OIDs.
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1'
const RSASSA_PSS = '1.2.840.113549.1.1.10'
// RFC 5480 §2.1.1: id-ecPublicKey, whose parameters name the curve.
const EC_PUBLIC_KEY = '1.2.840.10045.2.1'

/** Named curves (RFC 5480 §2.1.1.1; secp256k1: SEC 2 §2.4.1, RFC 8812 §3.1). `size`: field bytes. */
const EC_CURVES = {
  'P-256': { oid: '1.2.840.10045.3.1.7', size: 32 },
  'P-384': { oid: '1.3.132.0.34', size: 48 },
  'P-521': { oid: '1.3.132.0.35', size: 66 },
  secp256k1: { oid: '1.3.132.0.10', size: 32 },
} as const satisfies Record<EcCurve, { oid: string; size: number }>

/** RFC 8410 §3 OIDs; key sizes from RFC 7748 §5 and RFC 8032 §5.1.5, §5.2.5. */
const OKP_CURVES = {
  X25519: { oid: '1.3.101.110', size: 32 },
  X448: { oid: '1.3.101.111', size: 56 },
  Ed25519: { oid: '1.3.101.112', size: 32 },
  Ed448: { oid: '1.3.101.113', size: 57 },
} as const satisfies Record<OkpCurve, { oid: string; size: number }>

/** RFC 9881 §2 OIDs; key sizes from FIPS 204 Table 2. */
const ML_DSA = {
  'ML-DSA-44': { oid: '2.16.840.1.101.3.4.3.17', publicKeySize: 1312, expandedKeySize: 2560 },
  'ML-DSA-65': { oid: '2.16.840.1.101.3.4.3.18', publicKeySize: 1952, expandedKeySize: 4032 },
  'ML-DSA-87': { oid: '2.16.840.1.101.3.4.3.19', publicKeySize: 2592, expandedKeySize: 4896 },
} as const satisfies Record<MlDsa, { oid: string; publicKeySize: number; expandedKeySize: number }>

const ML_DSA_SEED_SIZE = 32 // FIPS 204 Algorithm 1: ξ is 32 bytes

/** Algorithms and curves we recognise but do not read, so the message can name them. */
const OTHER_OIDS: ReadonlyMap<string, string> = new Map([
  ['1.2.840.10040.4.1', 'DSA'],
  ['1.2.840.113549.1.3.1', 'Diffie-Hellman'],
  ['1.2.840.10046.2.1', 'X9.42 Diffie-Hellman'],
  ['1.2.156.10197.1.301', 'SM2'],
  ['2.16.840.1.101.3.4.4.1', 'ML-KEM-512'],
  ['2.16.840.1.101.3.4.4.2', 'ML-KEM-768'],
  ['2.16.840.1.101.3.4.4.3', 'ML-KEM-1024'],
  ['1.2.840.10045.3.1.1', 'P-192'],
  ['1.3.132.0.33', 'P-224'],
  ['1.3.36.3.3.2.8.1.1.7', 'brainpoolP256r1'],
  ['1.3.36.3.3.2.8.1.1.11', 'brainpoolP384r1'],
  ['1.3.36.3.3.2.8.1.1.13', 'brainpoolP512r1'],
])

const describeOid = (oid: string): Sentence => {
  const name = OTHER_OIDS.get(oid)
  return say('pem.oid', { name: name ?? '', oid }, name !== undefined ? `${name} (${oid})` : `the unknown OID ${oid}`)
}

function findByOid<K extends string>(table: Record<K, { readonly oid: string }>, oid: string): K | undefined {
  return (Object.keys(table) as K[]).find((name) => table[name].oid === oid)
}

/** What an AlgorithmIdentifier says the key is. */
type KeyAlgorithm =
  | { readonly kty: 'RSA' }
  | { readonly kty: 'EC'; readonly crv: EcCurve }
  | { readonly kty: 'OKP'; readonly crv: OkpCurve }
  | { readonly kty: 'AKP'; readonly alg: MlDsa }

// ---------------------------------------------------------------------------------------------
// Reading: what a container yields before the public members are completed.

/** Which part of a key a size is about: "Ed25519 public key", "P-256 private key d". */
type KeyPart = 'public key' | 'private key' | 'private key d' | 'seed' | 'expanded key'

/** A key we can parse but not use. Thrown inside this module only; `readBlock` catches it. */
class KeyFault extends Error {
  readonly code: PemProblemCode
  /** Bytes at fault in the DER. */
  readonly at: Range

  readonly sentence?: Sentence

  constructor(code: PemProblemCode, message: string | Sentence, at: Range) {
    super(typeof message === 'string' ? message : message.text)
    this.name = 'KeyFault'
    this.code = code
    this.at = at
    if (typeof message !== 'string') this.sentence = message
  }
}

/** Something worth saying about a key that was read, at a byte range in its DER. */
interface KeyNote {
  readonly code: PemProblemCode
  readonly severity: Severity
  readonly message: string
  readonly sentence?: Sentence
  readonly at: Range
}

interface KeyParts {
  readonly shape: KeyShape
  readonly jwk: Jwk
  readonly notes: readonly KeyNote[]
  /** Public members the container lacks: computed from the private `secret`, or by decompressing a `point`. */
  readonly missing?: { readonly from: 'secret' | 'point'; readonly bytes: Uint8Array; readonly at: Range }
}

interface ParsedKey extends KeyParts {
  readonly container: PemContainer
  readonly isPrivate: boolean
  readonly certificate?: PemCertificate
}

const span = (tlv: Tlv): Range => [tlv.offset, tlv.end]
const b64u = (bytes: Uint8Array) => encodeBase64url(bytes)

// ---------------------------------------------------------------------------------------------
// Reading: PEM text (RFC 7468)

/**
 * Reads every PEM block in the text; text outside blocks is ignored. Never rejects: anything
 * wrong is a problem whose range is in `text`.
 */
export async function readPem(text: string): Promise<PemReadResult> {
  const { blocks, problems } = findBlocks(text)
  const keys: PemKey[] = []
  for (const block of blocks) {
    const read = await readBlockSafely(text, block)
    if (read.key) keys.push(read.key)
    problems.push(...read.problems)
  }
  return { keys, problems: problems.sort((a, b) => a.offset - b.offset) }
}

interface PemBlock {
  readonly label: string
  /** From the BEGIN line's first dash to the END line's last. */
  readonly range: Range
  readonly begin: Range
  /** Between the BEGIN and END lines. */
  readonly body: Range
}

const BEGIN_LINE = /-----BEGIN ([^\r\n]*?)-----/g
const END_LINE = /-----END ([^\r\n]*?)-----/g

function matchFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  const search = new RegExp(pattern.source, 'g')
  search.lastIndex = from
  return search.exec(text)
}

function problem(code: PemProblemCode, severity: Severity, range: Range, message: string | Sentence): Problem {
  return typeof message === 'string'
    ? { code, severity, part: 'key', offset: range[0], range, message }
    : { code, severity, part: 'key', offset: range[0], range, message: message.text, sentence: message }
}

/** Pairs each BEGIN line with the END line after it; an unpaired or mislabelled one is a problem. */
function findBlocks(text: string): { blocks: PemBlock[]; problems: Problem[] } {
  const blocks: PemBlock[] = []
  const problems: Problem[] = []
  for (let at = 0, begin = matchFrom(BEGIN_LINE, text, at); begin; begin = matchFrom(BEGIN_LINE, text, at)) {
    const label = begin[1] ?? ''
    const beginRange: Range = [begin.index, begin.index + begin[0].length]
    const end = matchFrom(END_LINE, text, beginRange[1])
    const next = matchFrom(BEGIN_LINE, text, beginRange[1])
    if (!end || (next && next.index < end.index)) {
      const found = next ? `another BEGIN line at offset ${next.index}` : 'the end of the text'
      problems.push(problem(PemProblemCode.noEnd, 'error', beginRange, say('pem.no-end', { label, next: next ? next.index : -1 }, `Expected "-----END ${label}-----" after this BEGIN line, found ${found}.`)))
      at = beginRange[1]
      continue
    }
    const endRange: Range = [end.index, end.index + end[0].length]
    at = endRange[1]
    if (end[1] !== label) {
      const message = `Expected "-----END ${label}-----" to close this block, found "${end[0]}" at offset ${end.index}.`
      problems.push(problem(PemProblemCode.labelMismatch, 'error', beginRange, say('pem.label-mismatch', { label, end: end[0], at: end.index }, message)))
      continue
    }
    blocks.push({ label, range: [beginRange[0], endRange[1]], begin: beginRange, body: [beginRange[1], endRange[0]] })
  }
  return { blocks, problems }
}

async function readBlockSafely(text: string, block: PemBlock): Promise<{ key?: PemKey; problems: Problem[] }> {
  try {
    return await readBlock(text, block)
  } catch (error) {
    // Our bug, not the user's input: readPem still resolves, and the sentence says whose fault it is.
    const message = `Could not read this ${block.label} block because of an error in this page: ${String(error)}.`
    return { problems: [problem(PemProblemCode.internal, 'error', block.range, say('pem.internal', { label: block.label, error: String(error) }, message))] }
  }
}

async function readBlock(text: string, block: PemBlock): Promise<{ key?: PemKey; problems: Problem[] }> {
  const { label } = block
  const container = CONTAINERS.get(label)
  if (container === undefined) {
    const severity = INFORMATIVE_LABELS.has(label) ? 'info' : 'error'
    return { problems: [problem(PemProblemCode.unsupportedPem, severity, block.begin, say('pem.not-a-key', { label }, unsupportedLabelMessage(label)))] }
  }
  const headers = readHeaders(text, block.body)
  const { procType } = headers
  if (procType && /ENCRYPTED/i.test(procType.value)) {
    const message = `This private key is encrypted (Proc-Type ${procType.value}); decrypt it first, e.g. with openssl pkey.`
    return { problems: [problem(PemProblemCode.unsupportedPem, 'error', procType.at, say('pem.encrypted', { procType: procType.value }, message))] }
  }
  const decoded = decodeBase64Text(text, headers.dataStart, block.body[1])
  if ('code' in decoded) return { problems: [decoded] }
  const at = (bytes: Range) => textRangeOf(decoded, bytes)
  try {
    const parsed = parseContainer(container, decoded.bytes)
    const jwk = await completeJwk(parsed)
    const { isPrivate, shape, certificate } = parsed
    const key: PemKey = { label, container, isPrivate, shape, jwk, range: block.range, ...(certificate && { certificate }) }
    return { key, problems: parsed.notes.map((note) => problem(note.code, note.severity, at(note.at), note.sentence ?? note.message)) }
  } catch (error) {
    if (error instanceof DerError) {
      const message = `The DER inside this ${label} block is malformed: ${error.message}.`
      return { problems: [problem(PemProblemCode.der, 'error', at([error.offset, error.end]), say('pem.der', { label, problem: error.message }, message))] }
    }
    if (error instanceof KeyFault) return { problems: [problem(error.code, 'error', at(error.at), error.sentence ?? error.message)] }
    throw error
  }
}

/** PEM labels that are not keys (RFC 7468 and common tools), described for the message. */
const OTHER_LABELS: ReadonlyMap<string, string> = new Map([
  ['ENCRYPTED PRIVATE KEY', 'an encrypted PKCS #8 private key (RFC 5958 §3); decrypt it first, e.g. with openssl pkey'],
  ['CERTIFICATE REQUEST', 'a certificate request (PKCS #10, RFC 2986), not a key'],
  ['NEW CERTIFICATE REQUEST', 'a certificate request (PKCS #10, RFC 2986), not a key'],
  ['OPENSSH PRIVATE KEY', 'an OpenSSH private key, which this page does not read; convert it to PKCS #8 first, e.g. with ssh-keygen -p -m PKCS8 -f <file>'],
  ['X509 CRL', 'a certificate revocation list (RFC 5280 §5), not a key'],
  ['PKCS7', 'a PKCS #7 / CMS message (RFC 5652), not a key'],
  ['CMS', 'a CMS message (RFC 5652), not a key'],
  ['TRUSTED CERTIFICATE', 'an OpenSSL trusted certificate, which this page does not read; convert it to a plain CERTIFICATE, e.g. with openssl x509'],
  ['DSA PRIVATE KEY', 'a DSA private key, which JOSE does not use'],
  ['EC PARAMETERS', 'a set of EC curve parameters (openssl ecparam output), not a key; a key block after it is read on its own'],
  ['DH PARAMETERS', 'a set of Diffie-Hellman parameters, not a key'],
  ['ATTRIBUTE CERTIFICATE', 'an attribute certificate (RFC 5755), which holds no key'],
])

/** `openssl ecparam -genkey` writes EC PARAMETERS before the key: worth a note, not an error. */
const INFORMATIVE_LABELS: ReadonlySet<string> = new Set(['EC PARAMETERS'])

function unsupportedLabelMessage(label: string): string {
  const known = OTHER_LABELS.get(label) ?? (label.startsWith('PGP ') ? `an OpenPGP armored block (${label}), not a key this page reads` : undefined)
  if (known) return `This PEM is ${known}.`
  return `This PEM is labelled "${label}", which is not a key this page reads; expected PUBLIC KEY, PRIVATE KEY, RSA PUBLIC KEY, RSA PRIVATE KEY, EC PRIVATE KEY or CERTIFICATE.`
}

/** Line ranges within `range`, without their line breaks (CRLF, CR or LF). */
function linesOf(text: string, [start, end]: Range): Range[] {
  const lines: Range[] = []
  const breaks = /\r\n|\r|\n/g
  breaks.lastIndex = start
  let lineStart = start
  for (let found = breaks.exec(text); found && found.index < end; found = breaks.exec(text)) {
    lines.push([lineStart, found.index])
    lineStart = found.index + found[0].length
  }
  lines.push([lineStart, Math.max(lineStart, end)])
  return lines
}

/**
 * RFC 7468 §2 lets parsers skip RFC 1421 headers ("Proc-Type: 4,ENCRYPTED", continuation
 * lines indented), which end at a blank line. Only the legacy encryption header matters here.
 */
function readHeaders(text: string, body: Range): { dataStart: number; procType?: { value: string; at: Range } } {
  const lines = linesOf(text, body)
  const lineText = ([s, e]: Range) => text.slice(s, e)
  const first = lines.findIndex((line) => lineText(line).trim() !== '')
  let procType: { value: string; at: Range } | undefined
  let index = first
  for (let inHeader = false; index >= 0 && index < lines.length; index++) {
    const line = lines[index] ?? body
    const content = lineText(line)
    const header = /^[ \t]*([A-Za-z][A-Za-z0-9-]*):[ \t]/.exec(content)
    if (header?.[1]?.toLowerCase() === 'proc-type') procType = { value: content.slice(header[0].length).trim(), at: line }
    if (header) inHeader = true
    else if (!(inHeader && /^[ \t]\S/.test(content))) break
  }
  if (index === first) return { dataStart: body[0] }
  const next = lines[index]
  // A blank line ends the headers; without one the base64 starts at the first non-header line.
  return { dataStart: next === undefined ? body[1] : lineText(next).trim() === '' ? next[1] : next[0], procType }
}

// RFC 4648 §4: the standard alphabet, which PEM uses (RFC 7468 §3).
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

interface Base64Text {
  readonly bytes: Uint8Array
  /** The text offset of each base64 character, to map DER bytes back to the text. */
  readonly positions: readonly number[]
}

/** Decodes the base64 between `start` and `end`, skipping whitespace; the first fault is a problem. */
function decodeBase64Text(text: string, start: number, end: number): Base64Text | Problem {
  const values: number[] = []
  const positions: number[] = []
  let padding: { readonly at: number; count: number } | undefined
  for (let i = start; i < end; i++) {
    const char = text[i] ?? ''
    if (' \t\r\n\f\v'.includes(char)) continue
    const value = BASE64_ALPHABET.indexOf(char)
    if (value >= 0 && padding === undefined) {
      values.push(value)
      positions.push(i)
    } else if (char === '=' && values.length > 0) {
      padding ??= { at: i, count: 0 }
      padding.count++
    } else {
      return base64CharProblem(text, i, padding)
    }
  }
  return base64Result(values, positions, padding, [start, end])
}

function base64CharProblem(text: string, offset: number, padding: { readonly at: number } | undefined): Problem {
  const codePoint = text.codePointAt(offset) ?? 0
  const char = String.fromCodePoint(codePoint)
  const range: Range = [offset, offset + char.length]
  if (padding && BASE64_ALPHABET.includes(char)) {
    const message = `base64 text has a character '${char}' at offset ${offset} after the '=' padding at offset ${padding.at}; expected the block to end there.`
    return problem(PemProblemCode.base64, 'error', range, say('pem.after-padding', { char, at: offset, padding: padding.at }, message))
  }
  if (char === '=') {
    return problem(PemProblemCode.base64, 'error', range, say('pem.early-padding', { at: offset }, `base64 text has '=' padding at offset ${offset}; expected base64 characters before any padding.`))
  }
  const shown = /[\s\p{C}]/u.test(char) ? `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`
  const message = `base64 text has a character ${shown} at offset ${offset} that is not in the alphabet (expected A-Z, a-z, 0-9, + or /).`
  return problem(PemProblemCode.base64, 'error', range, say('pem.base64-alphabet', { char: shown, at: offset }, message))
}

function base64Result(values: number[], positions: number[], padding: { at: number; count: number } | undefined, body: Range): Base64Text | Problem {
  const last = positions[positions.length - 1]
  if (last === undefined) return problem(PemProblemCode.base64, 'error', body, say('pem.no-base64', {}, 'Expected base64 text between the BEGIN and END lines, found none.'))
  // RFC 4648 §4: 2 or 3 characters in the last group need "==" or "="; 1 cannot encode a byte.
  if (values.length % 4 === 1) {
    const message = `Expected the base64 text to end with a group of 2 to 4 characters, found a single character at offset ${last}; the text may be cut short.`
    return problem(PemProblemCode.base64, 'error', [last, last + 1], say('pem.base64-dangling', { at: last }, message))
  }
  const needed = (4 - (values.length % 4)) % 4
  if (padding && padding.count !== needed) {
    const message = `Expected ${needed} '=' of padding at offset ${padding.at}, found ${padding.count}.`
    return problem(PemProblemCode.base64, 'error', [padding.at, padding.at + 1], say('pem.base64-padding', { needed, at: padding.at, found: padding.count }, message))
  }
  const bytes = new Uint8Array(Math.floor((values.length * 6) / 8))
  for (let i = 0, bits = 0, buffer = 0, out = 0; i < values.length; i++) {
    buffer = ((buffer << 6) | (values[i] ?? 0)) & 0xffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[out++] = (buffer >> bits) & 0xff
    }
  }
  return { bytes, positions }
}

/** Byte b sits in base64 characters 4⌊b/3⌋ + b mod 3 and the one after it. */
function textRangeOf({ positions }: Base64Text, [start, end]: Range): Range {
  const charOf = (byte: number) => Math.floor(byte / 3) * 4 + (byte % 3)
  const last = positions.length - 1
  const from = positions[Math.min(charOf(start), last)] ?? 0
  const to = positions[Math.min(charOf(Math.max(start, end - 1)) + 1, last)] ?? from
  return [from, Math.max(from, to) + 1]
}

// ---------------------------------------------------------------------------------------------
// Reading: AlgorithmIdentifier (RFC 5280 §4.1.1.2) and public keys

function readAlgorithm(der: Uint8Array, tlv: Tlv): { algorithm: KeyAlgorithm; notes: KeyNote[] } {
  const [oidTlv, parameters] = readSequence(der, tlv, 'the AlgorithmIdentifier', 1, 2)
  const oid = readOid(der, oidTlv, 'the key algorithm')
  if (oid === RSA_ENCRYPTION) return { algorithm: { kty: 'RSA' }, notes: [] }
  if (oid === RSASSA_PSS) {
    // RFC 4055 §1.2: a key under id-RSASSA-PSS is for PSS signatures only.
    const message = 'This RSA key is marked for RSASSA-PSS only (RFC 4055 §1.2): use it with PS256, PS384 or PS512, not RS256.'
    return { algorithm: { kty: 'RSA' }, notes: [{ code: PemProblemCode.rsaPss, severity: 'info', message, sentence: say('pem.rsa-pss', {}, message), at: span(oidTlv) }] }
  }
  if (oid === EC_PUBLIC_KEY) return { algorithm: { kty: 'EC', crv: readNamedCurve(der, parameters, tlv) }, notes: [] }
  const okp = findByOid(OKP_CURVES, oid)
  if (okp === 'X25519' || okp === 'X448') {
    const message = `This is an ${okp} key, which is for key agreement (ECDH-ES, RFC 8037 §3.2), not for signatures: it cannot sign or verify a JWS.`
    const sentence = say('pem.key-agreement', { crv: okp }, message)
    return { algorithm: { kty: 'OKP', crv: okp }, notes: [{ code: PemProblemCode.keyAgreement, severity: 'warning', message, sentence, at: span(oidTlv) }] }
  }
  if (okp) return { algorithm: { kty: 'OKP', crv: okp }, notes: [] }
  const mlDsa = findByOid(ML_DSA, oid)
  if (mlDsa) return { algorithm: { kty: 'AKP', alg: mlDsa }, notes: [] }
  const found = describeOid(oid)
  throw new KeyFault(
    PemProblemCode.unsupportedAlgorithm,
    say('pem.unsupported-algorithm', { oid: found }, `Expected a key algorithm this page reads (RSA, EC, Ed25519, Ed448, X25519, X448 or ML-DSA), found ${found.text}.`),
    span(oidTlv),
  )
}

/** RFC 5480 §2.1.1: ECParameters is a namedCurve OID; implicitCurve and specifiedCurve MUST NOT be used. */
function readNamedCurve(der: Uint8Array, parameters: Tlv | undefined, owner: Tlv): EcCurve {
  if (parameters === undefined) {
    throw new KeyFault(PemProblemCode.ecParameters, say('pem.no-curve', {}, 'Expected the named curve OID in the EC key parameters (RFC 5480 §2.1.1), found none.'), span(owner))
  }
  if (parameters.tag === DerTag.SEQUENCE) {
    throw new KeyFault(
      PemProblemCode.ecParameters,
      say('pem.explicit-curve', {}, 'Expected a named curve (RFC 5480 §2.1.1), found explicit curve parameters; re-export the key with a named curve, e.g. openssl ec -param_enc named_curve.'),
      span(parameters),
    )
  }
  if (parameters.tag === DerTag.NULL) {
    throw new KeyFault(PemProblemCode.ecParameters, say('pem.implicit-curve', {}, 'Expected a named curve (RFC 5480 §2.1.1), found implicitCurve (NULL), which leaves the curve unknown.'), span(parameters))
  }
  const oid = readOid(der, parameters, 'the named curve')
  const crv = findByOid(EC_CURVES, oid)
  if (crv === undefined) {
    const found = describeOid(oid)
    throw new KeyFault(PemProblemCode.unsupportedCurve, say('pem.unsupported-curve', { oid: found }, `Expected the curve P-256, P-384, P-521 or secp256k1, found ${found.text}.`), span(parameters))
  }
  return crv
}

/** SubjectPublicKeyInfo (RFC 5280 §4.1): AlgorithmIdentifier and the key as a BIT STRING. */
function readSpki(der: Uint8Array, tlv: Tlv): KeyParts {
  const [algorithmTlv, keyTlv] = readSequence(der, tlv, 'the SubjectPublicKeyInfo (RFC 5280 §4.1)', 2)
  const { algorithm, notes } = readAlgorithm(der, algorithmTlv)
  const key = wholeBytes(readBitString(der, keyTlv, 'the subjectPublicKey'), keyTlv)
  const parts = readPublicKey(der, algorithm, key, keyTlv)
  return { ...parts, notes: [...notes, ...parts.notes] }
}

function wholeBytes(bits: BitString, tlv: Tlv): BitString {
  if (bits.unusedBits !== 0) throw new DerError(tlv.offset, tlv.end, `expected a key of whole bytes (0 unused bits), found ${bits.unusedBits} unused bits`)
  return bits
}

function readPublicKey(der: Uint8Array, algorithm: KeyAlgorithm, key: BitString, tlv: Tlv): KeyParts {
  switch (algorithm.kty) {
    case 'RSA':
      return readRsaPublicKey(der, readSingle(der, key.range, 'the RSAPublicKey'))
    case 'EC': {
      const shape = { kty: 'EC', crv: algorithm.crv } as const
      const point = readEcPoint(algorithm.crv, key.bytes, span(tlv))
      if (point === 'compressed') return { shape, jwk: { kty: 'EC', crv: algorithm.crv }, notes: [], missing: { from: 'point', bytes: key.bytes, at: span(tlv) } }
      return { shape, jwk: { kty: 'EC', crv: algorithm.crv, ...point }, notes: [] }
    }
    case 'OKP': {
      const x = exactSize(key.bytes, OKP_CURVES[algorithm.crv].size, algorithm.crv, 'public key', span(tlv))
      return { shape: { kty: 'OKP', crv: algorithm.crv }, jwk: { kty: 'OKP', crv: algorithm.crv, x: b64u(x) }, notes: [] }
    }
    case 'AKP': {
      const pub = exactSize(key.bytes, ML_DSA[algorithm.alg].publicKeySize, algorithm.alg, 'public key', span(tlv))
      return { shape: { kty: 'AKP', alg: algorithm.alg }, jwk: { kty: 'AKP', alg: algorithm.alg, pub: b64u(pub) }, notes: [] }
    }
  }
}

function exactSize(bytes: Uint8Array, size: number, name: string, what: KeyPart, at: Range): Uint8Array {
  const found = bytes.length
  if (found !== size) throw new KeyFault(PemProblemCode.invalidKey, say('pem.size', { size, name, what, found }, `Expected a ${size}-byte ${name} ${what}, found ${found} bytes.`), at)
  return bytes
}

/** RSAPublicKey (RFC 8017 §A.1.1): modulus n and public exponent e. */
function readRsaPublicKey(der: Uint8Array, tlv: Tlv): KeyParts {
  const [nTlv, eTlv] = readSequence(der, tlv, 'the RSAPublicKey (RFC 8017 §A.1.1)', 2)
  const n = readInteger(der, nTlv, 'the modulus n')
  const e = readInteger(der, eTlv, 'the public exponent e')
  return { shape: { kty: 'RSA', bits: bitLength(n) }, jwk: { kty: 'RSA', n: b64u(n), e: b64u(e) }, notes: [] }
}

function bitLength(unsigned: Uint8Array): number {
  const first = unsigned[0] ?? 0
  return (unsigned.length - 1) * 8 + (32 - Math.clz32(first))
}

/**
 * SEC 1 §2.3.3 (RFC 5480 §2.2): 0x04 ‖ X ‖ Y uncompressed, or 0x02/0x03 ‖ X compressed.
 * RFC 7518 §6.2.1.2: JWK coordinates are the full field size, which this form already has.
 */
function readEcPoint(crv: EcCurve, point: Uint8Array, at: Range): { x: string; y: string } | 'compressed' {
  const { size } = EC_CURVES[crv]
  const [form] = point
  if (form === 0x04 && point.length === 1 + 2 * size) {
    return { x: b64u(point.subarray(1, 1 + size)), y: b64u(point.subarray(1 + size)) }
  }
  if ((form === 0x02 || form === 0x03) && point.length === 1 + size) return 'compressed'
  const first = form === undefined ? '' : `0x${form.toString(16).padStart(2, '0')}`
  const found = form === undefined ? 'no bytes' : `${point.length} bytes starting with ${first}`
  const message = `Expected a ${crv} point of 0x04 and ${2 * size} bytes (uncompressed) or 0x02/0x03 and ${size} bytes (compressed), found ${found}.`
  throw new KeyFault(PemProblemCode.invalidKey, say('pem.ec-point', { crv, size, bytes: point.length, first }, message), at)
}

// ---------------------------------------------------------------------------------------------
// Reading: private keys

/** RSAPrivateKey (RFC 8017 §A.1.2), two-prime form: version 0 and eight INTEGERs. */
function readRsaPrivateKey(der: Uint8Array, tlv: Tlv): KeyParts {
  const what = 'the RSAPrivateKey (RFC 8017 §A.1.2)'
  const [versionTlv, n, e, d, p, q, dp, dq, qi] = readSequence(der, tlv, what, 9, 10)
  const version = readSmallInteger(der, versionTlv, 'the RSAPrivateKey version')
  if (version === 1) {
    const message = 'Expected a two-prime RSA key (version 0), found a multi-prime key (version 1, RFC 8017 §A.1.2), which this page does not read.'
    throw new KeyFault(PemProblemCode.multiPrime, say('pem.multi-prime', {}, message), span(versionTlv))
  }
  if (version !== 0) throw new DerError(versionTlv.offset, versionTlv.end, `expected version 0 in ${what}, found ${version}`)
  const int = (field: Tlv, name: string) => b64u(readInteger(der, field, name))
  const modulus = readInteger(der, n, 'the modulus n')
  const jwk: Jwk = {
    kty: 'RSA',
    n: b64u(modulus),
    e: int(e, 'the public exponent e'),
    d: int(d, 'the private exponent d'),
    p: int(p, 'the prime p'),
    q: int(q, 'the prime q'),
    dp: int(dp, 'the exponent dP'),
    dq: int(dq, 'the exponent dQ'),
    qi: int(qi, 'the coefficient qInv'),
  }
  return { shape: { kty: 'RSA', bits: bitLength(modulus) }, jwk, notes: [] }
}

/**
 * ECPrivateKey (RFC 5915 §3). Alone (SEC1 PEM) it names its curve in [0]; inside PKCS #8 the
 * curve is in the AlgorithmIdentifier (`outer`) and [0] is usually left out. [1] is optional.
 */
function readEcPrivateKey(der: Uint8Array, tlv: Tlv, outer?: EcCurve): KeyParts {
  const what = 'the ECPrivateKey (RFC 5915 §3)'
  const [versionTlv, keyTlv, ...optional] = readSequence(der, tlv, what, 2, 4)
  const version = readSmallInteger(der, versionTlv, 'the ECPrivateKey version')
  if (version !== 1) throw new DerError(versionTlv.offset, versionTlv.end, `expected version 1 (ecPrivkeyVer1) in ${what}, found ${version}`)
  const secret = readOctetString(der, keyTlv, 'the EC private key')
  const parameters = tagged(optional, 0xa0, what)
  const publicKey = tagged(optional, 0xa1, what)
  const inner = parameters && readNamedCurve(der, readSingle(der, parameters.contents, 'the [0] parameters'), parameters)
  const crv = outer ?? inner
  if (crv === undefined) {
    throw new KeyFault(PemProblemCode.ecParameters, say('pem.no-private-curve', {}, 'Expected the curve in the [0] parameters of the EC private key (RFC 5915 §3), found none.'), span(tlv))
  }
  if (outer && inner && outer !== inner) {
    const message = `Expected the [0] parameters to name ${outer} like the AlgorithmIdentifier, found ${inner}.`
    throw new KeyFault(PemProblemCode.ecParameters, say('pem.curve-mismatch', { outer, inner }, message), span(parameters ?? tlv))
  }
  const d = leftPad(secret, EC_CURVES[crv].size, crv, 'private key d', span(keyTlv))
  const point = publicKey && readEcPublicKeyField(der, publicKey, crv)
  const jwk: Jwk = { kty: 'EC', crv, d: b64u(d) }
  if (point && point !== 'compressed') return { shape: { kty: 'EC', crv }, jwk: { ...jwk, ...point }, notes: [] }
  return { shape: { kty: 'EC', crv }, jwk, notes: [], missing: { from: 'secret', bytes: d, at: span(keyTlv) } }
}

function readEcPublicKeyField(der: Uint8Array, field: Tlv, crv: EcCurve) {
  const bitsTlv = readSingle(der, field.contents, 'the [1] publicKey')
  const bits = wholeBytes(readBitString(der, bitsTlv, 'the EC public key'), bitsTlv)
  return readEcPoint(crv, bits.bytes, span(bitsTlv))
}

/** The optional element with this context tag; any tag not in `allowed` is malformed. */
function tagged(optional: readonly (Tlv | undefined)[], tag: number, what: string, allowed = [0xa0, 0xa1]): Tlv | undefined {
  const unexpected = optional.find((field) => field && !allowed.includes(field.tag))
  if (unexpected) {
    const names = allowed.map((t) => `[${t & 0x1f}]`).join(' or ')
    throw new DerError(unexpected.offset, unexpected.end, `expected ${names} after the required fields of ${what}, found tag 0x${unexpected.tag.toString(16)}`)
  }
  return optional.find((field) => field?.tag === tag)
}

/** RFC 5915 §3 gives d as ceiling(log2(n)/8) bytes, but some writers drop leading zeros. */
function leftPad(bytes: Uint8Array, size: number, name: string, what: KeyPart, at: Range): Uint8Array {
  const found = bytes.length
  if (found > size) throw new KeyFault(PemProblemCode.invalidKey, say('pem.at-most', { size, name, what, found }, `Expected at most ${size} bytes for the ${name} ${what}, found ${found}.`), at)
  const out = new Uint8Array(size)
  out.set(bytes, size - bytes.length)
  return out
}

/** CurvePrivateKey (RFC 8410 §7): the private key is an OCTET STRING inside the privateKey OCTET STRING. */
function readOkpPrivateKey(der: Uint8Array, tlv: Tlv, crv: OkpCurve, publicKey: BitString | undefined, publicAt: Range): KeyParts {
  const { size } = OKP_CURVES[crv]
  const secret = exactSize(readOctetString(der, tlv, `the ${crv} CurvePrivateKey (RFC 8410 §7)`), size, crv, 'private key', span(tlv))
  const jwk: Jwk = { kty: 'OKP', crv, d: b64u(secret) }
  if (publicKey) {
    const x = exactSize(publicKey.bytes, size, crv, 'public key', publicAt)
    return { shape: { kty: 'OKP', crv }, jwk: { ...jwk, x: b64u(x) }, notes: [] }
  }
  return { shape: { kty: 'OKP', crv }, jwk, notes: [], missing: { from: 'secret', bytes: secret, at: span(tlv) } }
}

/**
 * RFC 9881 §6: ML-DSA-PrivateKey ::= CHOICE { seed [0] IMPLICIT OCTET STRING (SIZE (32)),
 * expandedKey OCTET STRING, both SEQUENCE { seed, expandedKey } }. A JWK `priv` is the seed
 * (draft-ietf-cose-dilithium §4), so an expanded key alone cannot become one.
 */
function readMlDsaPrivateKey(der: Uint8Array, tlv: Tlv, alg: MlDsa, publicKey: BitString | undefined, publicAt: Range): KeyParts {
  const { expandedKeySize, publicKeySize } = ML_DSA[alg]
  const seed = readMlDsaSeed(der, tlv, alg, expandedKeySize)
  const shape = { kty: 'AKP', alg } as const
  const jwk: Jwk = { kty: 'AKP', alg, priv: b64u(seed) }
  if (publicKey) return { shape, jwk: { ...jwk, pub: b64u(exactSize(publicKey.bytes, publicKeySize, alg, 'public key', publicAt)) }, notes: [] }
  return { shape, jwk, notes: [], missing: { from: 'secret', bytes: seed, at: span(tlv) } }
}

function readMlDsaSeed(der: Uint8Array, tlv: Tlv, alg: MlDsa, expandedKeySize: number): Uint8Array {
  const seedSize = ML_DSA_SEED_SIZE
  if (tlv.tag === 0x80) return exactSize(readOctetString(der, tlv, 'the seed', 0x80), seedSize, alg, 'seed', span(tlv))
  if (tlv.tag === DerTag.OCTET_STRING) {
    throw new KeyFault(
      PemProblemCode.mlDsaExpandedOnly,
      say(
        'pem.ml-dsa-expanded',
        { alg, seed: seedSize, expanded: tlv.length },
        `Expected the ${seedSize}-byte seed in this ${alg} private key, found only the ${tlv.length}-byte expanded key; a JWK "priv" holds the seed, so export the key again with its seed.`,
      ),
      span(tlv),
    )
  }
  if (tlv.tag === DerTag.SEQUENCE) {
    const [seedTlv, expandedTlv] = readSequence(der, tlv, `the ${alg} "both" SEQUENCE`, 2)
    exactSize(readOctetString(der, expandedTlv, 'the expandedKey'), expandedKeySize, alg, 'expanded key', span(expandedTlv))
    return exactSize(readOctetString(der, seedTlv, 'the seed'), seedSize, alg, 'seed', span(seedTlv))
  }
  throw new DerError(tlv.offset, tlv.end, `expected the ${alg} private key as seed [0], expandedKey OCTET STRING or both SEQUENCE (RFC 9881 §6), found tag 0x${tlv.tag.toString(16)}`)
}

/**
 * OneAsymmetricKey (RFC 5958 §2), which is PKCS #8 PrivateKeyInfo when version is 0 (v1):
 * version, privateKeyAlgorithm, privateKey OCTET STRING, attributes [0], publicKey [1] (v2).
 */
function readPkcs8(der: Uint8Array, tlv: Tlv): KeyParts {
  const what = 'the OneAsymmetricKey (RFC 5958 §2)'
  const [versionTlv, algorithmTlv, keyTlv, ...optional] = readSequence(der, tlv, what, 3, 5)
  const version = readSmallInteger(der, versionTlv, 'the OneAsymmetricKey version')
  if (version > 1) throw new DerError(versionTlv.offset, versionTlv.end, `expected version 0 (v1) or 1 (v2) in ${what}, found ${version}`)
  const { algorithm, notes } = readAlgorithm(der, algorithmTlv)
  expectTag(keyTlv, DerTag.OCTET_STRING, 'the privateKey')
  const inner = readSingle(der, keyTlv.contents, 'the privateKey contents')
  const publicKeyTlv = tagged(optional, 0x81, what, [0xa0, 0x81])
  const publicKey = publicKeyTlv && wholeBytes(readBitString(der, publicKeyTlv, 'the [1] publicKey', 0x81), publicKeyTlv)
  const publicAt = publicKeyTlv ? span(publicKeyTlv) : span(tlv)
  const parts = readPkcs8PrivateKey(der, inner, algorithm, publicKey, publicAt)
  return { ...parts, notes: [...notes, ...parts.notes] }
}

function readPkcs8PrivateKey(der: Uint8Array, inner: Tlv, algorithm: KeyAlgorithm, publicKey: BitString | undefined, publicAt: Range): KeyParts {
  switch (algorithm.kty) {
    case 'RSA':
      return readRsaPrivateKey(der, inner)
    case 'EC':
      return readEcPrivateKey(der, inner, algorithm.crv)
    case 'OKP':
      return readOkpPrivateKey(der, inner, algorithm.crv, publicKey, publicAt)
    case 'AKP':
      return readMlDsaPrivateKey(der, inner, algorithm.alg, publicKey, publicAt)
  }
}

// ---------------------------------------------------------------------------------------------
// Reading: X.509 certificates (RFC 5280 §4.1)

/** The tbsCertificate fields after the optional version: serialNumber through subjectPublicKeyInfo. */
function readTbsCertificate(der: Uint8Array, certificate: Tlv) {
  const [tbs] = readSequence(der, certificate, 'the Certificate (RFC 5280 §4.1)', 3)
  const all = readChildren(der, expectTag(tbs, DerTag.SEQUENCE, 'the TBSCertificate'))
  // version [0] EXPLICIT Version DEFAULT v1: present only in v2 and v3 certificates.
  const fields = all[0]?.tag === 0xa0 ? all.slice(1) : all
  const [serial, signature, issuer, validity, subject, spki] = requireFields(fields, tbs, 'the TBSCertificate (RFC 5280 §4.1)', 6, 9)
  expectTag(signature, DerTag.SEQUENCE, 'the signature AlgorithmIdentifier')
  return { serial, issuer, validity, subject, spki }
}

function readCertificate(der: Uint8Array, tlv: Tlv): KeyParts & { certificate: PemCertificate } {
  const { serial, issuer, validity, subject, spki } = readTbsCertificate(der, tlv)
  const [notBefore, notAfter] = readSequence(der, validity, 'the Validity', 2)
  const certificate: PemCertificate = {
    subject: readName(der, subject, 'the subject'),
    issuer: readName(der, issuer, 'the issuer'),
    notBefore: readTime(der, notBefore, 'notBefore'),
    notAfter: readTime(der, notAfter, 'notAfter'),
    serialNumber: serialHex(der, serial),
  }
  return { ...readSpki(der, spki), certificate }
}

/**
 * RFC 5280 §4.1.2.2: up to 20 octets; some CAs wrongly issue negative serials, so the two's
 * complement octets are shown as they are, without DER's 0x00 sign octet.
 */
function serialHex(der: Uint8Array, tlv: Tlv): string {
  expectTag(tlv, DerTag.INTEGER, 'the serialNumber')
  const bytes = der.subarray(tlv.contents[0], tlv.contents[1])
  const digits = bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes
  return Array.from(digits, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':')
}

/** Short names of RFC 4514 §3, plus the two that certificates commonly carry. */
const ATTRIBUTE_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.9', 'STREET'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['0.9.2342.19200300.100.1.1', 'UID'],
  ['2.5.4.5', 'serialNumber'],
  ['1.2.840.113549.1.9.1', 'emailAddress'],
])

/** Name (RFC 5280 §4.1.2.4) as an RFC 4514 string: RDNs last-first, joined by ", " for reading. */
function readName(der: Uint8Array, tlv: Tlv, what: string): string {
  const rdns = readChildren(der, expectTag(tlv, DerTag.SEQUENCE, what))
  return rdns
    .map((rdn) => readChildren(der, expectTag(rdn, DerTag.SET, `a RelativeDistinguishedName of ${what}`)).map((atv) => readAttribute(der, atv)).join('+'))
    .reverse()
    .join(', ')
}

function readAttribute(der: Uint8Array, tlv: Tlv): string {
  const [typeTlv, value] = readSequence(der, tlv, 'an AttributeTypeAndValue', 2)
  const oid = readOid(der, typeTlv, 'the attribute type')
  const name = ATTRIBUTE_NAMES.get(oid) ?? oid
  // RFC 4514 §2.4: a value that is not a string is written as # and its DER in hex.
  if (!isStringTag(value.tag)) return `${name}=#${Array.from(der.subarray(value.offset, value.end), (b) => b.toString(16).padStart(2, '0')).join('')}`
  return `${name}=${escapeRdnValue(readString(der, value, `the ${name} attribute`))}`
}

/** RFC 4514 §2.4: escape the specials, a leading space or #, a trailing space, and NUL. */
function escapeRdnValue(value: string): string {
  return value
    .replace(/[\\"+,;<>]/g, '\\$&')
    .replace(/^[ #]/, '\\$&')
    .replace(/ $/, '\\ ')
    .replaceAll('\0', '\\00')
}

/** The DER of the SubjectPublicKeyInfo inside a certificate, e.g. to import an `x5c` key. */
export function spkiFromCertificate(der: Uint8Array): DerResult<Uint8Array> {
  return readDer(der, () => {
    const { spki } = readTbsCertificate(der, readSingle(der, [0, der.length], 'the Certificate'))
    return der.slice(spki.offset, spki.end)
  })
}

// ---------------------------------------------------------------------------------------------
// Reading: containers by PEM label (RFC 7468 §4 to §13; PKCS #1 and SEC1 labels from OpenSSL)

const CONTAINERS: ReadonlyMap<string, PemContainer> = new Map([
  ['PUBLIC KEY', 'spki'],
  ['PRIVATE KEY', 'pkcs8'],
  ['RSA PUBLIC KEY', 'pkcs1-public'],
  ['RSA PRIVATE KEY', 'pkcs1-private'],
  ['EC PRIVATE KEY', 'sec1'],
  ['CERTIFICATE', 'x509'],
])

const CONTAINER_NAMES: Record<PemContainer, string> = {
  spki: 'the SubjectPublicKeyInfo',
  pkcs8: 'the PKCS #8 private key',
  'pkcs1-public': 'the RSAPublicKey',
  'pkcs1-private': 'the RSAPrivateKey',
  sec1: 'the ECPrivateKey',
  x509: 'the Certificate',
}

function parseContainer(container: PemContainer, der: Uint8Array): ParsedKey {
  const top = readSingle(der, [0, der.length], CONTAINER_NAMES[container])
  switch (container) {
    case 'spki':
      return { container, isPrivate: false, ...readSpki(der, top) }
    case 'pkcs8':
      return { container, isPrivate: true, ...readPkcs8(der, top) }
    case 'pkcs1-public':
      return { container, isPrivate: false, ...readRsaPublicKey(der, top) }
    case 'pkcs1-private':
      return { container, isPrivate: true, ...readRsaPrivateKey(der, top) }
    case 'sec1':
      return { container, isPrivate: true, ...readEcPrivateKey(der, top) }
    case 'x509':
      return { container, isPrivate: false, ...readCertificate(der, top) }
  }
}

// ---------------------------------------------------------------------------------------------
// Completing public members: WebCrypto where it has the curve, noble (loaded here only) elsewhere.

/** The JWK with the members the container lacked; a KeyFault if the key material is invalid. */
async function completeJwk(parsed: ParsedKey): Promise<Jwk> {
  const { missing, shape, jwk } = parsed
  if (missing === undefined) return orderMembers(jwk)
  let members: Partial<Jwk>
  try {
    members = missing.from === 'point' ? await decompressPoint(shape, missing.bytes) : await publicFromSecret(shape, missing.bytes)
  } catch (error) {
    if (error instanceof ModuleLoadError) throw error
    // WebCrypto and noble both reject an invalid scalar or a point not on the curve; their
    // messages are not ours to show, so the sentence says what was expected.
    const what = missing.from === 'point' ? 'a point on the curve' : 'a valid private key for this key type'
    const message = `Expected ${what} (${describeShape(shape)}), found key bytes that are not.`
    throw new KeyFault(PemProblemCode.invalidKey, say('pem.invalid-key-bytes', { from: missing.from, shape: describeShape(shape) }, message), missing.at)
  }
  return orderMembers({ ...jwk, ...members })
}

function describeShape(shape: KeyShape): string {
  return shape.kty === 'RSA' ? `RSA ${shape.bits}` : shape.kty === 'AKP' ? shape.alg : shape.crv
}

async function publicFromSecret(shape: KeyShape, secret: Uint8Array): Promise<Partial<Jwk>> {
  switch (shape.kty) {
    case 'EC':
      return ecPublicFromSecret(shape.crv, secret)
    case 'OKP':
      return { x: b64u(await okpPublicFromSecret(shape.crv, secret)) }
    case 'AKP': {
      const { ml_dsa44, ml_dsa65, ml_dsa87 } = await load(() => import('@noble/post-quantum/ml-dsa.js'))
      const scheme = { 'ML-DSA-44': ml_dsa44, 'ML-DSA-65': ml_dsa65, 'ML-DSA-87': ml_dsa87 }[shape.alg]
      // FIPS 204 Algorithm 6 (ML-DSA.KeyGen_internal): the key pair is a function of the seed ξ.
      return { pub: b64u(scheme.keygen(secret).publicKey) }
    }
    case 'RSA':
      return {} // every RSA container carries n and e
  }
}

async function ecPublicFromSecret(crv: EcCurve, d: Uint8Array): Promise<Partial<Jwk>> {
  if (crv !== 'secp256k1') {
    const pkcs8 = encodePkcs8Der({ kty: 'EC', crv }, encodeEcPrivateKey(crv, d))
    const exported = await webCryptoJwk('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: crv }, ['sign'])
    if (exported?.x && exported.y) return { x: exported.x, y: exported.y }
  }
  const curve = await nobleWeierstrass(crv)
  return pointMembers(crv, curve.getPublicKey(d, false))
}

async function okpPublicFromSecret(crv: OkpCurve, secret: Uint8Array): Promise<Uint8Array> {
  switch (crv) {
    case 'Ed25519': {
      const pkcs8 = encodePkcs8Der({ kty: 'OKP', crv }, encodeOctetString(secret))
      const exported = await webCryptoJwk('pkcs8', pkcs8, { name: 'Ed25519' }, ['sign'])
      const x = exported?.x === undefined ? undefined : decodeBase64urlStrict(exported.x)
      return x ?? (await load(() => import('@noble/curves/ed25519.js'))).ed25519.getPublicKey(secret)
    }
    case 'Ed448':
      return (await load(() => import('@noble/curves/ed448.js'))).ed448.getPublicKey(secret)
    case 'X25519':
      return (await load(() => import('@noble/curves/ed25519.js'))).x25519.getPublicKey(secret)
    case 'X448':
      return (await load(() => import('@noble/curves/ed448.js'))).x448.getPublicKey(secret)
  }
}

/** SEC 1 §2.3.4: a compressed point is decompressed by solving the curve equation for y. */
async function decompressPoint(shape: KeyShape, point: Uint8Array): Promise<Partial<Jwk>> {
  if (shape.kty !== 'EC') return {}
  const { crv } = shape
  if (crv !== 'secp256k1') {
    const spki = encodeSpkiDer({ kty: 'EC', crv }, point)
    const exported = await webCryptoJwk('spki', spki, { name: 'ECDSA', namedCurve: crv }, ['verify'])
    if (exported?.x && exported.y) return { x: exported.x, y: exported.y }
  }
  const curve = await nobleWeierstrass(crv)
  return pointMembers(crv, curve.Point.fromBytes(point).toBytes(false))
}

function pointMembers(crv: EcCurve, uncompressed: Uint8Array): Partial<Jwk> {
  const { size } = EC_CURVES[crv]
  return { x: b64u(uncompressed.subarray(1, 1 + size)), y: b64u(uncompressed.subarray(1 + size)) }
}

/** A dynamic import that failed (a chunk that did not load): the page's fault, not the key's. */
class ModuleLoadError extends Error {
  constructor(cause: unknown) {
    super(`could not load the code that computes public keys (${String(cause)})`, { cause })
    this.name = 'ModuleLoadError'
  }
}

async function load<T>(importer: () => Promise<T>): Promise<T> {
  try {
    return await importer()
  } catch (error) {
    throw new ModuleLoadError(error)
  }
}

async function nobleWeierstrass(crv: EcCurve) {
  if (crv === 'secp256k1') return (await load(() => import('@noble/curves/secp256k1.js'))).secp256k1
  const { p256, p384, p521 } = await load(() => import('@noble/curves/nist.js'))
  return { 'P-256': p256, 'P-384': p384, 'P-521': p521 }[crv]
}

/**
 * Imports a key into WebCrypto and exports it as a JWK, which fills in the public members.
 * Undefined when WebCrypto is missing or lacks the algorithm (then noble does the work).
 */
async function webCryptoJwk(
  format: 'pkcs8' | 'spki',
  der: Uint8Array<ArrayBuffer>,
  algorithm: EcKeyImportParams | Algorithm,
  usages: KeyUsage[],
): Promise<JsonWebKey | undefined> {
  const subtle = globalThis.crypto?.subtle
  if (subtle === undefined) return undefined
  try {
    const key = await subtle.importKey(format, der, algorithm, true, usages)
    return await subtle.exportKey('jwk', key)
  } catch {
    return undefined
  }
}

const MEMBER_ORDER = ['kty', 'alg', 'crv', 'n', 'e', 'x', 'y', 'pub', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'priv']

/** The members in the order RFC 7518 lists them, so the JWK reads naturally. */
function orderMembers(jwk: Jwk): Jwk {
  const rank = (member: string) => (MEMBER_ORDER.includes(member) ? MEMBER_ORDER.indexOf(member) : MEMBER_ORDER.length)
  return Object.fromEntries(Object.entries(jwk).sort(([a], [b]) => rank(a) - rank(b))) as Jwk
}

// ---------------------------------------------------------------------------------------------
// Writing: JWK → SPKI / PKCS #8 → PEM

/**
 * A JWK as PEM: `PUBLIC KEY` (SPKI, RFC 5280 §4.1) or `PRIVATE KEY` (PKCS #8 v1, RFC 5958), in
 * 64-character lines (RFC 7468 §2). Throws TypeError for a JWK it cannot encode: an unknown
 * `kty`/`crv`/`alg`, or a member missing, not base64url, or of the wrong size.
 */
export function jwkToPem(jwk: Jwk, which: 'public' | 'private'): string {
  const algorithm = algorithmOfJwk(jwk)
  if (which === 'public') return armor('PUBLIC KEY', encodeSpkiDer(algorithm, publicKeyBytes(algorithm, jwk)))
  return armor('PRIVATE KEY', encodePkcs8Der(algorithm, privateKeyBytes(algorithm, jwk)))
}

function algorithmOfJwk(jwk: Jwk): KeyAlgorithm {
  const { kty, crv, alg } = jwk
  if (kty === 'RSA') return { kty }
  if (kty === 'EC' && typeof crv === 'string' && crv in EC_CURVES) return { kty, crv: crv as EcCurve }
  if (kty === 'OKP' && typeof crv === 'string' && crv in OKP_CURVES) return { kty, crv: crv as OkpCurve }
  if (kty === 'AKP' && typeof alg === 'string' && alg in ML_DSA) return { kty, alg: alg as MlDsa }
  const detail = kty === 'AKP' ? `alg "${String(alg)}"` : kty === 'EC' || kty === 'OKP' ? `crv "${String(crv)}"` : `kty "${String(kty)}"`
  throw new TypeError(`cannot encode a JWK with ${detail} as PEM: expected RSA, EC (P-256, P-384, P-521, secp256k1), OKP (Ed25519, Ed448, X25519, X448) or AKP (ML-DSA-44/65/87)`)
}

function encodeAlgorithm(algorithm: KeyAlgorithm): Uint8Array {
  switch (algorithm.kty) {
    case 'RSA':
      return encodeSequence(encodeOid(RSA_ENCRYPTION), encodeNull()) // RFC 3279 §2.3.1: parameters NULL
    case 'EC':
      return encodeSequence(encodeOid(EC_PUBLIC_KEY), encodeOid(EC_CURVES[algorithm.crv].oid))
    case 'OKP':
      return encodeSequence(encodeOid(OKP_CURVES[algorithm.crv].oid)) // RFC 8410 §3: parameters absent
    case 'AKP':
      return encodeSequence(encodeOid(ML_DSA[algorithm.alg].oid)) // RFC 9881 §2: parameters absent
  }
}

const encodeSpkiDer = (algorithm: KeyAlgorithm, publicKey: Uint8Array) => encodeSequence(encodeAlgorithm(algorithm), encodeBitString(publicKey))

/** PrivateKeyInfo (RFC 5958 §2, version 0): the private key DER goes inside an OCTET STRING. */
const encodePkcs8Der = (algorithm: KeyAlgorithm, privateKey: Uint8Array) =>
  encodeSequence(encodeInteger(0), encodeAlgorithm(algorithm), encodeOctetString(privateKey))

/** ECPrivateKey (RFC 5915 §3) without [0], which PKCS #8 carries in its AlgorithmIdentifier. */
function encodeEcPrivateKey(crv: EcCurve, d: Uint8Array, point?: Uint8Array): Uint8Array {
  const publicKey = point ? [encodeExplicit(1, encodeBitString(point))] : []
  return encodeSequence(encodeInteger(1), encodeOctetString(fitSize(d, EC_CURVES[crv].size, 'd')), ...publicKey)
}

function publicKeyBytes(algorithm: KeyAlgorithm, jwk: Jwk): Uint8Array {
  switch (algorithm.kty) {
    case 'RSA':
      return encodeSequence(encodeInteger(member(jwk, 'n')), encodeInteger(member(jwk, 'e')))
    case 'EC': {
      const { size } = EC_CURVES[algorithm.crv]
      return concatBytes(Uint8Array.of(0x04), fitSize(member(jwk, 'x'), size, 'x'), fitSize(member(jwk, 'y'), size, 'y'))
    }
    case 'OKP':
      return exactMember(jwk, 'x', OKP_CURVES[algorithm.crv].size)
    case 'AKP':
      return exactMember(jwk, 'pub', ML_DSA[algorithm.alg].publicKeySize)
  }
}

/** The contents of PKCS #8's privateKey OCTET STRING. */
function privateKeyBytes(algorithm: KeyAlgorithm, jwk: Jwk): Uint8Array {
  switch (algorithm.kty) {
    case 'RSA': {
      // RFC 8017 §A.1.2: version 0 (two primes), then n, e, d, p, q, dP, dQ, qInv.
      const members = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'].map((name) => encodeInteger(member(jwk, name)))
      return encodeSequence(encodeInteger(0), ...members)
    }
    case 'EC':
      return encodeEcPrivateKey(algorithm.crv, member(jwk, 'd'), publicKeyBytes(algorithm, jwk))
    case 'OKP':
      return encodeOctetString(exactMember(jwk, 'd', OKP_CURVES[algorithm.crv].size)) // RFC 8410 §7: CurvePrivateKey
    case 'AKP':
      return encodeImplicit(0, encodeOctetString(exactMember(jwk, 'priv', ML_DSA_SEED_SIZE))) // RFC 9881 §6: seed [0]
  }
}

function member(jwk: Jwk, name: string): Uint8Array {
  const value = jwk[name]
  if (typeof value !== 'string') throw new TypeError(`cannot encode the JWK as PEM: expected member "${name}" as a string, found ${value === undefined ? 'none' : typeof value}`)
  const bytes = decodeBase64urlStrict(value)
  if (bytes === undefined) throw new TypeError(`cannot encode the JWK as PEM: member "${name}" is not base64url without padding`)
  return bytes
}

function exactMember(jwk: Jwk, name: string, size: number): Uint8Array {
  const bytes = member(jwk, name)
  if (bytes.length !== size) throw new TypeError(`cannot encode the JWK as PEM: expected member "${name}" of ${size} bytes, found ${bytes.length}`)
  return bytes
}

/** RFC 7518 §6.2.1.2 wants full-size coordinates; a shorter one is padded, a longer one refused. */
function fitSize(bytes: Uint8Array, size: number, name: string): Uint8Array {
  if (bytes.length > size) throw new TypeError(`cannot encode the JWK as PEM: expected member "${name}" of at most ${size} bytes, found ${bytes.length}`)
  const out = new Uint8Array(size)
  out.set(bytes, size - bytes.length)
  return out
}

/** RFC 7468 §2: standard base64 with padding, lines of 64 characters, and a final newline. */
function armor(label: string, der: Uint8Array): string {
  const url = encodeBase64url(der)
  const base64 = url.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (url.length % 4)) % 4)
  const lines = base64.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}
