/**
 * findTokenRisks: what is unsafe about a token, each risk with its severity, the characters of the
 * token it concerns, a paragraph saying why and what to do, and the RFC or best practice behind it
 * (RFC 8725, JWT Best Current Practices). Pure and synchronous; never throws on any decoded token.
 *
 * Not exported from index.ts: with the weak-secret list it is loaded only when the page asks.
 */
import { algorithmOf } from './algorithms'
import { isObject, jsonRangeToTokenRange, type DecodedToken } from './decode'
import { tokenRole } from './tokenRole'
import { parseJson, type JsonMember, type JsonNode } from './json'
import { looksLikePublicKey } from './keys'
import type { Segment } from './segments'
import { describeInstant, describeSpan } from './time'
import type { Problem, Range } from './types'
import { decodeUtf8 } from './utf8'
import { matchWeakSecret } from './weakSecrets'

export type FindingSeverity = 'high' | 'medium' | 'low' | 'info'
export type FindingPart = 'header' | 'payload' | 'signature' | 'key' | 'token'
export type FindingParams = Readonly<Record<string, string | number>>

export interface FindingInput {
  readonly decoded: DecodedToken
  /** The HMAC secret as the page reads it (its text, and the bytes that text stands for). */
  readonly secret?: { readonly text: string; readonly bytes: Uint8Array }
  /** The time to judge iat, nbf and the lifetime against, in seconds since 1970. */
  readonly now: number
}

export interface Finding {
  readonly code: FindingCode
  readonly severity: FindingSeverity
  readonly part: FindingPart
  /** The characters of the text given to decodeToken that carry the member, as Problem ranges are. */
  readonly range?: Range
  /** One line. */
  readonly title: string
  /** One paragraph: why it is unsafe and what to do. */
  readonly explanation: string
  readonly reference: string
  /** The values the sentences use, so a translation can rebuild them. */
  readonly params: FindingParams
}

interface FindingText {
  readonly severity: FindingSeverity
  readonly part: FindingPart
  readonly reference: string
  readonly title: (p: FindingParams) => string
  readonly explanation: (p: FindingParams) => string
}

/** Seconds a clock may be ahead before iat or nbf counts as in the future (RFC 7519 §4.1.5: "a few minutes" at most). */
export const CLOCK_SKEW = 60
/** The longest lifetime an access token should have (RFC 6819 §5.1.5.3: short-lived). */
export const MAX_ACCESS_LIFETIME = 86400

const ENCRYPTED_INSTEAD = 'If the recipient needs this data, send it over another channel, or encrypt the token (a JWE, RFC 7516) for that recipient.'
const ONLY_ENCODED = 'A signed token\'s payload is only base64url-encoded, not encrypted: anyone who sees the token (the browser, logs, proxies, analytics, browser extensions) can read it by decoding it, as this page just did (RFC 7519 §12).'

const PUBLIC_KEY_FORMS: Record<string, string> = {
  'pem-public-key': 'a PEM public key',
  'pem-certificate': 'a PEM certificate, which holds a public key',
  'pem-private-key': 'a PEM private key',
  jwk: 'a JWK of an RSA, EC or OKP key',
  jwks: 'a JWK set',
  'ssh-public-key': 'an SSH public key',
  'der-base64': 'the base64 of a DER-encoded key',
}

const CRIT_PROBLEMS: Record<string, (name: string) => string> = {
  'not-array': () => 'not an array',
  empty: () => 'an empty array',
  'not-string': () => 'an array with an item that is not a string',
  registered: (name) => `an array listing "${name}", a parameter the JWS specifications define themselves`,
  absent: (name) => `an array listing "${name}", which is not in the header`,
}

const BASE64_ISSUES: Record<string, string> = {
  'unused-bits': 'its last character has unused bits that are not zero',
  padding: "it has '=' padding",
  'standard-alphabet': "it uses '+' or '/' from standard base64",
}

/** Part names for sentences: the JWE parts have two words. */
const PART_WORDS: Record<string, string> = { encryptedKey: 'encrypted key', iv: 'initialization vector', tag: 'authentication tag' }
const partName = (p: FindingParams) => PART_WORDS[String(p.part)] ?? String(p.part)

const role = (p: FindingParams) => (p.role === 'access' ? 'access token' : 'token, which does not say it is a refresh token and so counts as an access token,')

