// @vitest-environment node
/**
 * predictPyJwt against the real PyJWT 2.6.0 (Debian's python3-jwt), and runJose against jose's
 * jwtVerify called directly, over a corpus of tokens: every algorithm family crossed with the
 * claim, header, encoding and key situations people paste.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { constants, createHmac, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto'
import { createLocalJWKSet, errors, importJWK, importPKCS8, importSPKI, jwtVerify, type JWTVerifyOptions } from 'jose'
import type { KeyInput } from '../../src/jwt'
import { predictPyJwt, runJose, type Expectations, type LibraryOutcome } from '../../src/jwt/libraries'
import { nobleGenerateKey, nobleSign } from '../../src/jwt/noble'
import { PYTHON, pyJwtVersion } from '../fixtures/pyjwt'


// Claim times are hours away from now, so PyJWT's own clock cannot flip an outcome.
const NOW = Math.floor(Date.now() / 1000)
const HOUR = 3600

// --- Keys and signers ---------------------------------------------------------------------------

const SECRET = 'a-demo-secret-of-sixty-four-bytes-so-that-HS512-is-happy-too!!!!'
const pem = (key: KeyObject) => key.export({ type: key.type === 'private' ? 'pkcs8' : 'spki', format: 'pem' }) as string
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const rsaOther = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ec = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve })
const p256 = ec('P-256')
const p256Other = ec('P-256')
const p384 = ec('P-384')
const p521 = ec('P-521')
const k256 = ec('secp256k1')
const ed25519 = generateKeyPairSync('ed25519')
const ed25519Other = generateKeyPairSync('ed25519')
const ed448 = generateKeyPairSync('ed448')
const mldsa = nobleGenerateKey('ML-DSA-44')

type Signer = (input: Buffer) => Buffer
const hmacSigner = (hash: string, secret: string | Buffer): Signer => (input) => createHmac(hash, secret).update(input).digest()
const rsaSigner = (hash: string, key: KeyObject): Signer => (input) => nodeSign(hash, input, key)
const pssSigner = (hash: string, saltLength: number): Signer => (input) => nodeSign(hash, input, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength })
const ecSigner = (hash: string, key: KeyObject): Signer => (input) => nodeSign(hash, input, { key, dsaEncoding: 'ieee-p1363' })
const edSigner = (key: KeyObject): Signer => (input) => nodeSign(null, input, key)

interface Family {
  readonly alg: string
  readonly sign: Signer
  /** The key text the page passes: the secret, or the public PEM. */
  readonly key: string
  /** Another key of the same kind, for the wrong-key case. */
  readonly otherKey: string
}

const FAMILIES: readonly Family[] = [
  ...(['256', '384', '512'] as const).map((bits) => ({ alg: `HS${bits}`, sign: hmacSigner(`sha${bits}`, SECRET), key: SECRET, otherKey: 'another-secret' })),
  ...(['256', '384', '512'] as const).map((bits) => ({ alg: `RS${bits}`, sign: rsaSigner(`sha${bits}`, rsa.privateKey), key: pem(rsa.publicKey), otherKey: pem(rsaOther.publicKey) })),
  ...(['256', '384', '512'] as const).map((bits) => ({ alg: `PS${bits}`, sign: pssSigner(`sha${bits}`, Number(bits) / 8), key: pem(rsa.publicKey), otherKey: pem(rsaOther.publicKey) })),
  { alg: 'ES256', sign: ecSigner('sha256', p256.privateKey), key: pem(p256.publicKey), otherKey: pem(p256Other.publicKey) },
  { alg: 'ES384', sign: ecSigner('sha384', p384.privateKey), key: pem(p384.publicKey), otherKey: pem(p256.publicKey) },
  { alg: 'ES512', sign: ecSigner('sha512', p521.privateKey), key: pem(p521.publicKey), otherKey: pem(p384.publicKey) },
  { alg: 'ES256K', sign: ecSigner('sha256', k256.privateKey), key: pem(k256.publicKey), otherKey: pem(p256.publicKey) },
  { alg: 'EdDSA', sign: edSigner(ed25519.privateKey), key: pem(ed25519.publicKey), otherKey: pem(ed25519Other.publicKey) },
  { alg: 'Ed448', sign: edSigner(ed448.privateKey), key: pem(ed448.publicKey), otherKey: pem(ed25519.publicKey) },
  { alg: 'ML-DSA-44', sign: (input) => Buffer.from(nobleSign('ML-DSA-44', mldsa.privateJwk, input)), key: JSON.stringify(mldsa.publicJwk), otherKey: SECRET },
]

