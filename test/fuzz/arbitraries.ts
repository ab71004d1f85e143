/**
 * Generators of hostile input: what people paste by mistake and what an attacker would try.
 *
 * Each is bounded, so no single case can take long: JSON text up to about 60,000 characters (the
 * 10,000-level nesting), token text up to about 170,000, key text up to a few kilobytes.
 * `SIZE_BOUNDS` says so and a test in fuzz.test.ts samples them against it.
 */
import fc from 'fast-check'
import { generateKeyPairSync } from 'node:crypto'
import { ALGORITHM_NAMES } from '../../src/jwt'

const b64 = (text: string) => Buffer.from(text).toString('base64url')

/** Strings with lone surrogates and control characters mixed in. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u0000', '\u202e', '\u200b', '\ufeff', '.', '"', '\\', '=', '+', '/')), { maxLength: 50 }).map((parts) => parts.join('')),
)

/** JSON text people and attackers write: valid, truncated, deeply nested, huge numbers, duplicates. */
export const jsonText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.json({ maxDepth: 4 }).map((text) => text.slice(0, Math.max(0, text.length - 1))),
  fc.integer({ min: 1, max: 10_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 10_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }).map((n) => `{"exp":${n},"n":${n}.5e999}`),
  fc.tuple(fc.constantFrom('alg', 'sub', 'exp'), fc.json({ maxDepth: 4 }), fc.json({ maxDepth: 4 })).map(([k, a, b]) => `{"${k}":${a},"${k}":${b}}`),
  nastyString.map((s) => JSON.stringify({ sub: s })),
)

/** Deepest nesting the issue names: every fuzz run includes it, not only when chance picks it. */
export const DEEP_JSON = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)
export const DEEP_ARRAY = '['.repeat(10_000) + ']'.repeat(10_000)
/** A token whose payload is DEEP_JSON. */
export const DEEP_TOKEN = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(DEEP_JSON)}.c2ln`

/** Token-shaped text: header.payload.signature with any of the above inside, and damaged forms. */
export const tokenText = fc.oneof(
  nastyString,
  fc.tuple(jsonText, jsonText, fc.uint8Array({ maxLength: 200 })).map(([h, p, s]) => `${b64(h)}.${b64(p)}.${Buffer.from(s).toString('base64url')}`),
  fc.tuple(fc.constantFrom(...ALGORITHM_NAMES), jsonText, fc.base64String({ maxLength: 300 })).map(([alg, p, s]) => `${b64(JSON.stringify({ alg }))}.${b64(p)}.${s}`),
  fc.tuple(fc.array(fc.base64String({ maxLength: 40 }), { maxLength: 7 }), fc.constantFrom('', 'Bearer ', '"', "'", 'Authorization: Bearer ', 'JWT ')).map(([parts, prefix]) => prefix + parts.join('.')),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => `${b64('{"alg":"HS256"}')}.${Buffer.from(bytes).toString('base64url')}.`),
)

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const ed = generateKeyPairSync('ed25519')
const pems = [
  rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
  ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
]
const jwks = [rsa.publicKey.export({ format: 'jwk' }), ec.privateKey.export({ format: 'jwk' }), ed.publicKey.export({ format: 'jwk' })] as Record<string, unknown>[]

/** Key text: real keys cut at random points, PEM under the wrong label, JWKs missing or adding members. */
export const keyText = fc.oneof(
  nastyString,
  fc.tuple(fc.constantFrom(...pems), fc.nat()).map(([pem, n]) => pem.slice(0, n % (pem.length + 1))),
  fc.tuple(fc.constantFrom(...pems), fc.constantFrom('CERTIFICATE', 'RSA PUBLIC KEY', 'EC PRIVATE KEY', 'X', 'ENCRYPTED PRIVATE KEY')).map(([pem, label]) => pem.replace(/(BEGIN|END) [A-Z ]+-----/g, `$1 ${label}-----`)),
  fc.tuple(fc.constantFrom(...jwks), fc.subarray(['kty', 'crv', 'x', 'y', 'n', 'e', 'd', 'p', 'q']), fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 })).map(([jwk, drop, extra]) => {
    const copy: Record<string, unknown> = { ...jwk, ...extra }
    for (const member of drop) delete copy[member]
    return JSON.stringify(copy)
  }),
  fc.array(fc.constantFrom(...jwks), { maxLength: 4 }).map((keys) => JSON.stringify({ keys })),
)

export const keyInput = fc.record({
  text: keyText,
  format: fc.constantFrom('auto', 'pem', 'jwk', 'jwks', 'secret') as fc.Arbitrary<'auto' | 'pem' | 'jwk' | 'jwks' | 'secret'>,
  encoding: fc.constantFrom('utf8', 'base64url', 'base64', 'hex') as fc.Arbitrary<'utf8' | 'base64url' | 'base64' | 'hex'>,
})

/** The longest text (in UTF-16 code units) each generator makes. */
export const SIZE_BOUNDS = { nastyString: 400, jsonText: 60_001, tokenText: 170_000, keyText: 20_000 } as const