/** Every finding: its code, severity, part, reference and sentences. Code elsewhere reads a row. */
const FINDINGS = {
  'finding.alg-none': {
    severity: 'high',
    part: 'header',
    reference: 'RFC 8725 §3.1, RFC 7518 §3.6',
    title: (p) => `The token is unsigned ("alg": "${p.alg}")`,
    explanation: (p) =>
      'The header says the token has no signature, so anyone can write one with any claims and it looks just as valid. RFC 7518 §3.6 allows "none" only where the token is protected by other means, and RFC 8725 §3.1 asks verifiers to accept only the algorithms they chose, never the one the token names. ' +
      (p.alg === 'none' ? '' : `It is spelled "${p.alg}": a filter that blocks only the lowercase "none" lets it through to a library that ignores case. `) +
      'Give your verifier an explicit list of algorithms without "none" (PyJWT algorithms=["RS256"], jose the algorithms option) and reject unsigned tokens.',
  },
  'finding.secret-short': {
    severity: 'high',
    part: 'key',
    reference: 'RFC 7518 §3.2, RFC 8725 §3.5',
    title: (p) => `The secret is ${p.bytes} bytes, shorter than the ${p.minimumBytes} bytes ${p.alg} needs`,
    explanation: (p) =>
      `RFC 7518 §3.2 requires an HMAC key at least as long as the hash output: ${p.minimumBytes} bytes (${p.minimumBits} bits) for ${p.alg}. This secret has ${p.bytes} bytes (${p.bits} bits). With one token in hand, an attacker can try candidate secrets against its signature offline, as fast as their hardware allows, and a short secret is found quickly; then they can sign any claims. Generate a random secret of at least ${p.minimumBytes} bytes (for example \`openssl rand -base64 ${p.minimumBytes}\`) and keep it out of source code.`,
  },
  'finding.secret-weak': {
    severity: 'high',
    part: 'key',
    reference: 'RFC 8725 §3.5, RFC 8725 §2.2',
    title: (p) => `The secret "${p.match}" is a well-known weak secret`,
    explanation: (p) =>
      `${p.via === 'bytes' ? 'The secret\'s bytes, read as text, are' : 'The secret is'} "${p.match}", one of the secrets people copy from tutorials, documentation and default configurations. Tools that crack JWTs try lists like this first: from one captured token they find the secret in moments and can then sign tokens for any user. RFC 8725 §3.5 says a password a person can remember must not be used directly as an HMAC key. Replace it with a random secret of at least 32 bytes from a cryptographic generator, and treat every token signed with this one as forgeable.`,
  },
  'finding.secret-is-public-key': {
    severity: 'high',
    part: 'key',
    reference: 'RFC 8725 §2.1, RFC 8725 §3.1',
    title: (p) => `The HMAC secret is ${PUBLIC_KEY_FORMS[String(p.form)] ?? 'an asymmetric key'}`,
    explanation: (p) =>
      `The text given as the ${p.alg} secret is ${PUBLIC_KEY_FORMS[String(p.form)] ?? 'an asymmetric key'}. This is the shape of the algorithm confusion attack (RFC 8725 §2.1): a server that holds an RSA or EC public key and lets the token's alg decide how to use it runs HMAC with the key's text as the secret. A public key is public, so anyone can then sign tokens that server accepts. Verify each key with one algorithm fixed in your configuration, never the one the token names (RFC 8725 §3.1), and keep HMAC secrets apart from public keys so neither can be used with the other's algorithm.${p.form === 'pem-private-key' ? ' A private key does not belong in an HMAC secret either: its public half is published, and its text is not a random secret.' : ''}`,
  },
  'finding.no-exp': {
    severity: 'medium',
    part: 'payload',
    reference: 'RFC 7519 §4.1.4, OWASP JWT Cheat Sheet',
    title: () => 'The token never expires: it has no exp claim',
    explanation: () =>
      'The payload has no exp (expiration time, RFC 7519 §4.1.4), so the token is valid forever: if it leaks from a log, a browser or a proxy, it can be replayed until the signing key changes, and logging the user out does not end it. Give every token an exp, minutes away for an access token, and make the verifier require it (PyJWT options={"require": ["exp"]}, jose requiredClaims: ["exp"]).',
  },
  'finding.long-lifetime': {
    severity: 'medium',
    part: 'payload',
    reference: 'RFC 6819 §5.1.5.3, OWASP JWT Cheat Sheet',
    title: (p) => `An access token valid for ${describeSpan(Number(p.seconds))}`,
    explanation: (p) =>
      `This ${role(p)} is valid for ${describeSpan(Number(p.seconds))} (${p.from === 'iat' ? 'from iat to exp' : 'from now until exp, as it has no iat'}). An access token is a bearer credential: whoever holds it can use it until it expires, and it is rarely checked against a revocation list, so a long lifetime widens the window for a stolen token (RFC 6819 §5.1.5.3). Keep access tokens short-lived, minutes up to an hour, and get new ones with a refresh token that says it is one and is accepted only where tokens are refreshed.`,
  },
  'finding.iat-in-future': {
    severity: 'medium',
    part: 'payload',
    reference: 'RFC 7519 §4.1.6',
    title: (p) => `Issued in the future: iat is ${describeSpan(Number(p.secondsAhead))} ahead`,
    explanation: (p) =>
      `The token says it was issued at ${describeInstant(Number(p.iat))}, ${describeSpan(Number(p.secondsAhead))} after the time it was checked. A token cannot be issued in the future: either the issuer's clock is wrong, or the token was written by hand, perhaps to stretch its life or to slip past a maximum-age check. RFC 7519 §4.1.6 makes iat the time of issue; reject an iat beyond a small clock-skew allowance (a minute or two), and keep the issuer's clock synchronised.`,
  },
  'finding.nbf-in-future': {
    severity: 'low',
    part: 'payload',
    reference: 'RFC 7519 §4.1.5',
    title: (p) => `Not valid yet: nbf is ${describeSpan(Number(p.secondsAhead))} ahead`,
    explanation: (p) =>
      `The token is not valid before ${describeInstant(Number(p.nbf))}, ${describeSpan(Number(p.secondsAhead))} after the time it was checked (nbf, RFC 7519 §4.1.5), so a correct verifier refuses it until then. Tokens made for later use are unusual: a future nbf is often a wrong clock at the issuer, or a token prepared in advance that will start to work at a time nobody is watching. Check the issuer's clock, and make sure your verifier checks nbf rather than ignoring it.`,
  },
  'finding.key-url': {
    severity: 'medium',
    part: 'header',
    reference: 'RFC 8725 §3.10, RFC 7515 §4.1.2, RFC 7515 §4.1.5',
    title: (p) => `The header says where to fetch the key (${p.member})`,
    explanation: (p) =>
      `The header names a URL to fetch the verification key from (${p.member}: ${p.url}). A verifier that follows it lets the token choose its own key: an attacker publishes a key, signs a token with its private half and points ${p.member} at it. Fetching any URL a token names is also a server-side request forgery risk (RFC 8725 §3.10). Verify with keys you configured; if you must honour ${p.member}, accept only exact HTTPS URLs from an allowlist.`,
  },
  'finding.embedded-key': {
    severity: 'high',
    part: 'header',
    reference: 'RFC 7515 §4.1.3, RFC 7515 §4.1.6, RFC 8725 §3.10',
    title: (p) => `The header carries its own key (${p.member})`,
    explanation: (p) =>
      `The header carries a key (${p.member}, RFC 7515 ${p.member === 'jwk' ? '§4.1.3' : '§4.1.6'}). A signature checked with a key the token supplies proves only that its maker had the matching private key, and anyone can make a key pair: an attacker signs any claims and embeds the public key. Never verify with the embedded key; use keys you configured, and if you use the header's key to pick one, compare it with your trusted keys${p.member === 'x5c' ? ' and validate the certificate chain up to a root you trust' : ''}.`,
  },
  'finding.kid-path-traversal': {
    severity: 'high',
    part: 'header',
    reference: 'RFC 8725 §3.10, RFC 7515 §4.1.4',
    title: (p) => `The kid looks like a file path (${p.match})`,
    explanation: (p) =>
      `The kid (key ID, RFC 7515 §4.1.4) is "${p.kid}", which looks like a file path. A server that builds a file name from kid can be made to read another file as the key: a well-known attack points kid at /dev/null or a public file whose contents the attacker knows, and signs with those contents as the HMAC secret. Treat kid as an opaque name: look it up in a fixed table of your keys, and never put it in a path (RFC 8725 §3.10).`,
  },
  'finding.kid-sql': {
    severity: 'high',
    part: 'header',
    reference: 'RFC 8725 §3.10, RFC 7515 §4.1.4',
    title: (p) => `The kid holds SQL-like characters (${p.match})`,
    explanation: (p) =>
      `The kid (key ID) is "${p.kid}", which holds characters used to inject SQL. A server that looks its keys up with a query built from kid can have that query changed by the token, for example to return a value the attacker chose as the HMAC secret. RFC 8725 §3.10 says to validate or sanitise kid before using it: use parameterised queries, or better, a fixed table of key IDs.`,
  },
  'finding.unknown-crit': {
    severity: 'medium',
    part: 'header',
    reference: 'RFC 7515 §4.1.11',
    title: (p) => `The header marks extensions as critical that this debugger does not know: ${p.members}`,
    explanation: (p) =>
      `The header lists ${p.members} in crit: a recipient that does not understand ${Number(p.count) === 1 ? 'that extension' : 'those extensions'} must reject the token (RFC 7515 §4.1.11). This debugger understands only b64 (RFC 7797). A library that ignores crit would accept the token without applying rules its issuer declared essential, so the token can mean something else to it than intended. Reject tokens whose critical extensions your verifier does not implement.`,
  },
  'finding.crit-malformed': {
    severity: 'medium',
    part: 'header',
    reference: 'RFC 7515 §4.1.11',
    title: () => 'The header\'s crit is malformed',
    explanation: (p) =>
      `The header's crit is ${(CRIT_PROBLEMS[String(p.problem)] ?? CRIT_PROBLEMS['not-array']!)(String(p.name ?? ''))}. RFC 7515 §4.1.11 requires a non-empty array naming extension parameters present in the header, never the ones the JWS specifications define. A malformed crit is a sign of a hand-made token, and libraries disagree on whether to reject it, so one service may accept the token that another refuses. Reject it.`,
  },
  'finding.b64-false': {
    severity: 'medium',
    part: 'header',
    reference: 'RFC 7797 §3, RFC 7797 §6',
    title: () => 'The payload is signed unencoded ("b64": false)',
    explanation: (p) =>
      'The header sets "b64": false (RFC 7797): the signature covers the payload\'s raw bytes instead of its base64url text. A library that does not implement RFC 7797 computes a different signing input, so verifiers can read the same token differently. ' +
      (p.crit === 'listed'
        ? 'crit lists b64, as RFC 7797 §6 requires, so a library that does not understand it must reject the token. '
        : 'crit does not list b64, which RFC 7797 §6 requires, so a library that does not know the extension has no reason to reject the token. ') +
      'Unless your application was built for unencoded payloads (usually detached content), reject such tokens.',
  },
  'finding.duplicate-header-member': {
    severity: 'high',
    part: 'header',
    reference: 'RFC 7515 §4, RFC 8725 §2.6',
    title: (p) => `The header has "${p.name}" more than once`,
    explanation: (p) =>
      `The header holds the member name "${p.name}" more than once. JSON parsers disagree about duplicates: JavaScript keeps the last, others keep the first or fail, so the library that checks the signature and the code that reads the header may see different values, such as a different alg or kid. RFC 7515 §4 requires a recipient to reject a JOSE header with duplicate names, or to use a parser that returns only the last one; reject such tokens.`,
  },
  'finding.duplicate-claim': {
    severity: 'medium',
    part: 'payload',
    reference: 'RFC 7519 §4, RFC 8725 §2.6',
    title: (p) => `The payload has "${p.name}" more than once`,
    explanation: (p) =>
      `The payload holds the member name "${p.name}" more than once. RFC 7519 §4 lets a parser reject the token or keep the last value, and parsers differ, so two services can read a different ${p.name} from the same signed token, such as a different subject or role. An issuer should never produce duplicates, and a verifier should reject them.`,
  },
  'finding.non-canonical-base64url': {
    severity: 'low',
    part: 'token',
    reference: 'RFC 7515 §2, RFC 4648 §3.5',
    title: (p) => `The ${partName(p)} is not canonical base64url`,
    explanation: (p) =>
      `The ${partName(p)} is not in the one canonical base64url form: ${BASE64_ISSUES[String(p.issue)] ?? 'it departs from it'}, at offset ${p.offset} (RFC 7515 §2 uses base64url without padding; RFC 4648 §3.5 wants unused bits zero). Lenient decoders accept it and strict ones reject it, so services disagree about the same token. ` +
      (p.part === 'signature'
        ? 'In the signature it also means the token\'s text can be changed without breaking the signature, so a deny-list or replay cache keyed by the token text misses the variant. '
        : 'The signature covers this text, so the token was probably edited by hand or made by a faulty encoder. ') +
      'Issuers should produce canonical base64url, and services should compare tokens by what they decode to (a jti), not by their text.',
  },
  'finding.payload-credential': {
    severity: 'high',
    part: 'payload',
    reference: 'RFC 7519 §12, OWASP JWT Cheat Sheet',
    title: (p) => `The payload carries what looks like a password or secret (${p.path})`,
    explanation: (p) => `The member ${p.path} is named like a password, key or secret. ${ONLY_ENCODED} Never put passwords, API keys or other secrets in a token, and change this one if it was real. ${ENCRYPTED_INSTEAD}`,
  },
  'finding.payload-card-number': {
    severity: 'high',
    part: 'payload',
    reference: 'RFC 7519 §12, PCI DSS',
    title: (p) => `The payload carries what looks like a payment card number (ending ${p.last4})`,
    explanation: (p) => `The value of ${p.path} looks like a payment card number: its digits pass the Luhn check and it ends in ${p.last4}. ${ONLY_ENCODED} Card rules (PCI DSS) require card numbers to be unreadable wherever they are stored or sent. Put a token from your payment provider in its place. ${ENCRYPTED_INSTEAD}`,
  },
  'finding.payload-ssn': {
    severity: 'high',
    part: 'payload',
    reference: 'RFC 7519 §12',
    title: (p) => `The payload carries what looks like a US Social Security number (${p.path})`,
    explanation: (p) => `The value of ${p.path} has the form of a US Social Security number (AAA-GG-SSSS). ${ONLY_ENCODED} A national identity number is enough to open accounts in someone's name; identify the person by an opaque user ID in sub instead. ${ENCRYPTED_INSTEAD}`,
  },
  'finding.payload-iban': {
    severity: 'medium',
    part: 'payload',
    reference: 'RFC 7519 §12',
    title: (p) => `The payload carries what looks like a bank account number (IBAN, ${p.country})`,
    explanation: (p) => `The value of ${p.path} looks like an IBAN (country ${p.country}; it passes the ISO 13616 mod-97 check). ${ONLY_ENCODED} Bank account numbers are personal financial data; refer to the account by an ID your service resolves instead. ${ENCRYPTED_INSTEAD}`,
  },
  'finding.payload-email': {
    severity: 'low',
    part: 'payload',
    reference: 'RFC 7519 §12',
    title: (p) => `The payload carries an email address (${p.path})`,
    explanation: (p) => `The value of ${p.path} is an email address. ${ONLY_ENCODED} An email address is personal data under privacy laws such as the GDPR, and tokens are often logged; include it only when the recipient needs it, and identify the user by an opaque ID in sub. ${ENCRYPTED_INSTEAD}`,
  },
  'finding.payload-phone': {
    severity: 'low',
    part: 'payload',
    reference: 'RFC 7519 §12',
    title: (p) => `The payload carries a phone number (${p.path})`,
    explanation: (p) => `The value of ${p.path} looks like a phone number. ${ONLY_ENCODED} A phone number is personal data, and often a second factor for logging in; include it only when the recipient needs it. ${ENCRYPTED_INSTEAD}`,
  },
  'finding.payload-personal': {
    severity: 'medium',
    part: 'payload',
    reference: 'RFC 7519 §12',
    title: (p) => `The payload carries personal data (${p.path})`,
    explanation: (p) => `The member ${p.path} is named like personal data (a national ID, a date of birth, a card or bank account). ${ONLY_ENCODED} Include personal data only when the recipient needs it, and refer to the person by an opaque ID in sub. ${ENCRYPTED_INSTEAD}`,
  },
  'finding.jwe-not-jws': {
    severity: 'medium',
    part: 'token',
    reference: 'RFC 8725 §2.3, RFC 7516',
    title: () => 'This is an encrypted token (JWE), not a signed one (JWS)',
    explanation: (p) =>
      `The token has five parts: it is a JWE (RFC 7516, alg ${p.alg}, enc ${p.enc}), encrypted rather than signed. Encryption to a recipient's public key says nothing about who sent the token: anyone with that public key can make a JWE with any claims. If your service expects a signed JWT, make sure its library does not also accept a JWE in the same call, and that a JWE it decrypts holds a signed JWT whose signature it verifies (RFC 8725 §2.3). This page cannot decrypt it, so its claims are not checked here.`,
  },
  'finding.no-typ': {
    severity: 'info',
    part: 'header',
    reference: 'RFC 8725 §3.11, RFC 7519 §5.1',
    title: () => 'The header has no typ',
    explanation: () =>
      'The header does not say what kind of token this is. Explicit typing (RFC 8725 §3.11) lets a verifier tell an access token (typ at+jwt, RFC 9068) from an ID token or a logout token, so a token issued for one purpose cannot be replayed as another; without it, verifiers must tell them apart by their claims alone. Set typ (JWT, or at+jwt for OAuth access tokens) and make verifiers check it.',
  },
  'finding.unexpected-typ': {
    severity: 'info',
    part: 'header',
    reference: 'RFC 8725 §3.11, RFC 9068 §2.1',
    title: (p) => `The typ is ${p.typ}, not JWT or at+jwt`,
    explanation: (p) =>
      `The header's typ is ${p.typ}. typ marks the kind of token (RFC 8725 §3.11), and a verifier that expects a JWT or an access token (at+jwt, RFC 9068) should refuse other kinds, so that a token made for another purpose, such as a DPoP proof, a security event or a logout token, is not accepted in its place. Check that this token is the kind you meant, and make your verifier check typ.`,
  },
} as const satisfies Record<string, FindingText>