// --- Tokens -----------------------------------------------------------------------------------

const b64 = (text: string) => Buffer.from(text).toString('base64url')
const json = (value: string | object) => (typeof value === 'string' ? value : JSON.stringify(value))

/** A compact JWS of exactly this header and payload text (raw JSON allowed: NaN, duplicates). */
function makeToken(sign: Signer, header: string | object, payload: string | object, unencodedPayload = false): string {
  const input = `${b64(json(header))}.${unencodedPayload ? json(payload) : b64(json(payload))}`
  return `${input}.${sign(Buffer.from(input)).toString('base64url')}`
}

/** Appends characters until the segment is 4n+1 long, which no base64 text can be. */
const dangling = (segment: string) => segment + 'A'.repeat(((1 - (segment.length % 4)) + 4) % 4 || 4)
const withPart = (token: string, index: number, change: (segment: string) => string) => token.split('.').map((s, i) => (i === index ? change(s) : s)).join('.')

interface Case {
  readonly name: string
  readonly token: string
  readonly key: KeyInput
  readonly expectations: Expectations
}

const valid = { sub: 'user', iat: NOW - HOUR, exp: NOW + HOUR }

interface Situation {
  readonly name: string
  readonly header?: string | object
  readonly payload?: string | object
  readonly expectations?: Expectations
  readonly change?: (token: string) => string
  readonly key?: (family: Family) => string
  readonly unencodedPayload?: boolean
  readonly algorithms?: (family: Family) => string[]
}

const SITUATIONS: readonly Situation[] = [
  { name: 'valid' },
  { name: 'expired', payload: { ...valid, exp: NOW - 2 * HOUR } },
  { name: 'expired within leeway', payload: { ...valid, exp: NOW - 600 }, expectations: { leeway: 2 * HOUR } },
  { name: 'not yet valid (nbf)', payload: { ...valid, nbf: NOW + 2 * HOUR } },
  { name: 'iat in the future', payload: { ...valid, iat: NOW + 2 * HOUR } },
  { name: 'wrong issuer', payload: { ...valid, iss: 'https://evil.example' }, expectations: { issuer: 'https://issuer.example' } },
  { name: 'missing issuer with issuer expected', expectations: { issuer: 'https://issuer.example' } },
  { name: 'wrong audience', payload: { ...valid, aud: 'other' }, expectations: { audience: 'api' } },
  { name: 'aud present but no audience expected', payload: { ...valid, aud: 'api' } },
  { name: 'aud as a list', payload: { ...valid, aud: ['web', 'api'] }, expectations: { audience: 'api' } },
  { name: 'missing required claim', expectations: { required: ['sub', 'jti'] } },
  { name: 'exp as an ISO date string', payload: { ...valid, exp: '2030-01-01T00:00:00Z' } },
  { name: 'exp as a numeric string', payload: { ...valid, exp: String(NOW + HOUR) } },
  { name: 'exp as null', payload: { ...valid, exp: null } },
  { name: 'exp as a float', payload: { ...valid, exp: NOW + HOUR + 0.5 } },
  { name: 'crit with an unknown member', header: { 'x-policy': 'strict', crit: ['x-policy'] } },
  { name: 'b64 false', header: { b64: false, crit: ['b64'] }, payload: '{"sub":"user"}', unencodedPayload: true },
  { name: 'alg not in algorithms', algorithms: (f) => (f.alg === 'HS256' ? ['RS256'] : ['HS256']) },
  { name: 'alg none', header: { alg: 'none' }, change: (t) => `${t.slice(0, t.lastIndexOf('.'))}.` },
  { name: 'wrong key', key: (f) => f.otherKey },
  { name: 'tampered payload', change: (t) => withPart(t, 1, () => b64(JSON.stringify({ ...valid, sub: 'admin' }))) },
  { name: 'kid that is not a string', header: { kid: 7 } },
  { name: 'header that is not an object', header: '["HS256"]' },
  { name: 'payload that is not an object', payload: '[1,2]' },
  { name: 'header with a dangling base64 character', change: (t) => withPart(t, 0, dangling) },
  { name: 'payload with a dangling base64 character', change: (t) => withPart(t, 1, dangling) },
  { name: 'signature with a dangling base64 character', change: (t) => withPart(t, 2, dangling) },
  { name: 'padding inside the header', change: (t) => withPart(t, 0, (s) => `${s.slice(0, 6)}=${s.slice(6)}`) },
  { name: 'padding after the payload', change: (t) => withPart(t, 1, (s) => `${s}==`) },
  { name: 'a stray character in the signature', change: (t) => withPart(t, 2, (s) => `${s.slice(0, 4)}!${s.slice(4)}`) },
  { name: 'too few segments', change: (t) => t.slice(0, t.lastIndexOf('.')) },
  { name: 'exp NaN (Python json accepts it)', payload: `{"sub":"user","exp":NaN}` },
  { name: 'exp 1e400 (float infinity)', payload: `{"sub":"user","exp":1e400}` },
  { name: 'duplicate exp, the last one expired', payload: `{"sub":"user","exp":${NOW + HOUR},"exp":${NOW - HOUR}}` },
  { name: 'exp true', payload: { sub: 'user', exp: true } },
  { name: 'iat as a numeric string', payload: { ...valid, iat: String(NOW - HOUR) } },
  { name: 'iat as an ISO date string', payload: { ...valid, iat: '2020-01-01T00:00:00Z' } },
  { name: 'nbf as a list', payload: { ...valid, nbf: [NOW] } },
  { name: 'required claim that is null', payload: { ...valid, jti: null }, expectations: { required: ['jti'] } },
]

