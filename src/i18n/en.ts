/**
 * Every sentence the page's components show, in English. zh-CN.ts has the same shape (a missing
 * key there is a type error). Sentences of the core come in English from src/jwt; those of the
 * diagnosis, the verdict and the library predictions also carry a code and params, which
 * core.zh-CN.ts translates (src/i18n/core.ts). Problems are still shown in English.
 */
import { describeSpan } from '../jwt/time'

export const en = {
  /** A span of seconds in its largest whole unit: "3 minutes". */
  span: describeSpan,
  app: {
    title: 'JWT Debugger',
    tagline: 'decode, verify and sign JSON Web Tokens — nothing leaves this page',
  },
  /** Panel names, as the error boundary says them: "The signature panel failed". */
  panels: {
    toolbar: 'toolbar',
    notes: 'notes',
    'token editor': 'token editor',
    'claims panel': 'claims panel',
    'decoded panel': 'decoded panel',
    'signature panel': 'signature panel',
    'libraries panel': 'libraries panel',
    'key workbench': 'key workbench',
    'code snippets panel': 'code snippets panel',
    'signature steps panel': 'signature steps panel',
    'findings panel': 'findings panel',
  },
  /** "Security findings": what is unsafe about the token. Each finding's own sentences are the core's English. */
  findings: {
    title: 'Security findings',
    hint: 'what is unsafe about this token',
    loading: 'Looking for risks…',
    tooLarge: (kb: number) => `This token is too large to look for risks here (${kb} KB; up to 256 KB).`,
    empty: 'Paste a token to see what is unsafe about it.',
  },
  /** "How the signature is made": the signing input, the recipe, the bytes, the secret's signature. */
  steps: {
    title: 'How the signature is made',
    hint: 'signing input, recipe, bytes',
    loading: 'Loading the explanation…',
    loadFailed: (message: string) => `The explanation could not be loaded (${message}); reload the page to try again.`,
  },
  /** "Use it in code": the programs' names and where they take the key from. */
  snippets: {
    title: 'Use it in code',
    hint: 'Python (PyJWT), Node (jose), curl',
    loading: 'Loading the code snippets…',
    loadFailed: (message: string) => `The code snippets could not be loaded (${message}); reload the page to try again.`,
  },
  boundary: {
    failed: (panel: string) => `The ${panel} failed`,
    rest: (message: string) => `: ${message}. Your token and keys are kept.`,
    reset: (panel: string) => `Reset the ${panel}`,
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  copy: { copy: 'Copy', copied: 'Copied', failed: 'Copy failed', download: 'Download' },
  toolbar: {
    label: 'Page tools',
    example: 'Example',
    newExample: 'New example',
    copyToken: 'Copy token',
    copyShareLink: 'Copy share link',
    withPublicKey: 'with public key',
    clear: 'Clear',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
    language: 'Language',
  },
  notes: { label: 'Notes', dismiss: 'Dismiss note' },
  token: {
    title: 'Encoded',
    hint: 'paste a token here',
    label: 'Encoded token',
    notShown: (count: string) => `… ${count} characters not shown …`,
    large: (mb: string) => `This token is ${mb} MB, so the field shows only its start and end, read-only. Paste into it to replace the token, or Clear.`,
    plain: (kb: number) => `Colours are off for a token this large (${kb} KB), so typing stays fast.`,
    problems: 'Problems in the token',
    jwe: (key: number, iv: number, ciphertext: number, tag: number) => `Encrypted key ${key} bytes, IV ${iv} bytes, ciphertext ${ciphertext} bytes, tag ${tag} bytes.`,
  },
  /** Linked highlighting and the "how base64url works" inset beside the token field. */
  linked: {
    partial: 'carries bits of two neighbours',
  },
  decoded: {
    title: 'Decoded',
    hint: 'edit to re-encode',
    parts: { Header: 'Header', Payload: 'Payload' },
    copy: { Header: 'Copy header', Payload: 'Copy payload' },
    large: (part: 'Header' | 'Payload', mb: string, kb: number) => `The ${part.toLowerCase()} is ${mb} MB: showing its first ${kb} KB, read-only. Copy it whole with the Copy button.`,
    invalid: 'Invalid JSON, the token keeps its last valid value: ',
  },
  algorithm: {
    label: 'Algorithm',
    unknown: (alg: string) => `${alg} (unknown)`,
    choose: 'choose…',
    groups: { none: 'None', HMAC: 'HMAC (shared secret)', RSA: 'RSA PKCS#1 v1.5', 'RSA-PSS': 'RSA-PSS', ECDSA: 'ECDSA', EdDSA: 'EdDSA', 'ML-DSA': 'ML-DSA (post-quantum)' },
  },
  encodings: { utf8: 'UTF-8 text', base64url: 'base64url', base64: 'base64', hex: 'hex' },
  signature: {
    title: 'Verify signature',
    keyGeneration: 'Key generation',
    generatingRsa: 'Generating an RSA key (this can take a moment)…',
    generating: (alg: string) => `Generating a key for ${alg}…`,
    keyFailed: (message: string) => `Could not generate a key: ${message}`,
    secret: 'Secret',
    secretEncoding: 'Secret encoding',
    copySecret: 'Copy secret',
    secretPlaceholder: 'the shared secret',
    publicPlaceholder: 'PEM (SPKI, PKCS#1, certificate), JWK or JWK set, to verify',
    privatePlaceholder: 'PEM (PKCS#8, PKCS#1, SEC1) or JWK, to sign edits',
    signFailed: (message: string) => `Could not sign: ${message}`,
  },
  keyField: {
    labels: { 'Public key': 'Public key', 'Private key': 'Private key' },
    copy: { 'Public key': 'Copy public key', 'Private key': 'Copy private key' },
    formats: { empty: '', pem: 'PEM', jwk: 'JWK', jwks: 'JWK set', secret: 'not a key format' },
  },
  status: {
    label: 'Signature status',
    checking: 'Checking the signature…',
    verified: 'Signature verified',
    enterKey: 'Enter a key to verify',
    notSigned: 'Not signed',
    encrypted: 'Encrypted token',
    cannotVerifyToken: 'Cannot verify this token',
    cannotVerifyKey: 'Cannot verify with this key',
    invalid: 'Invalid signature',
    key: 'Key: ',
  },
  diagnosis: {
    title: 'Why it does not verify',
    causes: 'Causes that would make it verify',
    fixes: {
      base64url: 'Read the secret as base64url',
      base64: 'Read the secret as base64',
      hex: 'Read the secret as hex',
      utf8: 'Read the secret as UTF-8 text',
    },
    cleaned: 'Use the cleaned secret',
    note: 'Each cause above was tried on the real signature; the verdict stays as it is until you change the key.',
    /** Ends a hypothesis, which the core writes without a full stop. */
    stop: '.',
  },
  claims: {
    title: 'What the token says',
    loading: 'Reading the claims…',
    caption: 'Claims',
    claim: 'Claim',
    value: 'Value',
    meaning: 'Meaning',
    unregistered: 'Not a registered claim',
    more: (count: number) => `and ${count} more claims, not listed here; the payload editor shows them all`,
    notObject: 'The payload is not a JSON object, so it has no claims.',
    notNumericDate: 'not a NumericDate: seconds since 1970 expected',
    validation: 'Claim validation',
    checks: 'Claim checks',
    marks: { pass: 'passed', fail: 'failed', skip: 'not checked' },
    noneChecked: 'No claims were checked',
    valid: 'Claims valid',
    relative: {
      exp: { past: (span: string) => `expired ${span} ago`, future: (span: string) => `expires in ${span}` },
      nbf: { past: (span: string) => `valid since ${span} ago`, future: (span: string) => `valid in ${span}` },
      iat: { past: (span: string) => `issued ${span} ago`, future: (span: string) => `issued in the future: in ${span}` },
      auth_time: { past: (span: string) => `authenticated ${span} ago`, future: (span: string) => `authenticated in the future: in ${span}` },
      updated_at: { past: (span: string) => `updated ${span} ago`, future: (span: string) => `updated in the future: in ${span}` },
      other: { past: (span: string) => `${span} ago`, future: (span: string) => `in ${span}` },
    },
  },
  expectations: {
    summary: 'Check against an issuer, audience, required claims or leeway',
    fields: {
      issuer: { label: 'Expected issuer', placeholder: 'iss, e.g. https://auth.example.com/' },
      audience: { label: 'Expected audience', placeholder: 'aud; several separated by commas' },
      subject: { label: 'Expected subject', placeholder: 'sub' },
      required: { label: 'Required claims', placeholder: 'e.g. exp, iat, sub' },
      leeway: { label: 'Leeway (seconds)', placeholder: '0' },
      typ: { label: 'Expected typ', placeholder: 'header typ, e.g. at+jwt' },
    },
  },
  timeline: {
    title: 'Validity',
    picture: 'Validity timeline',
    checkAt: 'Check at',
    now: 'Now',
    live: 'Checked at the real now, ticking.',
    fixed: (when: string) => `Checked at ${when}, not now: the claims, the timeline and the library predictions use this moment.`,
    offsets: { minusHour: '−1 hour', plusHour: '+1 hour', plusDay: '+1 day', afterExp: 'Just after exp', atIat: 'At iat' },
    leeway: (seconds: number) => `leeway ${seconds} s`,
    marker: { now: 'now', at: 'checked' },
    state: {
      valid: (left: string) => `Valid at this moment, for another ${left}.`,
      validForever: 'Valid at this moment, and it never expires (no exp).',
      expired: (ago: string) => `Expired ${ago} before this moment.`,
      notYet: (wait: string) => `Not valid yet: it becomes valid ${wait} after this moment.`,
      inLeeway: (claim: string) => `Within the leeway of ${claim}: accepted only because of the leeway.`,
    },
    lifetime: (span: string) => `Lifetime ${span} (from iat or nbf to exp).`,
    noTimes: 'The token has no iat, nbf or exp: nothing limits when it can be used.',
  },
  role: {
    access: (mark: string) =>
      `An access token (${mark}): sent with every API call, so it should live minutes, not days. APIs accept it; the token endpoint must not trade it for a new one.`,
    refresh: (mark: string) =>
      `A refresh token (${mark}): long-lived and sent only to the token endpoint, which trades it for a new short-lived access token. An API must refuse it in place of an access token.`,
    unknown:
      'The token does not say whether it is an access or a refresh token (no type, token_type or refresh claim, no typ at+jwt): a server that issues both cannot tell them apart, so a long-lived refresh token could be used to call the API.',
  },
  libraries: {
    title: 'What libraries would say',
    hint: 'PyJWT, jose, flask-jwt-extended, Flask-JWT',
    loading: 'Loading the library predictions…',
    loadFailed: (message: string) => `The library predictions could not be loaded (${message}); reload the page to try again.`,
  },
  workbench: {
    title: 'Key workbench',
    hint: 'read, convert, generate and publish keys',
    loading: 'Loading the key tools…',
    loadFailed: (message: string) => `The key tools could not be loaded (${message}); reload the page to try again.`,
  },
}

export type Messages = typeof en