export type FindingCode = keyof typeof FINDINGS

/** Every code findTokenRisks can return, in the order it checks them. */
export const FINDING_CODES = Object.keys(FINDINGS) as readonly FindingCode[]

function finding(code: FindingCode, params: FindingParams, range?: Range, override?: { part?: FindingPart; severity?: FindingSeverity }): Finding {
  const row: FindingText = FINDINGS[code]
  return {
    code,
    severity: override?.severity ?? row.severity,
    part: override?.part ?? row.part,
    ...(range && { range }),
    title: row.title(params),
    explanation: row.explanation(params),
    reference: row.reference,
    params,
  }
}

// -----------------------------------------------------------------------------------------------
// Where members sit: the decoded JSON's positions, mapped to the characters of the token
// -----------------------------------------------------------------------------------------------

/** Beyond this many characters of JSON, positions are not computed (the tree costs several times JSON.parse). */
const MAX_POSITIONED_JSON = 1024 * 1024

interface JsonPart {
  readonly root?: JsonNode
  /** Token range of a range in the decoded JSON text. */
  readonly toToken: (jsonRange: Range) => Range
}

function jsonPart(segment: Segment | undefined, text: string | undefined, unencoded: boolean): JsonPart | undefined {
  if (!segment || text === undefined) return undefined
  const root = text.length <= MAX_POSITIONED_JSON ? parseJson(text, { tree: true }).root : undefined
  // RFC 7797 §3: with "b64": false the payload's characters are its JSON text, one for one.
  const toToken = unencoded
    ? (r: Range): Range => [segment.range[0] + r[0], segment.range[0] + r[1]]
    : (r: Range): Range => jsonRangeToTokenRange(segment, text, r)
  return { root, toToken }
}

