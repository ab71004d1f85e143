// @vitest-environment node
/**
 * codeSnippets: the Python program is run by the real PyJWT 2.6.0 (Debian's python3-jwt), the
 * Node one by jose from node_modules, and the curl one by sh, with keys in a temporary folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { execFileSync, spawnSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { signToken } from '../../src/jwt/sign'
import type { SecretEncoding } from '../../src/jwt/keys'
import { codeSnippets, jsString, pythonString, shellWord, SNIPPET_KEY_FILES, type SnippetExpectations, type SnippetInput, type SnippetKeyKind } from '../../src/jwt/snippets'
import { PYTHON, pyJwtVersion } from '../fixtures/pyjwt'


/** The repository root: `import ... from 'jose'` in the Node program resolves from here. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

// Claim times are an hour away from now, so the programs' own clocks cannot flip an outcome.
const NOW = Math.floor(Date.now() / 1000)
const HOUR = 3600

const ISSUER = 'https://issuer.example'
/** Ends a string in Python, JavaScript or sh if quoted naively, and runs commands if evaluated. */
const HOSTILE = `a"b'c\\"\n"""''' \${process.exit(7)} $(touch pwned) \`touch pwned\` \u202e\u2028\u{e0041}\ud800 😀`

const claims = (extra: object = {}) => ({ iss: ISSUER, aud: 'api', sub: 'user-1', iat: NOW - 60, nbf: NOW - 60, exp: NOW + HOUR, ...extra })
const expectations: SnippetExpectations = { issuer: ISSUER, audience: 'api', leeway: 30, required: ['exp', 'iat', 'sub'], typ: 'JWT' }