function situationCase(family: Family, s: Situation): Case {
  const header = typeof s.header === 'string' ? s.header : { alg: family.alg, typ: 'JWT', ...s.header }
  const sign: Signer = typeof header === 'object' && header.alg === 'none' ? () => Buffer.alloc(0) : family.sign
  const token = makeToken(sign, header, s.payload ?? valid, s.unencodedPayload)
  const isNone = typeof header === 'object' && header.alg === 'none'
  return {
    name: `${family.alg}: ${s.name}`,
    token: s.change ? s.change(token) : token,
    key: { text: isNone ? '' : (s.key ?? (() => family.key))(family) },
    expectations: { algorithms: isNone ? ['none'] : (s.algorithms?.(family) ?? [family.alg]), now: NOW, ...s.expectations },
  }
}

const hs = FAMILIES[0]!
const rs = FAMILIES[3]!
const es = FAMILIES[9]!
const ed = FAMILIES[13]!
const rsaPublicPem = pem(rsa.publicKey)
const base = (family: Family, name: string, key: string, expectations: Expectations = {}, token = makeToken(family.sign, { alg: family.alg, typ: 'JWT' }, valid)): Case => ({
  name: `${family.alg}: ${name}`,
  token,
  key: { text: key },
  expectations: { algorithms: [family.alg], now: NOW, ...expectations },
})
const jwk = (key: KeyObject, extra: object = {}) => JSON.stringify({ ...key.export({ format: 'jwk' }), ...extra })