/** The token range of a top-level member: its last occurrence, the one JSON.parse keeps. */
function memberRange(part: JsonPart | undefined, name: string): Range | undefined {
  if (part?.root?.kind !== 'object') return undefined
  const members = part.root.members
  for (let i = members.length - 1; i >= 0; i--) if (members[i]!.key === name) return part.toToken(members[i]!.range)
  return undefined
}

// -----------------------------------------------------------------------------------------------
// The checks
// -----------------------------------------------------------------------------------------------

interface Context {
  readonly decoded: DecodedToken
  readonly header?: Readonly<Record<string, unknown>>
  readonly payload?: Readonly<Record<string, unknown>>
  readonly headerJson?: JsonPart
  readonly payloadJson?: JsonPart
  readonly secret?: FindingInput['secret']
  readonly now: number
}

const has = (object: Readonly<Record<string, unknown>> | undefined, name: string): object is Readonly<Record<string, unknown>> => object !== undefined && Object.hasOwn(object, name)
const numeric = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

/** A value for a sentence: strings as they are, anything else as JSON, at most 80 characters. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function checkAlgNone({ decoded, headerJson }: Context): Finding[] {
  if (decoded.kind === 'jwe' || decoded.alg?.toLowerCase() !== 'none') return []
  return [finding('finding.alg-none', { alg: decoded.alg }, memberRange(headerJson, 'alg'))]
}

/** PEM, JWK, JWK set, SSH or bare DER text: what a public key pasted as a secret looks like. */
function asymmetricKeyForm(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed.startsWith('{') && /"keys"\s*:\s*\[/.test(trimmed) && /"kty"\s*:\s*"(?:RSA|EC|OKP|AKP)"/.test(trimmed)) return 'jwks'
  const pem = looksLikePublicKey(trimmed)
  if (pem === 'PEM public key') return 'pem-public-key'
  if (pem === 'PEM certificate') return 'pem-certificate'
  if (pem === 'PEM private key') return 'pem-private-key'
  if (pem === 'JWK public key') return 'jwk'
  if (/-----BEGIN [A-Z0-9 ]*(?:PUBLIC KEY|PRIVATE KEY|CERTIFICATE)-----/.test(trimmed)) return /PRIVATE/.test(trimmed) ? 'pem-private-key' : 'pem-public-key'
  if (/^(?:ssh-(?:rsa|ed25519|ed448|dss)|ecdsa-sha2-nistp(?:256|384|521)) AAAA/.test(trimmed)) return 'ssh-public-key'
  // SPKI and PKCS#8 DER start with a SEQUENCE: MII… (RSA), MFkw/MHYw/MIGb (EC), MCow/MEMw (Ed25519/Ed448).
  if (/^(?:MII|MFkw|MHYw|MIGb|MCow|MEMw)[A-Za-z0-9+/\s]{40,}={0,2}$/.test(trimmed)) return 'der-base64'
  return undefined
}