// --- Keys, tokens and the places the programs read them from -----------------------------------

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'snippets-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const privatePem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }) as string
const SECRET = 'a-demo-secret-that-is-long-enough-for-HS256!'
// The last three bytes are "--__" in base64url, and 35 bytes leave the text unpadded.
const SECRET_BYTES = Buffer.concat([randomBytes(32), Buffer.from([0xfb, 0xef, 0xff])])
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const p256Old = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const publicJwk = (key: KeyObject, kid: string) => ({ ...key.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' })

interface Case {
  readonly name: string
  readonly alg: string
  readonly keyKind: SnippetKeyKind
  readonly secretEncoding?: SecretEncoding
  readonly expectations: SnippetExpectations
  /** Signs claims with this case's key, under a header with typ JWT (and kid, for the JWKS). */
  readonly sign: (payload: object) => Promise<string>
  /** The key file to write under its default name, or the secret to pass in JWT_SECRET. */
  readonly file?: { readonly name: string; readonly text: string; readonly variable: string }
  readonly secret?: string
}

const CASES: readonly Case[] = [
  {
    name: 'HS256 with a UTF-8 secret',
    alg: 'HS256',
    keyKind: 'secret',
    expectations,
    secret: SECRET,
    sign: (payload) => signToken({ alg: 'HS256', typ: 'JWT' }, payload, { text: SECRET, format: 'secret' }),
  },
  {
    name: 'HS256 with a base64url secret',
    alg: 'HS256',
    keyKind: 'secret',
    secretEncoding: 'base64url',
    expectations,
    secret: SECRET_BYTES.toString('base64url'),
    sign: (payload) => signToken({ alg: 'HS256', typ: 'JWT' }, payload, { text: SECRET_BYTES.toString('base64url'), format: 'secret', encoding: 'base64url' }),
  },
  {
    name: 'RS256 with a public PEM',
    alg: 'RS256',
    keyKind: 'public-pem',
    expectations,
    file: { name: SNIPPET_KEY_FILES['public-pem'], text: rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string, variable: 'JWT_PUBLIC_KEY_FILE' },
    sign: (payload) => signToken({ alg: 'RS256', typ: 'JWT' }, payload, { text: privatePem(rsa.privateKey) }),
  },
  {
    name: 'ES256 with a JWKS file',
    alg: 'ES256',
    keyKind: 'jwks',
    expectations: { ...expectations, audience: ['web', 'api'] },
    file: { name: SNIPPET_KEY_FILES.jwks, text: JSON.stringify({ keys: [publicJwk(p256Old.publicKey, 'old'), publicJwk(p256.publicKey, 'current')] }), variable: 'JWT_JWKS_FILE' },
    sign: (payload) => signToken({ alg: 'ES256', typ: 'JWT', kid: 'current' }, payload, { text: privatePem(p256.privateKey) }),
  },
]

/** The case's folder, holding its key file under the default name. */
function folderOf(c: Case): string {
  const folder = join(dir, c.name.replace(/\W+/g, '-'))
  if (!existsSync(folder)) {
    mkdirSync(folder)
    if (c.file) writeFileSync(join(folder, c.file.name), c.file.text)
  }
  return folder
}

const inputOf = (c: Case, token: string, overrides: Partial<SnippetExpectations> = {}): SnippetInput => ({
  token,
  alg: c.alg,
  keyKind: c.keyKind,
  secretEncoding: c.secretEncoding,
  expectations: { ...c.expectations, ...overrides },
})

/** The payload kept, another payload put in its place: the signature no longer matches. */
const tampered = (token: string) => {
  const [header, , signature] = token.split('.')
  return `${header}.${Buffer.from(JSON.stringify(claims({ sub: 'admin' }))).toString('base64url')}.${signature}`
}

interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the Python program in the case's folder, so it reads the key file by its default name. */
function runPython(c: Case, input: SnippetInput, env: Record<string, string> = c.secret ? { JWT_SECRET: c.secret } : {}): Run {
  const { status, stdout, stderr } = spawnSync(PYTHON, ['-'], { input: codeSnippets(input).python, cwd: folderOf(c), env, encoding: 'utf8' })
  return { status, stdout, stderr }
}

/** Runs the Node program from the repository root, naming the key file by its variable. */
function runNode(c: Case, input: SnippetInput): Run {
  const env = { ...(c.secret && { JWT_SECRET: c.secret }), ...(c.file && { [c.file.variable]: join(folderOf(c), c.file.name) }) }
  const { status, stdout, stderr } = spawnSync(process.execPath, ['--input-type=module'], { input: codeSnippets(input).node, cwd: ROOT, env, encoding: 'utf8' })
  return { status, stdout, stderr }
}

const accepted = (run: Run, payload: object) => {
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  expect(JSON.parse(run.stdout)).toEqual(payload)
}
const rejected = (run: Run, error: RegExp) => {
  expect(run.stdout).toBe('')
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(error)
}

// --- The text of the programs ------------------------------------------------------------------

describe('codeSnippets', () => {
  const base: SnippetInput = { token: 'h.p.s', alg: 'HS256', keyKind: 'secret', expectations: {} }

  it('passes exactly the expectations that are set to jwt.decode and jwtVerify', () => {
    const bare = codeSnippets(base)
    for (const option of ['audience=', 'issuer=', 'leeway=', 'options=', 'get_unverified_header']) expect(bare.python).not.toContain(option)
    for (const option of ['issuer:', 'audience:', 'clockTolerance:', 'requiredClaims:', 'typ:']) expect(bare.node).not.toContain(option)
    expect(bare.python).toContain('algorithms=["HS256"]')

    const full = codeSnippets({ ...base, expectations: { issuer: 'iss', audience: ['a', 'b'], leeway: 2.5, required: ['exp', 'jti'], typ: 'at+jwt' } })
    expect(full.python).toMatch(/audience=\["a", "b"\],\s+issuer="iss",\s+leeway=2\.5,\s+options=\{"require": \["exp", "jti"\]\}/)
    expect(full.python).toContain('expected_typ = "at+jwt"')
    expect(full.node).toMatch(/algorithms: \["HS256"\],\s+issuer: "iss",\s+audience: \["a", "b"\],\s+clockTolerance: 2\.5,\s+requiredClaims: \["exp", "jti"\],\s+typ: "at\+jwt"/)
  })

  it('leaves out a leeway that is not a finite number', () => {
    const snippets = codeSnippets({ ...base, expectations: { leeway: Number.NaN } })
    expect(snippets.python).not.toContain('leeway')
    expect(snippets.node).not.toContain('clockTolerance')
  })

  it('reads a secret from JWT_SECRET and decodes its encoding in each language', () => {
    const decoders = { utf8: ['secret.encode("utf-8")', 'new TextEncoder().encode(secret)'], base64url: ['base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))', "Buffer.from(secret, 'base64url')"], base64: ['base64.b64decode(', "Buffer.from(secret, 'base64')"], hex: ['bytes.fromhex(secret)', "Buffer.from(secret, 'hex')"] } as const
    for (const [encoding, [python, node]] of Object.entries(decoders)) {
      const snippets = codeSnippets({ ...base, secretEncoding: encoding as SecretEncoding })
      expect(snippets.python).toContain('os.environ.get("JWT_SECRET")')
      expect(snippets.python).toContain(python)
      expect(snippets.node).toContain('process.env.JWT_SECRET')
      expect(snippets.node).toContain(node)
    }
  })

  it('reads the kind of key the algorithm needs when no key is given', () => {
    expect(codeSnippets({ ...base, keyKind: 'none' }).python).toContain('JWT_SECRET')
    const rs = codeSnippets({ ...base, alg: 'RS256', keyKind: 'none' })
    expect(rs.python).toContain('"public_key.pem"')
    expect(rs.node).toContain('await importSPKI(')
  })

  it('loads a JWK set from a local file and never fetches one', () => {
    const { python, node } = codeSnippets({ ...base, alg: 'ES256', keyKind: 'jwks' })
    expect(python).toContain('jwt.PyJWKSet.from_json(')
    expect(python).not.toContain('PyJWKClient')
    expect(node).toContain('createLocalJWKSet(')
    expect(node).not.toContain('createRemoteJWKSet')
    expect(codeSnippets({ ...base, alg: 'ES256', keyKind: 'jwk' }).python).toContain('jwt.PyJWK.from_json(file.read(), algorithm="ES256").key')
  })

  it('puts the token in a single-quoted shell variable, says it is a credential, and sends it as a Bearer token', () => {
    const { curl } = codeSnippets({ ...base, token: "it's" })
    expect(curl).toContain(`TOKEN='it'\\''s'\n`)
    expect(curl).toMatch(/^# The token is a credential/)
    expect(curl).toContain('curl -H "Authorization: Bearer $TOKEN" https://api.example.com/')
  })

  it('escapes invisible and line-separating characters, so the code reads as it runs', () => {
    expect(pythonString('\u202e\u2028\u00a0\u{e0041} é😀')).toBe('"\\u202e\\u2028\\u00a0\\U000e0041 é😀"')
    expect(jsString('\u202e\u2028\u00a0\u{e0041} é😀')).toBe('"\\u202e\\u2028\\u00a0\\u{e0041} é😀"')
  })

  // Lone surrogates included: a pasted value may hold any UTF-16 code unit.
  const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('"', "'", '\\', '\n', '$', '`', '{', '}'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u))) })

  it('writes JavaScript string literals that evaluate to the text', () => {
    fc.assert(fc.property(anyText, (text) => new Function(`return ${jsString(text)}`)() === text), { numRuns: 500 })
  })

  it.skipIf(!pyJwtVersion)('writes Python string literals that evaluate to the text', () => {
    const texts = fc.sample(anyText, 300)
    const program = `import json\nprint(json.dumps([${texts.map(pythonString).join(',\n')}]))\n`
    expect(JSON.parse(execFileSync(PYTHON, ['-'], { input: program }).toString())).toEqual(texts)
  })

  it('writes shell words that sh reads back as the text', () => {
    // A shell variable cannot hold NUL, so it is the one character left out.
    const texts = fc.sample(anyText.map((t) => t.replaceAll('\0', '')), 100).map((t) => Buffer.from(t).toString())
    const output = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${texts.map(shellWord).join(' ')}`], { cwd: dir })
    expect(output.toString().split('\0').slice(0, -1)).toEqual(texts)
  })
})

// --- The programs, run ---------------------------------------------------------------------------

describe.skipIf(!pyJwtVersion)('the Python snippet, run by PyJWT 2.6.0', () => {
  for (const c of CASES) {
    it(`${c.name}: accepts the token and prints its claims`, async () => {
      const payload = claims()
      accepted(runPython(c, inputOf(c, await c.sign(payload))), payload)
    })
    it(`${c.name}: rejects a tampered token with InvalidSignatureError`, async () => {
      rejected(runPython(c, inputOf(c, tampered(await c.sign(claims())))), /^Rejected: InvalidSignatureError: Signature verification failed\n$/)
    })
    it(`${c.name}: rejects an expired token with ExpiredSignatureError`, async () => {
      rejected(runPython(c, inputOf(c, await c.sign(claims({ exp: NOW - HOUR })))), /^Rejected: ExpiredSignatureError: Signature has expired\n$/)
    })
  }

  const [hs, , rs] = CASES as [Case, Case, Case, Case]

  it('accepts a token that expired within the leeway', async () => {
    const payload = claims({ exp: NOW - 5 })
    accepted(runPython(hs, inputOf(hs, await hs.sign(payload))), payload)
  })

  it('rejects a token without a required claim', async () => {
    const payload = Object.fromEntries(Object.entries(claims()).filter(([name]) => name !== 'sub'))
    rejected(runPython(hs, inputOf(hs, await hs.sign(payload))), /^Rejected: MissingRequiredClaimError: Token is missing the "sub" claim\n$/)
  })

  it('checks typ itself, the way jose reads it', async () => {
    const token = await rs.sign(claims())
    rejected(runPython(rs, inputOf(rs, token, { typ: 'at+jwt' })), /^Rejected: InvalidTokenError: typ is 'JWT', expected 'at\+jwt'\n$/)
    accepted(runPython(rs, inputOf(rs, token, { typ: 'application/JWT' })), claims())
  })

  it('passes a hostile issuer through intact, running nothing', async () => {
    const payload = claims({ iss: HOSTILE })
    accepted(runPython(rs, inputOf(rs, await rs.sign(payload), { issuer: HOSTILE })), payload)
    rejected(runPython(rs, inputOf(rs, await rs.sign(claims()), { issuer: HOSTILE })), /^Rejected: InvalidIssuerError: Invalid issuer\n$/)
    expect(readdirSync(folderOf(rs))).toEqual([SNIPPET_KEY_FILES['public-pem']])
  })

  it('stops with a sentence when JWT_SECRET is not set', async () => {
    rejected(runPython(hs, inputOf(hs, await hs.sign(claims())), {}), /^Set JWT_SECRET to the shared secret\n$/)
  })

  it('reads an unsecured token\'s claims and still checks them', async () => {
    const none: Case = { ...hs, name: 'alg none', alg: 'none', secret: undefined }
    const payload = claims()
    accepted(runPython(none, inputOf(none, await signToken({ alg: 'none', typ: 'JWT' }, payload))), payload)
    rejected(runPython(none, inputOf(none, await signToken({ alg: 'none', typ: 'JWT' }, claims({ exp: NOW - HOUR })))), /^Rejected: ExpiredSignatureError/)
  })
})

describe('the Node snippet, run with jose', () => {
  for (const c of CASES) {
    it(`${c.name}: accepts the token and prints its claims`, async () => {
      const payload = claims()
      accepted(runNode(c, inputOf(c, await c.sign(payload))), payload)
    })
  }

  const es = CASES[3]!

  it('rejects a tampered token and an expired one with jose\'s error codes', async () => {
    rejected(runNode(es, inputOf(es, tampered(await es.sign(claims())))), /^Rejected: JWSSignatureVerificationFailed \(ERR_JWS_SIGNATURE_VERIFICATION_FAILED\): signature verification failed\n$/)
    rejected(runNode(es, inputOf(es, await es.sign(claims({ exp: NOW - HOUR })))), /^Rejected: JWTExpired \(ERR_JWT_EXPIRED\): "exp" claim timestamp check failed\n$/)
  })

  it('passes a hostile issuer through intact, running nothing', async () => {
    const payload = claims({ iss: HOSTILE })
    accepted(runNode(es, inputOf(es, await es.sign(payload), { issuer: HOSTILE })), payload)
    rejected(runNode(es, inputOf(es, await es.sign(claims()), { issuer: HOSTILE })), /^Rejected: JWTClaimValidationFailed \(ERR_JWT_CLAIM_VALIDATION_FAILED\): unexpected "iss" claim value\n$/)
  })

  it('reads an unsecured token\'s claims with UnsecuredJWT and still checks them', async () => {
    const none: Case = { ...es, name: 'alg none', alg: 'none', file: undefined }
    const payload = claims()
    accepted(runNode(none, inputOf(none, await signToken({ alg: 'none', typ: 'JWT' }, payload))), payload)
    rejected(runNode(none, inputOf(none, await signToken({ alg: 'none', typ: 'JWT' }, claims({ aud: 'other' })))), /^Rejected: JWTClaimValidationFailed .*"aud"/)
  })
})

describe('the curl snippet, run by sh', () => {
  it('sends a hostile token as one Authorization header, running nothing', () => {
    // curl replaced by a function that prints its arguments, NUL-separated.
    const { curl } = codeSnippets({ token: HOSTILE, alg: 'HS256', keyKind: 'secret', expectations: {} })
    const output = execFileSync('/bin/sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${curl}`], { cwd: dir }).toString()
    expect(output.split('\0')).toEqual(['-H', `Authorization: Bearer ${Buffer.from(HOSTILE).toString()}`, 'https://api.example.com/resource', ''])
    expect(existsSync(join(dir, 'pwned'))).toBe(false)
  })
})
