// @vitest-environment node
/**
 * Interoperability: tokens made by other implementations verify here, and ours verify there.
 * node:crypto (OpenSSL) covers RSA, RSA-PSS, ECDSA, EdDSA, ES256K and Ed448; PyJWT (Debian's
 * python3-jwt) covers what Python developers will paste.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { constants, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto'
import { signToken, verifyToken } from '../../src/jwt'
import { encodeBase64urlText } from '../../src/jwt/base64url'

type Case = { alg: string; hash: string | null; make: () => { privateKey: KeyObject; publicKey: KeyObject }; options?: object }
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 })
const ecCurve = (namedCurve: string) => () => generateKeyPairSync('ec', { namedCurve })
const pssOptions = (saltLength: number) => ({ padding: constants.RSA_PKCS1_PSS_PADDING, saltLength })

const CASES: Case[] = [
  { alg: 'RS256', hash: 'sha256', make: rsa },
  { alg: 'RS512', hash: 'sha512', make: rsa },
  { alg: 'PS256', hash: 'sha256', make: rsa, options: pssOptions(32) },
  { alg: 'PS384', hash: 'sha384', make: rsa, options: pssOptions(48) },
  { alg: 'ES256', hash: 'sha256', make: ecCurve('P-256'), options: { dsaEncoding: 'ieee-p1363' } },
  { alg: 'ES384', hash: 'sha384', make: ecCurve('P-384'), options: { dsaEncoding: 'ieee-p1363' } },
  { alg: 'ES512', hash: 'sha512', make: ecCurve('P-521'), options: { dsaEncoding: 'ieee-p1363' } },
  { alg: 'ES256K', hash: 'sha256', make: ecCurve('secp256k1'), options: { dsaEncoding: 'ieee-p1363' } },
  { alg: 'EdDSA', hash: null, make: () => generateKeyPairSync('ed25519') },
  { alg: 'Ed448', hash: null, make: () => generateKeyPairSync('ed448') },
]

const payload = '{"sub":"interop","iat":1700000000}'

describe('interoperability with node:crypto (OpenSSL)', () => {
  it.each(CASES)('$alg: OpenSSL signs, we verify; we sign, OpenSSL verifies', async ({ alg, hash, make, options = {} }) => {
    const { privateKey, publicKey } = make()
    const signingInput = `${encodeBase64urlText(JSON.stringify({ alg }))}.${encodeBase64urlText(payload)}`
    const theirs = nodeSign(hash, Buffer.from(signingInput), { key: privateKey, ...options })
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string
    expect((await verifyToken(`${signingInput}.${theirs.toString('base64url')}`, { text: publicPem })).valid).toBe(true)

    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const ours = await signToken({ alg }, payload, { text: privatePem })
    const [h, p, s] = ours.split('.')
    expect(nodeVerify(hash, Buffer.from(`${h}.${p}`), { key: publicKey, ...options }, Buffer.from(s!, 'base64url'))).toBe(true)
  })
})

/** Debian's interpreter has python3-jwt; the pyenv python first on PATH does not. */
const PYTHON = '/usr/bin/python3'
const hasPyJwt = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import jwt, cryptography'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (!hasPyJwt && process.env.CI) throw new Error(`PyJWT is missing: CI must install python3-jwt for ${PYTHON}`)

const python = (script: string, input: object) => execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(input) }).toString().trim()

const PY_SIGN = `
import json, sys, jwt
a = json.load(sys.stdin)
print(jwt.encode(a["payload"], a["key"], algorithm=a["alg"], headers=a.get("headers")))`

const PY_VERIFY = `
import json, sys, jwt
a = json.load(sys.stdin)
try:
    print(json.dumps(jwt.decode(a["token"], a["key"], algorithms=[a["alg"]], options={"verify_aud": False})))
except Exception as e:
    print(type(e).__name__ + ": " + str(e))`

describe.skipIf(!hasPyJwt)('interoperability with PyJWT', () => {
  const cases = [
    { alg: 'HS256', signKey: 'a-demo-secret-of-thirty-two-byte', verifyKey: 'a-demo-secret-of-thirty-two-byte' },
    ...(['RS256', 'PS512', 'ES256', 'ES384', 'EdDSA'] as const).map((alg) => {
      const pair = alg === 'EdDSA' ? generateKeyPairSync('ed25519') : alg.startsWith('ES') ? ecCurve(alg === 'ES256' ? 'P-256' : 'P-384')() : rsa()
      return { alg, signKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, verifyKey: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string }
    }),
  ]

  it.each(cases)('$alg: PyJWT signs, we verify; we sign, PyJWT verifies', async ({ alg, signKey, verifyKey }) => {
    const claims = { sub: 'py', n: 1 }
    const theirs = python(PY_SIGN, { payload: claims, key: signKey, alg, headers: { kid: 'k' } })
    expect(await verifyToken(theirs, { text: verifyKey })).toMatchObject({ valid: true, alg })

    const ours = await signToken({ alg, typ: 'JWT' }, claims, { text: signKey })
    expect(JSON.parse(python(PY_VERIFY, { token: ours, key: verifyKey, alg }))).toEqual(claims)
  })

  it('agrees with PyJWT that an RSA public key is refused as an HMAC secret', async () => {
    const pair = rsa()
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string
    const forged = await signToken({ alg: 'HS256' }, { sub: 'admin' }, { text: publicPem, format: 'secret' })
    expect(python(PY_VERIFY, { token: forged, key: publicPem, alg: 'HS256' })).toMatch(/^InvalidKeyError/)
    expect((await verifyToken(forged, { text: publicPem, format: 'secret' })).code).toBe('verify.algorithm-confusion')
  })
})