/** The secret's findings, for an HMAC token only: a PEM key given for RS256 is what it should be. */
function checkSecret({ decoded, secret }: Context): Finding[] {
  const algorithm = algorithmOf(decoded.alg)
  if (!secret || decoded.kind === 'jwe' || algorithm?.family !== 'HMAC' || (secret.text === '' && secret.bytes.length === 0)) return []
  const found: Finding[] = []
  const alg = algorithm.alg
  const asText = decodeUtf8(secret.bytes)
  const bytesText = asText.ok && asText.text !== secret.text ? asText.text : undefined
  const form = asymmetricKeyForm(secret.text) ?? (bytesText === undefined ? undefined : asymmetricKeyForm(bytesText))
  if (form) found.push(finding('finding.secret-is-public-key', { alg, form }))
  // RFC 7518 §3.2: "A key of the same size as the hash output ... or larger MUST be used".
  if (algorithm.signatureLength !== undefined && secret.bytes.length < algorithm.signatureLength) {
    const minimumBytes = algorithm.signatureLength
    found.push(finding('finding.secret-short', { alg, bytes: secret.bytes.length, bits: secret.bytes.length * 8, minimumBytes, minimumBits: minimumBytes * 8 }))
  }
  const typed = matchWeakSecret(secret.text)
  const read = bytesText === undefined ? undefined : matchWeakSecret(bytesText)
  if (typed !== undefined) found.push(finding('finding.secret-weak', { match: typed, via: 'text' }))
  else if (read !== undefined) found.push(finding('finding.secret-weak', { match: read, via: 'bytes' }))
  return found
}

function checkJwe({ decoded, header }: Context): Finding[] {
  if (decoded.kind !== 'jwe') return []
  return [finding('finding.jwe-not-jws', { alg: shown(header?.alg ?? '(none)'), enc: shown(header?.enc ?? '(none)') })]
}