/** Key handling and options that differ between the libraries. */
const KEY_CASES: readonly Case[] = [
  base(hs, 'algorithm confusion: signed with the RSA public PEM as secret', rsaPublicPem, {}, makeToken(hmacSigner('sha256', rsaPublicPem), { alg: 'HS256' }, valid)),
  base(rs, 'algorithm confusion token verified as RS256', rsaPublicPem, {}, makeToken(hmacSigner('sha256', rsaPublicPem), { alg: 'HS256' }, valid)),
  base(hs, 'secret given as an oct JWK', JSON.stringify({ kty: 'oct', k: b64(SECRET) })),
  base(hs, 'an SSH public key as secret', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ demo'),
  base(hs, 'an empty secret', '', {}, makeToken(hmacSigner('sha256', Buffer.alloc(0)), { alg: 'HS256' }, valid)),
  base(hs, 'no algorithms given', SECRET, { algorithms: undefined }),
  base(hs, 'an empty algorithms list', SECRET, { algorithms: [] }),
  base(hs, 'audience expected as a list', SECRET, { audience: ['web', 'api'] }, makeToken(hs.sign, { alg: 'HS256' }, { ...valid, aud: 'api' })),
  base(hs, 'typ expected but different', SECRET, { typ: 'at+jwt' }),
  base(hs, 'an aud claim with the audience check turned off', SECRET, { verifyAud: false }, makeToken(hs.sign, { alg: 'HS256' }, { ...valid, aud: 'api' })),
  base(hs, 'an audience expected with the audience check turned off', SECRET, { verifyAud: false, audience: 'web', required: ['exp'] }, makeToken(hs.sign, { alg: 'HS256' }, { ...valid, aud: 'api' })),
  base(hs, 'a fractional leeway', SECRET, { leeway: 0.5 }, makeToken(hs.sign, { alg: 'HS256' }, { ...valid, iat: String(NOW) })),
  base(rs, 'the private PEM given as key', pem(rsa.privateKey)),
  base(rs, 'an EC public PEM given as key', pem(p256.publicKey)),
  base(rs, 'an Ed25519 public PEM given as key', pem(ed25519.publicKey)),
  base(rs, 'a JWK given as key', jwk(rsa.publicKey)),
  base(rs, 'a JWK set given as key', JSON.stringify({ keys: [JSON.parse(jwk(rsa.publicKey, { kid: 'a' }))] })),
  base(es, 'an RSA public PEM given as key', rsaPublicPem),
  base(es, 'the private PEM given as key', pem(p256.privateKey)),
  base(es, 'a P-384 key for an ES256 token', pem(p384.publicKey)),
  base(es, 'ES384 header signed by a P-256 key with SHA-384', pem(p256.publicKey), { algorithms: ['ES384'] }, makeToken(ecSigner('sha384', p256.privateKey), { alg: 'ES384' }, valid)),
  base(es, 'the ES521 alias', pem(p521.publicKey), { algorithms: ['ES521'] }, makeToken(ecSigner('sha512', p521.privateKey), { alg: 'ES521' }, valid)),
  base(es, 'a JWK set given as key', JSON.stringify({ keys: [JSON.parse(jwk(p256.publicKey))] })),
  base(ed, 'an RSA public PEM given as key', rsaPublicPem),
  base(ed, 'the private PEM given as key', pem(ed25519.privateKey)),
  base(ed, 'a JWK given as key', jwk(ed25519.publicKey)),
  base(ed, 'an Ed448 key under EdDSA', pem(ed448.publicKey), {}, makeToken(edSigner(ed448.privateKey), { alg: 'EdDSA' }, valid)),
  base(hs, 'a token of one segment', SECRET, {}, 'eyJhbGciOiJIUzI1NiJ9'),
  base(hs, 'an empty token', SECRET, {}, ''),
  base(hs, 'five segments (a JWE)', SECRET, {}, `${b64('{"alg":"dir","enc":"A128GCM"}')}..AAAA.BBBB.CCCC`),
  base(hs, 'a header that is not JSON', SECRET, {}, makeToken(hs.sign, '{"alg":"HS256",}', valid)),
  base(hs, 'a header with NaN', SECRET, {}, makeToken(hs.sign, '{"alg":"HS256","x":NaN}', valid)),
  base(hs, 'a payload that is not JSON', SECRET, {}, makeToken(hs.sign, { alg: 'HS256' }, 'hello')),
  base(hs, 'crit that is not a list', SECRET, {}, makeToken(hs.sign, { alg: 'HS256', crit: 'b64' }, valid)),
  base(hs, 'b64 false without crit', SECRET, {}, makeToken(hs.sign, { alg: 'HS256', b64: false }, '{"a":1}', true)),
  base(hs, 'a huge integer exp', SECRET, {}, makeToken(hs.sign, { alg: 'HS256' }, `{"exp":1${'0'.repeat(40)}}`)),
  base(hs, 'an empty aud with no audience expected', SECRET, {}, makeToken(hs.sign, { alg: 'HS256' }, { ...valid, aud: '' })),
  base(hs, 'aud as a number', SECRET, { audience: 'api' }, makeToken(hs.sign, { alg: 'HS256' }, { ...valid, aud: 5 })),
  ...edgeCases(),
]

/** Python's lenient base64 and json, int() on strings, and header checks, one token each. */
function edgeCases(): Case[] {
  const token = (payload: string | object, header: string | object = { alg: 'HS256' }) => makeToken(hs.sign, header, payload)
  const edge = (name: string, t: string, expectations: Expectations = {}, key = SECRET) => base(hs, name, key, expectations, t)
  const good = token(valid)
  const standardBase64 = (s: string) => Buffer.from(s, 'base64url').toString('base64')
  return [
    edge('signature in standard base64 with padding', withPart(good, 2, standardBase64)),
    edge('a token wrapped across lines', `${good.slice(0, 20)}\n${good.slice(20)}`),
    edge('a space inside the payload', withPart(good, 1, (s) => `${s.slice(0, 8)} ${s.slice(8)}`)),
    edge('four segments', withPart(good, 1, (s) => `${s}.AAAA`)),
    edge('a non-ASCII character in the header', withPart(good, 0, (s) => `${s}é`)),
    edge('a header with a UTF-8 byte order mark', token(valid, '\ufeff{"alg":"HS256"}')),
    edge('a header that is not UTF-8', `${Buffer.from([0xff, 0xfe, 0x41]).toString('base64url')}.${good.split('.').slice(1).join('.')}`),
    edge('a header without alg', token(valid, {})),
    edge('alg as a list', token(valid, { alg: ['HS256'] })),
    edge('alg differing in case', token(valid, { alg: 'hs256' }), { algorithms: ['hs256'] }),
    edge('crit naming b64 without a b64 member', token(valid, { alg: 'HS256', crit: ['b64'] })),
    edge('an empty crit list', token(valid, { alg: 'HS256', crit: [] })),
    edge('crit with a number', token(valid, { alg: 'HS256', crit: [1] })),
    edge('a kid that is null', token(valid, { alg: 'HS256', kid: null })),
    edge('a payload with a trailing comma in a list', token('{"a":[1,]}')),
    edge('a payload with a leading zero', token('{"exp":01}')),
    edge('a payload with a lone surrogate escape', token('{"sub":"\\ud800"}')),
    edge('an integer of 5000 digits', token(`{"n":${'9'.repeat(5000)}}`)),
    edge('a payload with a raw control character', token('{"sub":"a\u0001b"}')),
    edge('a payload that is only a string', token('"claims"')),
    edge('exp with spaces around the digits', token({ exp: ` ${NOW + HOUR} ` })),
    edge('exp with underscores between digits', token({ exp: String(NOW + HOUR).replace(/(\d{3})(?=\d)/g, '$1_') })),
    edge('exp as a negative numeric string', token({ exp: '-5' })),
    edge('exp as a decimal string', token({ exp: `${NOW + HOUR}.5` })),
    edge('exp as an object', token({ exp: { at: NOW } })),
    edge('exp a fraction of a second in the past', token({ exp: NOW - 0.25 })),
    edge('nbf NaN', token('{"nbf":NaN}')),
    edge('iat Infinity', token('{"iat":Infinity}')),
    edge('iat -Infinity', token('{"iat":-Infinity}')),
    edge('iat false', token({ iat: false })),
    edge('iat in the future within leeway', token({ iat: NOW + 600 }), { leeway: HOUR }),
    edge('nbf in the future within leeway', token({ nbf: NOW + 600 }), { leeway: HOUR }),
    edge('iss that is a number', token({ iss: 5 }), { issuer: '5' }),
    edge('iss null with an issuer expected', token({ iss: null }), { issuer: 'x' }),
    edge('an empty aud list with an audience expected', token({ aud: [] }), { audience: 'api' }),
    edge('aud mixing strings and numbers', token({ aud: ['api', 5] }), { audience: 'api' }),
    edge('aud as an object with no audience expected', token({ aud: { a: 1 } })),
    edge('an empty audience list expected', token({ aud: 'api' }), { audience: [] }),
    edge('required exp missing', token({ sub: 'x' }), { required: ['exp'] }),
    edge('several claims wrong: iss checked after exp', token({ exp: NOW - HOUR, iss: 'evil', aud: 'other' }), { issuer: 'good', audience: 'api' }),
    edge('required claim checked before exp', token({ exp: NOW - HOUR }), { required: ['jti'] }),
    edge('iat checked before nbf', token({ iat: NOW + 2 * HOUR, nbf: NOW + 2 * HOUR })),
    edge('alg none with a key given', `${b64('{"alg":"none"}')}.${b64(JSON.stringify(valid))}.`, { algorithms: ['none'] }),
    base(rs, 'a PKCS#1 RSA public key PEM', rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string),
    base(rs, 'an RSA private key in PKCS#1 PEM', rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string),
    base(es, 'an EC private key in SEC1 PEM', p256.privateKey.export({ type: 'sec1', format: 'pem' }) as string),
    base(ed, 'an EC private PKCS#8 PEM', pem(p256.privateKey)),
    base(ed, 'an Ed448 token checked with an Ed25519 key', pem(ed25519.publicKey), {}, makeToken(edSigner(ed448.privateKey), { alg: 'EdDSA' }, valid)),
    base(es, 'an ES256K token accepted as ES256', pem(k256.publicKey), { algorithms: ['ES256'] }, makeToken(ecSigner('sha256', k256.privateKey), { alg: 'ES256' }, valid)),
  ]
}

const CORPUS: readonly Case[] = [...FAMILIES.flatMap((family) => SITUATIONS.map((s) => situationCase(family, s))), ...KEY_CASES]

// --- PyJWT, for real, in one process ---------------------------------------------------------------

const PY_DECODE = `
import json, sys, jwt
results = []
for case in json.load(sys.stdin):
    try:
        jwt.decode(case["token"], case["key"], **case["kwargs"])
        results.append({"error": None, "message": "returns the payload"})
    except Exception as e:
        results.append({"error": type(e).__name__, "message": str(e)})
print(json.dumps(results))`

/** The keyword arguments exactly as the page's Python call passes them. */
function pyKwargs(e: Expectations): Record<string, unknown> {
  return {
    ...(e.algorithms !== undefined && { algorithms: e.algorithms }),
    ...(e.audience !== undefined && { audience: e.audience }),
    ...(e.issuer !== undefined && { issuer: e.issuer }),
    leeway: e.leeway ?? 0,
    ...((e.required !== undefined || e.verifyAud === false) && { options: { ...(e.required !== undefined && { require: e.required }), ...(e.verifyAud === false && { verify_aud: false }) } }),
  }
}

function runPyJwt(cases: readonly Case[]): { error: string | null; message: string }[] {
  const input = JSON.stringify(cases.map((c) => ({ token: c.token, key: c.key.text, kwargs: pyKwargs(c.expectations) })))
  return JSON.parse(execFileSync(PYTHON, ['-c', PY_DECODE], { input, maxBuffer: 64 * 1024 * 1024 }).toString())
}

/** Messages that carry Python's or OpenSSL's details are compared by their fixed start. */
function messagesAgree(actual: string, predicted: string, error: string | null): boolean {
  if (actual === predicted) return true
  for (const prefix of ['Invalid header string: ', 'Invalid payload string: ']) {
    if (actual.startsWith(prefix) && predicted.startsWith(prefix) && !actual.endsWith('must be a json object') && !predicted.endsWith('must be a json object')) return true
  }
  return error === 'ValueError' && actual.includes(predicted)
}

// --- jose, called directly ----------------------------------------------------------------------

const JOSE_CLASSES = new Map(Object.values(errors).map((errorClass) => [errorClass.code, errorClass.name]))

async function joseDirect(c: Case): Promise<{ error?: string; message: string }> {
  const e = c.expectations
  const options: JWTVerifyOptions = {
    algorithms: e.algorithms ? [...e.algorithms] : undefined,
    audience: e.audience === undefined ? undefined : typeof e.audience === 'string' ? e.audience : [...e.audience],
    issuer: e.issuer,
    clockTolerance: e.leeway ?? 0,
    requiredClaims: e.required ? [...e.required] : undefined,
    typ: e.typ,
    currentDate: e.now === undefined ? undefined : new Date(e.now * 1000),
  }
  const text = c.key.text
  try {
    if (text.includes('"keys"')) await jwtVerify(c.token, createLocalJWKSet(JSON.parse(text)), options)
    else if (text.startsWith('{')) await jwtVerify(c.token, async (h) => importJWK(JSON.parse(text), h.alg), options)
    else if (text.includes('PRIVATE KEY-----')) await jwtVerify(c.token, async (h) => importPKCS8(text, h.alg), options)
    else if (text.includes('-----BEGIN')) await jwtVerify(c.token, async (h) => importSPKI(text, h.alg), options)
    else await jwtVerify(c.token, new TextEncoder().encode(text), options)
    return { message: 'returns the payload' }
  } catch (error) {
    // Unminified here, so the class name is the truth the code map must reproduce.
    // A WebCrypto DOMException is told apart by its name (DataError, NotSupportedError).
    const err = error as Error & { code?: unknown }
    const joseClass = typeof err.code === 'string' ? JOSE_CLASSES.get(err.code) : undefined
    return { error: joseClass ?? (err instanceof DOMException ? err.name : err.constructor.name), message: err.message }
  }
}

// --- The proofs ----------------------------------------------------------------------------------

const describeOutcome = (o: { error?: string | null; message: string }) => (o.error ? `${o.error}: ${o.message}` : o.message)

describe('the corpus', () => {
  it('holds at least 200 tokens with distinct names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200)
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length)
  })
})

