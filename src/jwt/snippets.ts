/**
 * "Use it in code": programs that verify this token with PyJWT 2.6 and with jose, filled with its
 * algorithm and the page's claim expectations, and a curl call that sends it. The key is never
 * written into them: a secret is read from JWT_SECRET, a public key or key set from a local file.
 *
 * Every value is written as a literal of its language (JSON.stringify is valid Python and
 * JavaScript for a string, with the invisible characters escaped on top), so a hostile issuer or
 * token cannot end a string early or run anything.
 */
import { algorithmOf } from './algorithms'
import type { SecretEncoding } from './keys'

/** How the person holds the key: the page's key field, read as one of these. */
export type SnippetKeyKind = 'secret' | 'public-pem' | 'jwk' | 'jwks' | 'none'

/** The claim checks the page was asked for, passed to the libraries' own options. */
export interface SnippetExpectations {
  readonly issuer?: string
  readonly audience?: string | readonly string[]
  /** Seconds of clock skew allowed on exp, nbf and iat. */
  readonly leeway?: number
  readonly required?: readonly string[]
  /** Expected header typ; PyJWT 2.6 has no option for it, so the Python program checks it itself. */
  readonly typ?: string
}

export interface SnippetInput {
  readonly token: string
  /** The token's alg, the only one the programs allow. */
  readonly alg: string
  /** 'none' when no key is given: the programs then read the kind of key the algorithm needs. */
  readonly keyKind: SnippetKeyKind
  /** How the secret's text becomes bytes; UTF-8 unless said otherwise. */
  readonly secretEncoding?: SecretEncoding
  readonly expectations: SnippetExpectations
}

export interface CodeSnippets {
  /** A Python 3 script using PyJWT 2.6's jwt.decode. */
  readonly python: string
  /** A Node ES module using jose's jwtVerify. */
  readonly node: string
  /** A POSIX shell fragment: the token in a variable, then curl with Authorization: Bearer. */
  readonly curl: string
}

/** The key files the programs read when no environment variable names another. */
export const SNIPPET_KEY_FILES = { 'public-pem': 'public_key.pem', jwk: 'public_key.jwk', jwks: 'jwks.json' } as const

/** The programs for this token, algorithm, key kind and expectations. */
export function codeSnippets(input: SnippetInput): CodeSnippets {
  const kind = keyKindFor(input.alg, input.keyKind)
  return { python: pythonSnippet(input, kind), node: nodeSnippet(input, kind), curl: curlSnippet(input.token) }
}

type KeyKind = 'secret' | 'public-pem' | 'jwk' | 'jwks' | 'unsecured'

/**
 * RFC 7518 §3.6: alg "none" has no key, whatever the field holds. Without a key, a program
 * reads what the algorithm needs: a shared secret for HMAC, a public key otherwise.
 */
function keyKindFor(alg: string, keyKind: SnippetKeyKind): KeyKind {
  if (alg === 'none') return 'unsecured'
  if (keyKind !== 'none') return keyKind
  return algorithmOf(alg)?.family === 'HMAC' ? 'secret' : 'public-pem'
}

// --- Literals ---------------------------------------------------------------------------------

/**
 * Control, format (bidirectional overrides, zero-width) and separator characters other than the
 * space: escaped, so the code reads as it runs (Trojan Source, CVE-2021-42574).
 */
const INVISIBLE = /[\p{C}\p{Z}]/gu

const hex = (codePoint: number, digits: number) => codePoint.toString(16).padStart(digits, '0')

/** A Python str literal: JSON's escapes are Python's; astral characters need \U. */
export function pythonString(text: string): string {
  return JSON.stringify(text).replace(INVISIBLE, (c) => (c === ' ' ? c : escapeCodePoint(c, (p) => `\\U${hex(p, 8)}`)))
}

/** A JavaScript string literal (ES2019: JSON text is valid JavaScript). */
export function jsString(text: string): string {
  return JSON.stringify(text).replace(INVISIBLE, (c) => (c === ' ' ? c : escapeCodePoint(c, (p) => `\\u{${hex(p, 0)}}`)))
}

function escapeCodePoint(char: string, astral: (codePoint: number) => string): string {
  const codePoint = char.codePointAt(0)!
  return codePoint > 0xffff ? astral(codePoint) : `\\u${hex(codePoint, 4)}`
}