function checkKeyHeaders({ header, headerJson }: Context): Finding[] {
  const found: Finding[] = []
  // RFC 7515 §4.1.2 jku, §4.1.5 x5u: where to fetch the key; §4.1.3 jwk, §4.1.6 x5c: the key itself.
  for (const member of ['jku', 'x5u'] as const) {
    if (has(header, member)) found.push(finding('finding.key-url', { member, url: shown(header[member]) }, memberRange(headerJson, member)))
  }
  for (const member of ['jwk', 'x5c'] as const) {
    if (has(header, member)) found.push(finding('finding.embedded-key', { member }, memberRange(headerJson, member)))
  }
  return found
}

/** `..` as a path segment, an absolute or home path, a drive letter, a NUL, a file: URL. */
const PATH_LIKE: readonly RegExp[] = [/(?:^|[\\/])\.\.(?:[\\/]|$)/, /^[\\/~]/, /^[A-Za-z]:[\\/]/, /\0/, /^file:/i]
/** Quotes, statement ends, comments, and the keywords of classic injections. */
const SQL_LIKE: readonly RegExp[] = [/['"`;]/, /--/, /\/\*/, /\bunion\b[\s\S]*\bselect\b/i, /\bselect\b[\s\S]*\bfrom\b/i, /\bor\b\s+\S+\s*=\s*\S+/i, /\b(?:drop|truncate)\s+table\b/i, /\b(?:sleep|benchmark|pg_sleep)\s*\(/i, /\bwaitfor\s+delay\b/i]

const MAX_KID_SEARCHED = 1024

function firstMatch(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    if (match) return match[0] === '\0' ? 'U+0000' : shown(match[0])
  }
  return undefined
}

function checkKid({ header, headerJson }: Context): Finding[] {
  const kid = header?.kid
  if (typeof kid !== 'string') return []
  const range = memberRange(headerJson, 'kid')
  const found: Finding[] = []
  // Only the start is searched: some patterns scan ahead, and a real kid is short.
  const head = kid.slice(0, MAX_KID_SEARCHED)
  const path = firstMatch(head, PATH_LIKE)
  if (path !== undefined) found.push(finding('finding.kid-path-traversal', { kid: shown(kid), match: path }, range))
  const sql = firstMatch(head, SQL_LIKE)
  if (sql !== undefined) found.push(finding('finding.kid-sql', { kid: shown(kid), match: sql }, range))
  return found
}

/** Header parameters the JWS and JWA specifications define, which crit must not list (RFC 7515 §4.1.11). */
const REGISTERED_HEADER = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c'])
/** The extensions this debugger implements. */
const UNDERSTOOD_CRIT = new Set(['b64'])

function critProblem(header: Readonly<Record<string, unknown>>, crit: unknown): { problem: string; name?: string } | undefined {
  if (!Array.isArray(crit)) return { problem: 'not-array' }
  if (crit.length === 0) return { problem: 'empty' }
  if (crit.some((name) => typeof name !== 'string')) return { problem: 'not-string' }
  const registered = (crit as string[]).find((name) => REGISTERED_HEADER.has(name))
  if (registered !== undefined) return { problem: 'registered', name: registered }
  const absent = (crit as string[]).find((name) => !Object.hasOwn(header, name))
  if (absent !== undefined) return { problem: 'absent', name: absent }
  return undefined
}

function checkCrit({ header, headerJson }: Context): Finding[] {
  if (!has(header, 'crit')) return []
  const crit = header.crit
  const range = memberRange(headerJson, 'crit')
  const found: Finding[] = []
  const malformed = critProblem(header, crit)
  if (malformed) found.push(finding('finding.crit-malformed', malformed.name === undefined ? { problem: malformed.problem } : { problem: malformed.problem, name: shown(malformed.name) }, range))
  const names = Array.isArray(crit) ? crit.filter((name): name is string => typeof name === 'string') : []
  const unknown = [...new Set(names.filter((name) => !UNDERSTOOD_CRIT.has(name) && !REGISTERED_HEADER.has(name)))]
  if (unknown.length > 0) found.push(finding('finding.unknown-crit', { members: shown(unknown.join(', ')), count: unknown.length }, range))
  return found
}

function checkB64({ header, headerJson }: Context): Finding[] {
  if (header?.b64 !== false) return []
  const listed = Array.isArray(header.crit) && header.crit.includes('b64')
  return [finding('finding.b64-false', { crit: listed ? 'listed' : 'missing' }, memberRange(headerJson, 'b64'))]
}

/** The member name a duplicate-member problem points at: its JSON string, read back. */
function duplicateName(problem: Problem, json: string | undefined): string {
  const literal = problem.jsonRange && json !== undefined ? json.slice(...problem.jsonRange) : ''
  try {
    const name: unknown = JSON.parse(literal)
    return typeof name === 'string' ? shown(name) : shown(literal)
  } catch {
    return shown(literal)
  }
}

const BASE64_PROBLEMS: Readonly<Record<string, string>> = { 'base64-non-canonical': 'unused-bits', 'base64-padding': 'padding', 'base64-standard': 'standard-alphabet' }
const FINDING_PARTS: ReadonlySet<string> = new Set(['header', 'payload', 'signature'])

/** decodeToken already found duplicate names and non-canonical base64url: reuse its problems. */
function checkDecodeProblems({ decoded }: Context): Finding[] {
  const found: Finding[] = []
  const payloadText = decoded.payload?.kind === 'json' ? decoded.payload.text : undefined
  for (const problem of decoded.problems) {
    const [part, kind = ''] = problem.code.split('.')
    if (problem.code === 'header.duplicate-member') found.push(finding('finding.duplicate-header-member', { name: duplicateName(problem, decoded.header?.text) }, problem.range))
    else if (problem.code === 'payload.duplicate-member') found.push(finding('finding.duplicate-claim', { name: duplicateName(problem, payloadText) }, problem.range))
    else if (BASE64_PROBLEMS[kind] !== undefined && part !== undefined) {
      const findingPart = FINDING_PARTS.has(part) ? (part as FindingPart) : 'token'
      // A signature with other spellings lets the token text change while it still verifies.
      const severity = part === 'signature' ? 'medium' : 'low'
      found.push(finding('finding.non-canonical-base64url', { part: problem.part, issue: BASE64_PROBLEMS[kind], offset: problem.offset }, problem.range, { part: findingPart, severity }))
    }
  }
  return found
}

function checkExpiry({ payload, payloadJson, header, now }: Context): Finding[] {
  if (!payload) return []
  if (!has(payload, 'exp')) return [finding('finding.no-exp', {})]
  const exp = numeric(payload.exp)
  if (exp === undefined) return []
  const marked = tokenRole(payload, header)
  if (marked === 'refresh') return []
  const iat = numeric(payload.iat)
  const seconds = iat === undefined ? exp - now : exp - iat
  if (!(seconds > MAX_ACCESS_LIFETIME)) return []
  return [finding('finding.long-lifetime', { seconds: Math.round(seconds), from: iat === undefined ? 'now' : 'iat', role: marked ?? 'unmarked' }, memberRange(payloadJson, 'exp'))]
}

function checkFutureTimes({ payload, payloadJson, now }: Context): Finding[] {
  const found: Finding[] = []
  for (const claim of ['iat', 'nbf'] as const) {
    const value = numeric(payload?.[claim])
    if (value === undefined || !(value - now > CLOCK_SKEW)) continue
    const code = claim === 'iat' ? 'finding.iat-in-future' : 'finding.nbf-in-future'
    found.push(finding(code, { [claim]: value, now: Math.floor(now), secondsAhead: Math.round(value - now) }, memberRange(payloadJson, claim)))
  }
  return found
}

function checkTyp({ header, headerJson }: Context): Finding[] {
  if (!header) return []
  if (!has(header, 'typ')) return [finding('finding.no-typ', {})]
  const typ = header.typ
  // RFC 7515 §4.1.9: typ is a media type, compared case-insensitively, "application/" optional.
  const normal = typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : undefined
  if (normal === 'jwt' || normal === 'at+jwt') return []
  return [finding('finding.unexpected-typ', { typ: shown(typ) }, memberRange(headerJson, 'typ'))]
}

// -----------------------------------------------------------------------------------------------
// Secret and personal data in the payload (RFC 7519 §12)
// -----------------------------------------------------------------------------------------------

/** Member names, lower case without separators, that say a value is a credential. */
const CREDENTIAL_NAMES = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'secret', 'apikey', 'apisecret', 'apitoken', 'accesskey', 'secretkey', 'privatekey', 'secretaccesskey', 'clientsecret', 'credentials', 'creds', 'pin', 'otp', 'totpsecret', 'mfasecret', 'mnemonic', 'seedphrase'])
const CREDENTIAL_ENDINGS = ['password', 'passwd', 'secret', 'apikey', 'privatekey', 'secretkey'] as const
/** Member names that say a value is personal data the recipient rarely needs. */
const PERSONAL_NAMES = new Set(['ssn', 'socialsecuritynumber', 'socialsecurity', 'nationalid', 'nationalidnumber', 'taxid', 'passport', 'passportnumber', 'driverslicense', 'driverlicense', 'dob', 'dateofbirth', 'birthdate', 'creditcard', 'creditcardnumber', 'cardnumber', 'ccnumber', 'pan', 'cvv', 'cvc', 'cvv2', 'iban', 'bankaccount', 'accountnumber', 'routingnumber'])
/** Claims that hold identifiers, whose values are not read as personal data. */
const IDENTIFIER_CLAIMS = new Set(['iss', 'sub', 'aud', 'jti', 'sid', 'azp', 'client_id', 'nonce', 'at_hash', 'c_hash', 'kid'])