describe.skipIf(pyJwtVersion !== '2.6.0')(`predictPyJwt agrees with PyJWT ${pyJwtVersion ?? '(not installed for /usr/bin/python3: skipped)'}`, () => {
  it('predicts the exception class (and fixed message) PyJWT raises for every token in the corpus', async () => {
    const actual = runPyJwt(CORPUS)
    const mismatches: string[] = []
    for (const [i, c] of CORPUS.entries()) {
      const predicted = await predictPyJwt(c.token, c.key, c.expectations)
      const real = actual[i]!
      const sameClass = (predicted.error ?? null) === real.error
      if (!sameClass || !messagesAgree(real.message, predicted.message, real.error)) {
        mismatches.push(`${c.name}\n    PyJWT:     ${describeOutcome(real)}\n    predicted: ${describeOutcome(predicted)}`)
      }
    }
    expect(mismatches.join('\n'), `${mismatches.length} of ${CORPUS.length} predictions differ`).toBe('')
  }, 120_000)
})

describe('runJose', () => {
  it('reports what calling jwtVerify directly does, for every token in the corpus', async () => {
    const mismatches: string[] = []
    for (const c of CORPUS) {
      const ran = await runJose(c.token, c.key, c.expectations)
      const direct = await joseDirect(c)
      if (ran.error !== direct.error || ran.message !== direct.message) mismatches.push(`${c.name}\n    jwtVerify: ${describeOutcome(direct)}\n    runJose:   ${describeOutcome(ran)}`)
    }
    expect(mismatches.join('\n'), `${mismatches.length} of ${CORPUS.length} outcomes differ`).toBe('')
  }, 120_000)
})