/** One shell word: single quotes keep everything literal; a quote is closed, escaped, reopened. */
export function shellWord(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

const pythonList = (items: readonly string[]) => `[${items.map(pythonString).join(', ')}]`
const jsList = (items: readonly string[]) => `[${items.map(jsString).join(', ')}]`
/** A leeway that both languages read as the same number; NaN and infinities are left out. */
const leewayOf = (e: SnippetExpectations) => (e.leeway !== undefined && Number.isFinite(e.leeway) ? String(e.leeway) : undefined)

// --- Python (PyJWT 2.6) -------------------------------------------------------------------------

/** PyJWT 2.6's readings of the secret text as bytes. */
const PYTHON_SECRET_BYTES: Record<SecretEncoding, { readonly expression: string; readonly note: string }> = {
  utf8: { expression: 'secret.encode("utf-8")', note: 'its UTF-8 bytes are the key' },
  // RFC 7515 §2: base64url drops the padding, which Python's decoder insists on.
  base64url: { expression: 'base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))', note: 'base64url text, decoded to the key bytes' },
  base64: { expression: 'base64.b64decode(secret + "=" * (-len(secret) % 4))', note: 'base64 text, decoded to the key bytes' },
  hex: { expression: 'bytes.fromhex(secret)', note: 'hex text, decoded to the key bytes' },
}

function pythonKey(kind: KeyKind, alg: string, encoding: SecretEncoding): string[] {
  switch (kind) {
    case 'secret': {
      const { expression, note } = PYTHON_SECRET_BYTES[encoding]
      return [
        `# The shared secret comes from the environment, never from this file (${note}):`,
        "#   export JWT_SECRET='...'",
        'secret = os.environ.get("JWT_SECRET")',
        'if not secret:',
        '    sys.exit("Set JWT_SECRET to the shared secret")',
        `key = ${expression}`,
      ]
    }
    case 'public-pem':
      return [
        `# The issuer's public key ("BEGIN PUBLIC KEY" PEM) in ${SNIPPET_KEY_FILES['public-pem']}, or the file JWT_PUBLIC_KEY_FILE names.`,
        `with open(os.environ.get("JWT_PUBLIC_KEY_FILE", "${SNIPPET_KEY_FILES['public-pem']}"), "rb") as file:`,
        '    key = file.read()',
      ]
    case 'jwk':
      return [
        `# The issuer's public JWK (JSON) in ${SNIPPET_KEY_FILES.jwk}, or the file JWT_JWK_FILE names.`,
        `with open(os.environ.get("JWT_JWK_FILE", "${SNIPPET_KEY_FILES.jwk}"), encoding="utf-8") as file:`,
        `    key = jwt.PyJWK.from_json(file.read(), algorithm=${pythonString(alg)}).key`,
      ]
    case 'jwks':
      return [
        `# The issuer's JWK set, saved from its jwks_uri to ${SNIPPET_KEY_FILES.jwks} (or the file JWT_JWKS_FILE names):`,
        '# this script fetches nothing.',
        `jwks_file = os.environ.get("JWT_JWKS_FILE", "${SNIPPET_KEY_FILES.jwks}")`,
        'with open(jwks_file, encoding="utf-8") as file:',
        '    jwks = jwt.PyJWKSet.from_json(file.read())',
        '',
        '',
        'def key_for(token):',
        '    """The key of the set with the token\'s kid (the only key, when the token names none)."""',
        '    kid = jwt.get_unverified_header(token).get("kid")',
        '    if kid is None and len(jwks.keys) == 1:',
        '        return jwks.keys[0].key',
        '    try:',
        '        return jwks[kid].key',
        '    except KeyError:',
        '        raise jwt.InvalidTokenError(f"{jwks_file} has no key with kid {kid!r}") from None',
      ]
    case 'unsecured':
      return [
        '# alg is "none": the token has no signature, so nothing shows who made it or that it is',
        '# unchanged. Never accept one (RFC 8725 §2.1); this only reads its claims and checks them.',
      ]
  }
}

/** jose compares typ this way; PyJWT 2.6 has no typ option, so the script does it. */
const PYTHON_MEDIA_TYPE = [
  'def media_type(typ):',
  '    """typ as a full media type, lower case: RFC 7515 §4.1.9 lets it leave out "application/"."""',
  '    typ = typ.lower()',
  '    return typ if "/" in typ else "application/" + typ',
]

function pythonDecodeArguments(kind: KeyKind, alg: string, e: SnippetExpectations): string[] {
  const args = kind === 'unsecured' ? ['token'] : ['token', kind === 'jwks' ? 'key_for(token)' : 'key', `algorithms=${pythonList([alg])}`]
  if (e.audience !== undefined) args.push(`audience=${typeof e.audience === 'string' ? pythonString(e.audience) : pythonList(e.audience)}`)
  if (e.issuer !== undefined) args.push(`issuer=${pythonString(e.issuer)}`)
  const leeway = leewayOf(e)
  if (leeway !== undefined) args.push(`leeway=${leeway}`)
  // Without a signature check PyJWT 2.6 also turns the claim checks off, unless they are asked for.
  const unsecured = kind === 'unsecured' ? ['"verify_signature": False', ...['exp', 'nbf', 'iat', 'aud', 'iss'].map((c) => `"verify_${c}": True`)] : []
  const options = [...unsecured, ...(e.required !== undefined ? [`"require": ${pythonList(e.required)}`] : [])]
  if (options.length > 0) args.push(`options={${options.join(', ')}}`)
  return args
}

function pythonSnippet(input: SnippetInput, kind: KeyKind): string {
  const { alg, expectations: e } = input
  const encoding = input.secretEncoding ?? 'utf8'
  const modules = [...(kind === 'secret' && encoding.startsWith('base64') ? ['base64'] : []), 'json', ...(kind === 'unsecured' ? [] : ['os']), 'sys']
  const typCheck =
    e.typ === undefined
      ? []
      : [
          '    # The header is signed, so once decode returns, its typ can be trusted.',
          `    expected_typ = ${pythonString(e.typ)}`,
          '    typ = jwt.get_unverified_header(token).get("typ")',
          '    if not isinstance(typ, str) or media_type(typ) != media_type(expected_typ):',
          '        raise jwt.InvalidTokenError(f"typ is {typ!r}, expected {expected_typ!r}")',
        ]
  const main = [
    `token = ${pythonString(input.token)}`,
    '',
    'try:',
    '    claims = jwt.decode(',
    ...pythonDecodeArguments(kind, alg, e).map((arg) => `        ${arg},`),
    '    )',
    ...typCheck,
    'except jwt.InvalidTokenError as error:',
    '    sys.exit(f"Rejected: {type(error).__name__}: {error}")',
    'print(json.dumps(claims, indent=2))',
  ]
  const blocks = [
    ['# Verifies the token with PyJWT 2.6 or later (pip install "pyjwt[crypto]"): python3 verify_token.py', ...modules.map((m) => `import ${m}`), '', 'import jwt'],
    pythonKey(kind, alg, encoding),
    ...(e.typ === undefined ? [] : [PYTHON_MEDIA_TYPE]),
    main,
  ]
  // PEP 8: two blank lines around a function definition, one elsewhere.
  const definesFunction = (block: readonly string[]) => block.some((line) => line.startsWith('def '))
  const text = blocks.map((block, i) => (i === 0 ? '' : definesFunction(block) || definesFunction(blocks[i - 1]!) ? '\n\n\n' : '\n\n') + block.join('\n'))
  return `${text.join('')}\n`
}

// --- Node (jose) --------------------------------------------------------------------------------

/** jose takes the secret as bytes: Uint8Array, which a Buffer is. */
const NODE_SECRET_BYTES: Record<SecretEncoding, string> = {
  utf8: 'new TextEncoder().encode(secret)',
  base64url: "Buffer.from(secret, 'base64url')",
  base64: "Buffer.from(secret, 'base64')",
  hex: "Buffer.from(secret, 'hex')",
}

function nodeKey(kind: KeyKind, alg: string, encoding: SecretEncoding): { imports: string[]; lines: string[] } {
  const file = (variable: string, name: string) => `readFileSync(process.env.${variable} ?? '${name}', 'utf8')`
  switch (kind) {
    case 'secret':
      return {
        imports: [],
        lines: [
          '// The shared secret comes from the environment, never from this file:',
          "//   export JWT_SECRET='...'",
          'const secret = process.env.JWT_SECRET',
          'if (!secret) {',
          "  console.error('Set JWT_SECRET to the shared secret')",
          '  process.exit(1)',
          '}',
          `const key = ${NODE_SECRET_BYTES[encoding]}`,
        ],
      }
    case 'public-pem':
      return {
        imports: ['importSPKI'],
        lines: [
          `// The issuer's public key ("BEGIN PUBLIC KEY" PEM) in ${SNIPPET_KEY_FILES['public-pem']}, or the file JWT_PUBLIC_KEY_FILE names.`,
          `const key = await importSPKI(${file('JWT_PUBLIC_KEY_FILE', SNIPPET_KEY_FILES['public-pem'])}, ${jsString(alg)})`,
        ],
      }
    case 'jwk':
      return {
        imports: ['importJWK'],
        lines: [
          `// The issuer's public JWK (JSON) in ${SNIPPET_KEY_FILES.jwk}, or the file JWT_JWK_FILE names.`,
          `const key = await importJWK(JSON.parse(${file('JWT_JWK_FILE', SNIPPET_KEY_FILES.jwk)}), ${jsString(alg)})`,
        ],
      }
    case 'jwks':
      return {
        imports: ['createLocalJWKSet'],
        lines: [
          `// The issuer's JWK set, saved from its jwks_uri to ${SNIPPET_KEY_FILES.jwks} (or the file JWT_JWKS_FILE names):`,
          '// this fetches nothing. jose picks the key by the token\'s kid, alg and key type.',
          `const key = createLocalJWKSet(JSON.parse(${file('JWT_JWKS_FILE', SNIPPET_KEY_FILES.jwks)}))`,
        ],
      }
    case 'unsecured':
      return {
        imports: ['UnsecuredJWT'],
        lines: [
          '// alg is "none": the token has no signature, so nothing shows who made it or that it is',
          '// unchanged. Never accept one (RFC 8725 §2.1); this only reads its claims and checks them.',
        ],
      }
  }
}

function nodeOptions(kind: KeyKind, alg: string, e: SnippetExpectations): string[] {
  const options = kind === 'unsecured' ? [] : [`algorithms: ${jsList([alg])}`]
  if (e.issuer !== undefined) options.push(`issuer: ${jsString(e.issuer)}`)
  if (e.audience !== undefined) options.push(`audience: ${typeof e.audience === 'string' ? jsString(e.audience) : jsList(e.audience)}`)
  const leeway = leewayOf(e)
  if (leeway !== undefined) options.push(`clockTolerance: ${leeway}`)
  if (e.required !== undefined) options.push(`requiredClaims: ${jsList(e.required)}`)
  if (e.typ !== undefined) options.push(`typ: ${jsString(e.typ)}`)
  return options
}

function nodeSnippet(input: SnippetInput, kind: KeyKind): string {
  const { alg, expectations: e } = input
  const key = nodeKey(kind, alg, input.secretEncoding ?? 'utf8')
  const names = kind === 'unsecured' ? key.imports : ['jwtVerify', ...key.imports]
  const readsFile = kind === 'public-pem' || kind === 'jwk' || kind === 'jwks'
  const call = kind === 'unsecured' ? 'UnsecuredJWT.decode(token, {' : 'await jwtVerify(token, key, {'
  const lines = [
    '// Verifies the token with jose 6 (npm install jose) on Node 20 or later: node verify-token.mjs',
    `import { ${names.join(', ')} } from 'jose'`,
    ...(readsFile ? ["import { readFileSync } from 'node:fs'"] : []),
    '',
    ...key.lines,
    '',
    `const token = ${jsString(input.token)}`,
    '',
    'try {',
    `  const { payload } = ${call}`,
    ...nodeOptions(kind, alg, e).map((option) => `    ${option},`),
    '  })',
    '  console.log(JSON.stringify(payload, null, 2))',
    '} catch (error) {',
    "  // jose's errors carry a stable code, e.g. ERR_JWT_EXPIRED.",
    "  console.error(`Rejected: ${error.name}${error.code ? ` (${error.code})` : ''}: ${error.message}`)",
    '  process.exitCode = 1',
    '}',
  ]
  return `${lines.join('\n')}\n`
}

// --- curl ---------------------------------------------------------------------------------------

function curlSnippet(token: string): string {
  return [
    '# The token is a credential: whoever holds it can call the API as its subject until it expires.',
    '# Keep it out of shared terminals, logs and tickets.',
    `TOKEN=${shellWord(token)}`,
    '# Replace the URL with your API\'s.',
    'curl -H "Authorization: Bearer $TOKEN" https://api.example.com/resource',
    '',
  ].join('\n')
}