const normalName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

function isCredentialName(name: string): boolean {
  const normal = normalName(name)
  return CREDENTIAL_NAMES.has(normal) || CREDENTIAL_ENDINGS.some((ending) => normal.endsWith(ending))
}

/** The Luhn check digit test (ISO/IEC 7812-1 Annex B). */
function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

/** ISO 13616: move the first four characters to the end, letters to 10..35, and the number mod 97 is 1. */
function passesIbanCheck(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let rest = 0
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48
    rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97
  }
  return rest === 1
}

type DataKind = 'card' | 'ssn' | 'iban' | 'email' | 'phone'

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,63}$/
// SSA rules: no area 000, 666 or 900-999, no group 00, no serial 0000.
const SSN = /^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/

/** What a scalar value looks like, by its form alone; bounded lengths keep every test linear. */
function dataKind(value: string): { kind: DataKind; last4?: string; country?: string } | undefined {
  const text = value.trim()
  if (text.length > 254) return undefined
  if (/^\d(?:[ -]?\d){12,18}$/.test(text)) {
    const digits = text.replace(/[ -]/g, '')
    // Card numbers start with 2 to 6 (ISO/IEC 7812 major industry identifiers of card networks).
    if (digits[0]! >= '2' && digits[0]! <= '6' && passesLuhn(digits)) return { kind: 'card', last4: digits.slice(-4) }
  }
  if (SSN.test(text)) return { kind: 'ssn' }
  const compact = text.replace(/ /g, '').toUpperCase()
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) && passesIbanCheck(compact)) return { kind: 'iban', country: compact.slice(0, 2) }
  if (EMAIL.test(text)) return { kind: 'email' }
  const phone = text.replace(/^tel:/i, '')
  const digitCount = phone.replace(/\D/g, '').length
  if ((/^\+[1-9][\d ().-]{6,20}$/.test(phone) && digitCount >= 8 && digitCount <= 15) || /^\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$/.test(phone)) return { kind: 'phone' }
  return undefined
}

const DATA_CODES: Record<DataKind, FindingCode> = {
  card: 'finding.payload-card-number',
  ssn: 'finding.payload-ssn',
  iban: 'finding.payload-iban',
  email: 'finding.payload-email',
  phone: 'finding.payload-phone',
}

/** Bounds on the walk, so a hostile payload stays cheap: values visited, and data findings. */
const MAX_VISITED = 50_000
const MAX_DATA_FINDINGS = 20

