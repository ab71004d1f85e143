/**
 * Well-known weak HMAC secrets: common passwords, and the placeholder secrets that documentation,
 * tutorials and default configurations print, which end up in production. Tools that crack JWTs
 * try secrets like these first (RFC 8725 §2.2, §3.5). Composed for this project, not copied from a
 * wordlist.
 *
 * Loaded only with findings.ts, which the page imports on demand: it is not part of index.ts.
 */

/** Words and phrases, words separated by one space; each is listed joined by nothing, '-', '_' and ' '. */
const PHRASES = [
  // Common words and passwords.
  'secret', 'secrets', 'password', 'passwd', 'pass', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa55word',
  'changeme', 'changeit', 'admin', 'administrator', 'root', 'toor', 'qwerty', 'qwertyuiop', 'asdf',
  'asdfgh', 'asdfghjkl', 'zxcvbnm', '1q2w3e4r', '1qaz2wsx', 'letmein', 'welcome', 'default', 'guest',
  'user', 'login', 'master', 'test', 'testing', 'demo', 'example', 'sample', 'dummy', 'foo', 'bar',
  'foobar', 'baz', 'hello', 'hello world', 'key', 'token', 'jwt', 'jws', 'hmac', 'hs256', 'hs384',
  'hs512', 'sha256', 'dev', 'development', 'staging', 'prod', 'production', 'local', 'localhost',
  'monkey', 'dragon', 'football', 'baseball', 'iloveyou', 'trustno1', 'sunshine', 'princess',
  'shadow', 'superman', 'batman', 'starwars', 'whatever', 'nothing', 'none', 'null', 'nil',
  'undefined', 'empty', 'blank', 'todo', 'fixme', 'temp', 'tmp', 'xxx', 'xxxxxx', 'xxxxxxxx', 'abc',
  'abc123', 'abcd1234', 'abcdef', 'abcdefgh', 'aaaaaa', 'asdfasdf', '123', '1234', '12345', '123456',
  '1234567', '12345678', '123456789', '1234567890', '0123456789', '111111', '000000', '00000000',
  '654321', '121212', '123123', '112233', '159753', 's3cr3t', 's3cret', 'secr3t', 'hunter2', 'shh',
  'shhh', 'shhhh', 'shhhhh', 'shhhhhh', 'open sesame', 'abracadabra', 'sesame',
  // Framework and language names used as the secret.
  'express', 'node', 'nodejs', 'spring', 'spring boot', 'django', 'flask', 'fastapi', 'laravel',
  'rails', 'symfony', 'nestjs', 'golang', 'java', 'python', 'php', 'ruby', 'react', 'angular', 'vue',
  // Placeholder secrets from documentation, tutorials and sample configurations.
  'keyboard cat', 'my secret', 'my secret key', 'my jwt secret', 'my super secret', 'my super secret key',
  'my secret password', 'my secret token', 'my app secret', 'my little secret', 'my key',
  'secret key', 'secret password', 'secret token', 'secret phrase', 'secret passphrase', 'secret string',
  'secret value', 'secret here', 'jwt secret', 'jwt secret key', 'jwt key', 'jwt token', 'jwt token secret',
  'jwt signing key', 'jwt signing secret', 'jwt auth secret', 'jwt private key', 'jwt password',
  'token secret', 'token key', 'access token secret', 'refresh token secret', 'access secret',
  'refresh secret', 'auth secret', 'auth key', 'session secret', 'cookie secret', 'app secret', 'app key',
  'application secret', 'api secret', 'api key', 'client secret', 'server secret', 'signing key',
  'signing secret', 'hmac secret', 'hmac key', 'private key', 'shared secret', 'shared key',
  'encryption key', 'master key', 'default secret', 'default key', 'default jwt secret', 'dev secret',
  'dev key', 'development secret', 'test secret', 'test key', 'testing secret', 'local secret',
  'prod secret', 'production secret', 'demo secret', 'example secret', 'sample secret', 'insecure secret',
  'insecure key', 'unsafe secret', 'your secret', 'your secret key', 'your jwt secret',
  'your 256 bit secret', 'your 384 bit secret', 'your 512 bit secret', 'your own secret',
  'your secret here', 'your key here', 'your secret goes here', 'your api key', 'your super secret key',
  'your private key', 'a string secret at least 256 bits long', 'put your secret here',
  'insert secret here', 'enter your secret', 'secret goes here', 'replace me', 'replace this',
  'replace with your secret', 'change me', 'change this', 'change this secret', 'change this key',
  'change me in production', 'change in production', 'change this in production', 'please change me',
  'this is a secret', 'this is my secret', 'this is my secret key', 'this is a secret key',
  'this is the secret', 'this is not a secret', 'this is secret', 'this is super secret',
  'super secret', 'super secret key', 'super secret password', 'super duper secret', 'top secret',
  'top secret key', 'very secret', 'very secret key', 'ultra secret', 'not so secret', 'not a secret',
  'no secret', 'secret or private key', 'secret or public key',
] as const

/** Secrets also listed with these endings, the way people make a word "stronger". */
const SUFFIXED = ['secret', 'password', 'admin', 'changeme', 'jwt', 'key', 'test', 'mysecret', 'supersecret', 'secretkey', 'jwtsecret', 'qwerty', 'welcome', 'letmein', 'token', 'dev', 'root'] as const
const SUFFIXES = ['1', '12', '123', '1234', '!', '2024', '2025'] as const

const JOINERS = ['', '-', '_', ' '] as const

/** Every weak secret, in lower case, without repeats. */
export const WEAK_SECRETS: readonly string[] = (() => {
  const all = new Set<string>()
  for (const phrase of PHRASES) for (const joiner of JOINERS) all.add(phrase.split(' ').join(joiner))
  for (const word of SUFFIXED) for (const suffix of SUFFIXES) all.add(word + suffix)
  return [...all]
})()

const LOOKUP: ReadonlySet<string> = new Set(WEAK_SECRETS)

/** The list entry this secret is, comparing trimmed and case-insensitively; undefined when none. */
export function matchWeakSecret(secret: string): string | undefined {
  const candidate = secret.trim().toLowerCase()
  return LOOKUP.has(candidate) ? candidate : undefined
}
