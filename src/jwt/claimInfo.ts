/**
 * What each well-known claim and header parameter means, and which document defines it, so the
 * page can explain a token member by member. Pure data, no React.
 */

export interface ClaimInfo {
  readonly name: string
  /** One line, in plain words. */
  readonly description: string
  /** Where the name is defined, e.g. "RFC 7519 §4.1.4". */
  readonly spec: string
  /** 'time' when the value is a NumericDate: seconds since 1970 (RFC 7519 §2). */
  readonly kind?: 'time'
}

type Entry = readonly [description: string, spec: string]

/** Claims whose value is a NumericDate; OIDC Core §5.1 makes `updated_at` one too. */
export const TIME_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time', 'updated_at'] as const

const OIDC = 'OpenID Connect Core 1.0'

const PAYLOAD = {
  // RFC 7519 §4.1: the registered claim names.
  iss: ['Who issued the token, usually a URL naming the authorization server', 'RFC 7519 §4.1.1'],
  sub: ['Whom the token is about, e.g. a user ID, unique within the issuer', 'RFC 7519 §4.1.2'],
  aud: ['Who the token is meant for: a string or a list; a recipient not named must reject it', 'RFC 7519 §4.1.3'],
  exp: ['Expiration time: the token must not be accepted from this moment on', 'RFC 7519 §4.1.4'],
  nbf: ['Not before: the token must not be accepted before this moment', 'RFC 7519 §4.1.5'],
  iat: ['Issued at: when the token was created', 'RFC 7519 §4.1.6'],
  jti: ['Token ID: a unique identifier, useful to detect a replayed token', 'RFC 7519 §4.1.7'],

  // OpenID Connect Core §2: members of an ID token.
  auth_time: ['When the user last actually authenticated, which may be well before iat', `${OIDC} §2`],
  nonce: ['Value the client sent in its request, echoed back so it can detect a replayed ID token', `${OIDC} §2`],
  acr: ['Authentication context class: how strongly the user was authenticated', `${OIDC} §2`],
  amr: ['Authentication methods used, e.g. "pwd" or "otp" (values listed in RFC 8176)', `${OIDC} §2`],
  azp: ['Authorized party: the client ID the ID token was issued to', `${OIDC} §2`],
  at_hash: ['Left half of a hash of the access token, binding it to this ID token', `${OIDC} §3.1.3.6`],
  c_hash: ['Left half of a hash of the authorization code, binding it to this ID token', `${OIDC} §3.3.2.11`],
  sid: ['Session ID at the identity provider, used to log the session out', 'OpenID Connect Front-Channel Logout 1.0 §3'],

  // OpenID Connect Core §5.1: standard claims about the user.
  name: ['Full name, as the user would like it shown', `${OIDC} §5.1`],
  given_name: ['Given (first) name or names', `${OIDC} §5.1`],
  family_name: ['Family name (surname) or names', `${OIDC} §5.1`],
  middle_name: ['Middle name or names', `${OIDC} §5.1`],
  nickname: ['Casual name, which may differ from the given name', `${OIDC} §5.1`],
  preferred_username: ['Short name the user likes to be called by; not guaranteed unique, so not an identifier', `${OIDC} §5.1`],
  profile: ['URL of the user\'s profile page', `${OIDC} §5.1`],
  picture: ['URL of a picture of the user', `${OIDC} §5.1`],
  website: ['URL of the user\'s web page or blog', `${OIDC} §5.1`],
  email: ['Preferred email address; not guaranteed unique, so not an identifier', `${OIDC} §5.1`],
  email_verified: ['Whether the provider checked that the user controls the email address', `${OIDC} §5.1`],
  gender: ['Gender, e.g. "female" or "male", or another value', `${OIDC} §5.1`],
  birthdate: ['Date of birth as YYYY-MM-DD, or YYYY alone, or 0000-MM-DD when the year is withheld', `${OIDC} §5.1`],
  zoneinfo: ['Time zone from the tz database, e.g. "Europe/Paris"', `${OIDC} §5.1`],
  locale: ['Language and region as a BCP 47 tag, e.g. "en-US"', `${OIDC} §5.1`],
  phone_number: ['Preferred telephone number, E.164 format recommended', `${OIDC} §5.1`],
  phone_number_verified: ['Whether the provider checked that the user controls the phone number', `${OIDC} §5.1`],
  address: ['Postal address, as a JSON object (formatted, street_address, locality, country…)', `${OIDC} §5.1.1`],
  updated_at: ['When the user\'s information was last changed', `${OIDC} §5.1`],

  // OAuth: JWT access tokens (RFC 9068), token exchange (RFC 8693), proof of possession.
  client_id: ['The OAuth client that requested the token', 'RFC 8693 §4.3, RFC 9068 §2.2'],
  scope: ['Scopes granted, as one space-separated string', 'RFC 8693 §4.2, RFC 9068 §2.2.3'],
  scp: ['Scopes granted, as a string or a list: a common non-standard spelling of scope', 'non-standard (Microsoft Entra ID, Okta)'],
  act: ['Actor: who is acting on behalf of the subject after a token exchange (delegation)', 'RFC 8693 §4.1'],
  may_act: ['Who is allowed to act on behalf of the subject in a token exchange', 'RFC 8693 §4.4'],
  cnf: ['Confirmation: the key the presenter must prove it holds (proof of possession)', 'RFC 7800 §3.1'],
  roles: ['Roles of the subject, as in the SCIM user schema', 'RFC 9068 §2.2.3.1, RFC 7643 §4.1.2'],
  groups: ['Groups the subject belongs to, as in the SCIM user schema', 'RFC 9068 §2.2.3.1, RFC 7643 §4.1.2'],
  entitlements: ['Entitlements of the subject, as in the SCIM user schema', 'RFC 9068 §2.2.3.1, RFC 7643 §4.1.2'],

  // RFC 9449 §4.2: members of a DPoP proof.
  htm: ['HTTP method of the request this DPoP proof goes with', 'RFC 9449 §4.2'],
  htu: ['HTTP URL of the request this DPoP proof goes with, without query or fragment', 'RFC 9449 §4.2'],
  ath: ['Hash of the access token sent with this DPoP proof (base64url SHA-256)', 'RFC 9449 §4.2'],
} as const satisfies Record<string, Entry>