// --- Focused examples ----------------------------------------------------------------------------

const hsToken = (payload: object | string, header: object = { alg: 'HS256', typ: 'JWT' }) => makeToken(hs.sign, header, payload)
const secret: KeyInput = { text: SECRET }
const expectOutcome = (outcome: LibraryOutcome, expected: Partial<LibraryOutcome>) => expect(outcome).toMatchObject(expected)

describe('predictPyJwt', () => {
  it('shows the exact Python call it predicts', async () => {
    const outcome = await predictPyJwt(hsToken(valid), secret, { algorithms: ['HS256'], audience: 'api', leeway: 0, now: NOW })
    expect(outcome.call).toBe('jwt.decode(token, key, algorithms=["HS256"], audience="api", leeway=0)')
  })

  it('says PyJWT refuses an aud claim when no audience is expected', async () => {
    expectOutcome(await predictPyJwt(hsToken({ ...valid, aud: 'api' }), secret, { algorithms: ['HS256'], now: NOW }), {
      outcome: 'raises',
      error: 'InvalidAudienceError',
      message: 'Invalid audience',
    })
  })

  it('says the token expired before it looks at the issuer', async () => {
    const outcome = await predictPyJwt(hsToken({ exp: NOW - 180, iss: 'evil' }), secret, { algorithms: ['HS256'], issuer: 'good', now: NOW })
    expectOutcome(outcome, { error: 'ExpiredSignatureError', message: 'Signature has expired' })
    expect(outcome.why).toContain('expired 3 minutes ago')
  })

  it('predicts a TypeError escaping PyJWT for an iat given as a numeric string', async () => {
    expectOutcome(await predictPyJwt(hsToken({ iat: '1700000000' }), secret, { algorithms: ['HS256'], now: NOW }), {
      error: 'TypeError',
      message: "'>' not supported between instances of 'str' and 'int'",
    })
  })

  it('requires the algorithms argument', async () => {
    expectOutcome(await predictPyJwt(hsToken(valid), secret, { now: NOW }), { error: 'DecodeError' })
  })

  it('keeps the last of duplicate claims, as a Python dict does', async () => {
    expectOutcome(await predictPyJwt(hsToken(`{"exp":${NOW - HOUR},"exp":${NOW + HOUR}}`), secret, { algorithms: ['HS256'], now: NOW }), { outcome: 'returns' })
  })

  it('accepts a signature in standard base64 with padding, as Python decodes it leniently', async () => {
    const token = withPart(hsToken(valid), 2, (s) => Buffer.from(s, 'base64url').toString('base64'))
    expectOutcome(await predictPyJwt(token, secret, { algorithms: ['HS256'], now: NOW }), { outcome: 'returns' })
  })

  it('accepts ES256K, which PyJWT 2.6 implements and jose does not', async () => {
    const es256k = FAMILIES[12]!
    const token = makeToken(es256k.sign, { alg: 'ES256K' }, valid)
    expectOutcome(await predictPyJwt(token, { text: es256k.key }, { algorithms: ['ES256K'], now: NOW }), { outcome: 'returns' })
  })

  it('says PyJWT does not check typ when a typ is expected', async () => {
    const outcome = await predictPyJwt(hsToken(valid), secret, { algorithms: ['HS256'], typ: 'at+jwt', now: NOW })
    expect(outcome.why).toContain('no option to check typ')
  })

  it('refuses a PEM public key as an HMAC secret', async () => {
    const token = makeToken(hmacSigner('sha256', rsaPublicPem), { alg: 'HS256' }, valid)
    expectOutcome(await predictPyJwt(token, { text: rsaPublicPem }, { algorithms: ['HS256'], now: NOW }), { error: 'InvalidKeyError' })
  })
})