/** A value met on the walk: from the position tree when there is one, else from JSON.parse's value. */
interface Visit {
  readonly node?: JsonNode
  readonly value: unknown
  readonly name?: string
  readonly index?: number
  /** The member's range (name to value), or the array item's, in the JSON text. */
  readonly jsonRange?: Range
  readonly parent?: Visit
}

/** `user.email`, `phones[0]`, `["a.b"]`: the path for a sentence, its last six steps at most. */
function pathOf(visit: Visit): string {
  const steps: string[] = []
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) {
    if (steps.length === 6) {
      steps.push('…')
      break
    }
    steps.push(at.name === undefined ? `[${at.index}]` : /^[A-Za-z_$][\w$-]*$/.test(at.name) ? `.${at.name}` : `[${JSON.stringify(at.name)}]`)
  }
  const path = steps.reverse().join('')
  return shown(path.startsWith('.') ? path.slice(1) : path)
}

function childrenOf(visit: Visit): Visit[] {
  const { node, value } = visit
  if (node) {
    if (node.kind === 'object') return node.members.map((m: JsonMember) => ({ node: m.value, value: undefined, name: m.key, jsonRange: m.range, parent: visit }))
    if (node.kind === 'array') return node.items.map((item, index) => ({ node: item, value: undefined, index, jsonRange: item.range, parent: visit }))
    return []
  }
  if (Array.isArray(value)) return value.map((item: unknown, index) => ({ value: item, index, parent: visit }))
  if (isObject(value)) return Object.entries(value).map(([name, item]) => ({ value: item, name, parent: visit }))
  return []
}

/** A scalar as text to test: strings, and integers written with card-like digits. */
function scalarText(visit: Visit): string | undefined {
  const { node, value } = visit
  if (node) return node.kind === 'string' ? node.value : node.kind === 'number' && /^\d{13,19}$/.test(node.raw) ? node.raw : undefined
  if (typeof value === 'string') return value
  return Number.isSafeInteger(value) && String(value).length >= 13 ? String(value) : undefined
}

/** Whether a value holds anything: not null, false, true or an empty string. */
function holdsData(visit: Visit): boolean {
  const { node, value } = visit
  if (node) return node.kind !== 'null' && node.kind !== 'boolean' && !(node.kind === 'string' && node.value === '')
  return value !== null && typeof value !== 'boolean' && value !== '' && value !== undefined
}

/** One finding at most per value: a credential's name, else what the value looks like, else a personal name. */
function dataFinding(visit: Visit, toToken?: (r: Range) => Range): Finding | undefined {
  // Placing costs a pass over the text before the value, so only a finding is placed.
  const range = () => (visit.jsonRange && toToken ? toToken(visit.jsonRange) : undefined)
  const name = visit.name
  if (name !== undefined && isCredentialName(name) && holdsData(visit)) return finding('finding.payload-credential', { member: shown(name), path: pathOf(visit) }, range())
  const topLevel = visit.parent?.parent === undefined
  const text = name !== undefined && topLevel && IDENTIFIER_CLAIMS.has(name) ? undefined : scalarText(visit)
  const kind = text === undefined ? undefined : dataKind(text)
  if (kind) {
    const params: Record<string, string> = { path: pathOf(visit) }
    if (kind.last4 !== undefined) params.last4 = kind.last4
    if (kind.country !== undefined) params.country = kind.country
    return finding(DATA_CODES[kind.kind], params, range())
  }
  if (name !== undefined && PERSONAL_NAMES.has(normalName(name)) && holdsData(visit)) return finding('finding.payload-personal', { member: shown(name), path: pathOf(visit) }, range())
  return undefined
}

function checkPayloadData({ decoded, payload, payloadJson }: Context): Finding[] {
  if (!payload || decoded.payload?.kind !== 'json') return []
  const root: Visit = payloadJson?.root ? { node: payloadJson.root, value: undefined } : { value: payload }
  const found: Finding[] = []
  // Iterative, depth first in document order: a payload may nest 10,000 levels.
  const stack: Visit[] = []
  // Pushed last to first, so the first child is visited first; no spread, an array may be huge.
  const pushChildren = (visit: Visit) => {
    const children = childrenOf(visit)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  pushChildren(root)
  for (let visited = 0; stack.length > 0 && visited < MAX_VISITED && found.length < MAX_DATA_FINDINGS; visited++) {
    const visit = stack.pop()!
    const data = dataFinding(visit, root.node ? payloadJson?.toToken : undefined)
    if (data) found.push(data)
    else pushChildren(visit)
  }
  return found
}

// -----------------------------------------------------------------------------------------------

/** The checks, in the order their findings are listed within a severity. */
const CHECKS: readonly ((context: Context) => Finding[])[] = [
  checkAlgNone,
  checkSecret,
  checkJwe,
  checkKeyHeaders,
  checkKid,
  checkCrit,
  checkB64,
  checkDecodeProblems,
  checkExpiry,
  checkFutureTimes,
  checkPayloadData,
  checkTyp,
]

const SEVERITY_ORDER: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2, info: 3 }

/**
 * What is unsafe about this token, most severe first. Never throws: a token that cannot be read
 * yields the findings that can be made from what was read.
 */
export function findTokenRisks(input: FindingInput): Finding[] {
  const { decoded } = input
  const header = isObject(decoded.header?.value) ? decoded.header.value : undefined
  const payloadValue = decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
  const payload = isObject(payloadValue) ? payloadValue : undefined
  const [headerSegment, payloadSegment] = decoded.segments
  const context: Context = {
    decoded,
    header,
    payload,
    headerJson: header ? jsonPart(headerSegment, decoded.header?.text, false) : undefined,
    payloadJson: payload && decoded.payload?.kind === 'json' ? jsonPart(payloadSegment, decoded.payload.text, header?.b64 === false) : undefined,
    secret: input.secret,
    now: input.now,
  }
  return CHECKS.flatMap((check) => check(context)).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
}