const HEADER = {
  // RFC 7515 §4.1: registered header parameter names.
  alg: ['Algorithm used to sign the token (or "none"); the verifier must not let the token choose it', 'RFC 7515 §4.1.1'],
  jku: ['URL of a JWK Set holding the signing key; trust it only for known URLs', 'RFC 7515 §4.1.2'],
  jwk: ['The public signing key itself, as a JWK; trusting it blindly lets anyone sign', 'RFC 7515 §4.1.3'],
  kid: ['Key ID: a hint to which key signed the token', 'RFC 7515 §4.1.4'],
  x5u: ['URL of the X.509 certificate chain of the signing key', 'RFC 7515 §4.1.5'],
  x5c: ['X.509 certificate chain of the signing key, each as base64 DER', 'RFC 7515 §4.1.6'],
  x5t: ['SHA-1 thumbprint of the signing key\'s X.509 certificate (base64url)', 'RFC 7515 §4.1.7'],
  'x5t#S256': ['SHA-256 thumbprint of the signing key\'s X.509 certificate (base64url)', 'RFC 7515 §4.1.8'],
  typ: ['Media type of the whole token, e.g. "JWT", or "at+jwt" for an OAuth access token (RFC 9068 §2.1)', 'RFC 7515 §4.1.9'],
  cty: ['Media type of the payload; "JWT" when the payload is itself a nested token', 'RFC 7515 §4.1.10'],
  crit: ['Header parameters the recipient must understand, or else reject the token', 'RFC 7515 §4.1.11'],
  b64: ['false when the payload is signed as is, without base64url encoding; must be listed in crit', 'RFC 7797 §3'],
} as const satisfies Record<string, Entry>

const TABLES = { header: HEADER, payload: PAYLOAD } as const

/** The names explained, per part: a translation of the descriptions is keyed by these. */
export type ExplainedNames = { readonly [P in keyof typeof TABLES]: keyof (typeof TABLES)[P] }

const isTimeClaim = (name: string) => (TIME_CLAIMS as readonly string[]).includes(name)

/** What a member of the header or the payload means, or undefined for a name no spec here defines. */
export function claimInfo(name: string, part: 'header' | 'payload'): ClaimInfo | undefined {
  const table: Readonly<Record<string, Entry>> = TABLES[part]
  // Own members only: a payload may hold "constructor" or "__proto__".
  if (!Object.hasOwn(table, name)) return undefined
  const [description, spec] = table[name]!
  return part === 'payload' && isTimeClaim(name) ? { name, description, spec, kind: 'time' } : { name, description, spec }
}
