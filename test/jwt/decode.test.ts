// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeToken, MAX_TOKEN_LENGTH } from '../../src/jwt/decode'
import { encodeBase64urlText } from '../../src/jwt/base64url'
import { RFC7515_A1, RFC7515_A5 } from '../fixtures/rfc7515'

const b64 = encodeBase64urlText
const tokenOf = (header: string, payload: string, signature = 'c2ln') => `${b64(header)}.${b64(payload)}.${signature}`
const codes = (text: string) => decodeToken(text).problems.map((p) => p.code)
const find = (text: string, code: string) => decodeToken(text).problems.find((p) => p.code === code)

describe('decodeToken', () => {
  it('decodes the RFC 7515 A.1 example, keeping the exact JSON text with its CRLF', () => {
    const decoded = decodeToken(RFC7515_A1.token)
    expect(decoded.kind).toBe('jws')
    expect(decoded.header?.text).toBe(RFC7515_A1.headerText)
    expect(decoded.payload).toMatchObject({ kind: 'json', text: RFC7515_A1.payloadText, value: { iss: 'joe', exp: 1300819380 } })
    expect(decoded.signature?.length).toBe(32)
    expect(decoded.alg).toBe('HS256')
    expect(decoded.problems).toEqual([])
  })

  it('gives the character range of every part and dot in the pasted text', () => {
    const text = `  ${RFC7515_A1.token}\n`
    const decoded = decodeToken(text)
    const [h, p, s] = decoded.segments
    expect(text.slice(...h!.range)).toBe(RFC7515_A1.token.split('.')[0])
    expect(text.slice(...p!.range)).toBe(RFC7515_A1.token.split('.')[1])
    expect(text.slice(...s!.range)).toBe(RFC7515_A1.token.split('.')[2])
    expect(decoded.dots.map((d) => text.slice(...d))).toEqual(['.', '.'])
    expect(decoded.token).toBe(RFC7515_A1.token)
  })

  it.each([
    ['a Bearer prefix', `Bearer ${RFC7515_A1.token}`, 'token.bearer-prefix'],
    ['a JWT prefix (Flask-JWT)', `JWT ${RFC7515_A1.token}`, 'token.bearer-prefix'],
    ['a whole Authorization header line', `Authorization: Bearer ${RFC7515_A1.token}`, 'token.authorization-header'],
    ['double quotes', `"${RFC7515_A1.token}"`, 'token.quotes'],
    ['quotes and a comma from a log line', `'${RFC7515_A1.token}',`, 'token.trailing-punctuation'],
    ['a JSON member', `"id_token": "${RFC7515_A1.token}"`, 'token.assignment'],
    ['an assignment', `token=${RFC7515_A1.token}`, 'token.assignment'],
    ['a quoted Bearer value with a comma', `"Bearer ${RFC7515_A1.token}",`, 'token.bearer-prefix'],
    ['a quoted header line', `'Authorization: Bearer ${RFC7515_A1.token}'`, 'token.authorization-header'],
  ])('tolerates %s and says what it removed', (_, text, code) => {
    const decoded = decodeToken(text)
    expect(decoded.token).toBe(RFC7515_A1.token)
    expect(decoded.header?.text).toBe(RFC7515_A1.headerText)
    expect(decoded.problems.map((p) => p.code)).toContain(code)
    expect(decoded.problems.every((p) => p.severity === 'info')).toBe(true)
  })

  it('decodes the unsecured RFC 7515 A.5 example with its empty signature', () => {
    const decoded = decodeToken(RFC7515_A5.token)
    expect(decoded.alg).toBe('none')
    expect(decoded.signature?.length).toBe(0)
    expect(decoded.problems).toEqual([])
  })

  it('reports a character outside the base64url alphabet with its offset', () => {
    const token = RFC7515_A1.token.replace('.eyJpc3', '.eyJ%c3')
    const problem = find(token, 'payload.base64-alphabet')
    expect(problem?.offset).toBe(token.indexOf('%'))
    expect(problem?.message).toContain(`"%" at offset ${token.indexOf('%')}`)
  })

  it('reports padding and standard base64 characters, and still decodes', () => {
    const header = b64('{"alg":"HS256"}')
    const decoded = decodeToken(`${header}=.e30.ab+/`)
    expect(decoded.problems.map((p) => p.code)).toEqual(['header.base64-padding', 'signature.base64-standard'])
    expect(decoded.header?.value).toEqual({ alg: 'HS256' })
  })

  it('reports a final character with non-zero unused bits and names the canonical one', () => {
    // "e30" is {}: the last character '0' carries 2 unused bits; '1' sets one of them.
    const problem = find(`${b64('{"alg":"HS256"}')}.e31.c2ln`, 'payload.base64-non-canonical')
    expect(problem?.message).toContain("canonical encoding ends in '0'")
  })

  it('reports a part with 4n+1 characters', () => {
    expect(codes(`${b64('{"alg":"HS256"}')}.e30.c2lnA`)).toContain('signature.base64-length')
  })

  it.each([
    ['no dots', 'abc', 'Found no dots'],
    ['one dot', `${b64('{"alg":"HS256"}')}.e30`, 'signature part is missing'],
    ['a trailing dot', `${RFC7515_A1.token}.`, 'ends the token with an empty part'],
  ])('reports a wrong number of dots: %s', (_, text, words) => {
    expect(find(text, 'token.dot-count')?.message).toContain(words)
  })

  it('decodes the header and payload of a token that lacks its signature', () => {
    const decoded = decodeToken(`${b64('{"alg":"HS256"}')}.${b64('{"sub":"a"}')}`)
    expect(decoded.header?.value).toEqual({ alg: 'HS256' })
    expect(decoded.payload).toMatchObject({ value: { sub: 'a' } })
  })

  it('reports invalid UTF-8 at the token character that carries the bad byte', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0x7d])
    const payload = Buffer.from(bytes).toString('base64url')
    const token = `${b64('{"alg":"HS256"}')}.${payload}.c2ln`
    const decoded = decodeToken(token)
    const problem = decoded.problems.find((p) => p.code === 'payload.utf8')
    expect(problem?.message).toContain('byte 5')
    expect(problem?.offset).toBe(token.indexOf('.') + 1 + Math.floor((5 * 4) / 3))
    expect(decoded.payload).toEqual({ kind: 'bytes', bytes })
  })

  it('reports invalid JSON with its position in the decoded JSON and in the token', () => {
    const token = tokenOf('{"alg":"HS256"}', '{"sub":"a",}')
    const problem = find(token, 'payload.invalid-json')
    expect(problem?.jsonRange).toEqual([10, 11])
    expect(problem?.message).toContain('trailing comma')
    const payloadStart = token.indexOf('.') + 1
    expect(problem?.offset).toBe(payloadStart + Math.floor((10 * 4) / 3))
  })

  it('reports header JSON that is not an object', () => {
    expect(codes(tokenOf('["HS256"]', '{}'))).toContain('header.not-object')
  })

  it('reports a payload of JSON that is not an object as a warning', () => {
    expect(find(tokenOf('{"alg":"HS256"}', '42'), 'payload.not-object')?.severity).toBe('warning')
  })

  it('shows a payload that is not JSON as text', () => {
    const decoded = decodeToken(tokenOf('{"alg":"HS256"}', 'hello world'))
    expect(decoded.payload).toEqual({ kind: 'text', text: 'hello world' })
    expect(decoded.problems.map((p) => p.code)).toEqual(['payload.not-json'])
  })

  it('reports a duplicate member in the header as an error and in the payload as a warning', () => {
    const token = tokenOf('{"alg":"HS256","alg":"none"}', '{"sub":"a","sub":"b"}')
    const decoded = decodeToken(token)
    expect(decoded.problems.find((p) => p.code === 'header.duplicate-member')?.severity).toBe('error')
    expect(decoded.problems.find((p) => p.code === 'payload.duplicate-member')?.severity).toBe('warning')
    expect(decoded.alg).toBe('none')
  })

  it.each([
    ['missing', '{"typ":"JWT"}', 'header.missing-alg'],
    ['not a string', '{"alg":256}', 'header.alg-not-string'],
    ['unknown', '{"alg":"HS999"}', 'header.unknown-alg'],
  ])('reports an alg that is %s', (_, header, code) => {
    expect(codes(tokenOf(header, '{}'))).toContain(code)
  })

  it('suggests the right case for an alg in the wrong case', () => {
    expect(find(tokenOf('{"alg":"hs256"}', '{}'), 'header.unknown-alg')?.message).toContain('did you mean "HS256"')
  })

  it('keeps big integers and 3.0 as written', () => {
    const decoded = decodeToken(tokenOf('{"alg":"HS256"}', '{"id":12345678901234567890,"v":3.0}'))
    expect(decoded.payload).toMatchObject({ text: '{"id":12345678901234567890,"v":3.0}' })
    expect(codes(tokenOf('{"alg":"HS256"}', '{"id":12345678901234567890}'))).toContain('payload.unsafe-integer')
  })

  it('reads an unencoded payload when the header says "b64": false (RFC 7797)', () => {
    const decoded = decodeToken(`${b64('{"alg":"HS256","b64":false,"crit":["b64"]}')}.$.02.c2ln`)
    expect(decoded.payload).toEqual({ kind: 'text', text: '$' })
  })

  it('reports an alg none token that carries a signature, and an empty signature for HS256', () => {
    expect(codes(`${b64('{"alg":"none"}')}.e30.c2ln`)).toContain('signature.not-empty-for-none')
    expect(codes(`${b64('{"alg":"HS256"}')}.e30.`)).toContain('signature.empty')
  })

  it('recognises a JWE and describes its encrypted parts', () => {
    const decoded = decodeToken(`${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.AAAA.AAAAAAAAAAAAAAAA.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA`)
    expect(decoded.kind).toBe('jwe')
    expect(decoded.header?.value).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' })
    expect(decoded.jwe).toEqual({ encryptedKeyBytes: 3, ivBytes: 12, ciphertextBytes: 6, tagBytes: 16 })
    expect(decoded.payload).toBeUndefined()
  })

  it('warns of invisible and direction-changing characters in the payload', () => {
    const problem = find(tokenOf('{"alg":"HS256"}', '{"sub":"admin\u202e\u200b"}'), 'payload.invisible-characters')
    expect(problem?.message).toContain('2 invisible or direction-changing characters (U+202E, U+200B), first at position 13')
  })

  it('keeps every range in order for text that is only a pair of quotes', () => {
    for (const text of ['""', "''", '" "', '"']) {
      for (const p of decodeToken(text).problems) expect(p.range[0]).toBeLessThanOrEqual(p.range[1])
    }
  })

  it('refuses text beyond the size limit with a message naming the limit, without throwing', () => {
    const problem = find(`eyJ${'A'.repeat(17 * 1024 * 1024)}`, 'token.too-large')
    expect(problem?.message).toMatch(/^This text is 17,825,795 characters; the page decodes tokens up to 16,777,216 characters \(16 MiB\)/)
  })

  it('decodes a payload nested 10,000 levels deep without overflowing the stack', () => {
    const decoded = decodeToken(tokenOf('{"alg":"HS256"}', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)))
    expect(decoded.payload?.kind).toBe('json')
    expect(decoded.problems).toEqual([])
    let value = decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
    for (let depth = 0; depth < 10_000; depth++) value = (value as { a: unknown }).a
    expect(value).toBe(1)
  })

  it('refuses text one character beyond the size limit', () => {
    expect(codes(`eyJ${'A'.repeat(MAX_TOKEN_LENGTH - 2)}`)).toEqual(['token.too-large'])
  })

  it('decodes a token with an 8 MB payload', () => {
    const decoded = decodeToken(tokenOf('{"alg":"HS256"}', JSON.stringify({ data: 'x'.repeat(8_000_000) })))
    expect(decoded.payload?.kind).toBe('json')
    expect(decoded.problems).toEqual([])
  })

  it('says what to paste when the text is empty', () => {
    expect(codes('   ')).toEqual(['token.empty'])
  })

  it('never throws, and every problem lies inside the pasted text', () => {
    const tokenish = fc
      .array(fc.oneof(fc.string(), fc.base64String(), fc.constantFrom('eyJ', '.', '=', '+', '"', ' ', 'Bearer ', '\n')), { maxLength: 12 })
      .map((parts) => parts.join(''))
    const jsonToken = fc.tuple(fc.json(), fc.json()).map(([h, p]) => tokenOf(h, p))
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), tokenish, jsonToken), (text) => {
        const decoded = decodeToken(text)
        for (const problem of decoded.problems) {
          expect(problem.range[0]).toBeGreaterThanOrEqual(0)
          expect(problem.range[1]).toBeLessThanOrEqual(text.length)
          expect(problem.range[0]).toBeLessThanOrEqual(problem.range[1])
          expect(problem.offset).toBe(problem.range[0])
        }
        for (const segment of decoded.segments) expect(text.slice(...segment.range)).toBe(segment.text)
      }),
      { numRuns: 300 },
    )
  })
})