describe('runJose', () => {
  it('names an expired token JWTExpired, by its error code', async () => {
    expectOutcome(await runJose(hsToken({ exp: NOW - HOUR }), secret, { algorithms: ['HS256'], now: NOW }), {
      library: 'jose 6',
      outcome: 'raises',
      error: 'JWTExpired',
      message: '"exp" claim timestamp check failed',
    })
  })

  it('names an algorithm outside the list JOSEAlgNotAllowed', async () => {
    expectOutcome(await runJose(hsToken(valid), secret, { algorithms: ['RS256'], now: NOW }), { error: 'JOSEAlgNotAllowed' })
  })

  it('reports the key import failure for ES256K, which jose does not support', async () => {
    const outcome = await runJose(makeToken(FAMILIES[12]!.sign, { alg: 'ES256K' }, valid), { text: FAMILIES[12]!.key }, { algorithms: ['ES256K'], now: NOW })
    expect(outcome.outcome).toBe('raises')
    expect(['JOSENotSupported', 'TypeError']).toContain(outcome.error)
  })

  it('returns the payload for a valid token and shows the call with its options', async () => {
    const outcome = await runJose(hsToken(valid), secret, { algorithms: ['HS256'], leeway: 30, now: NOW })
    expectOutcome(outcome, { outcome: 'returns', message: 'returns the payload' })
    expect(outcome.call).toMatch(/^jwtVerify\(token, new TextEncoder\(\)\.encode\(secret\), \{ algorithms: \["HS256"\], clockTolerance: 30, currentDate: new Date\(".*"\) \}\)$/)
  })
})
