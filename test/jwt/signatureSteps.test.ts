// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { generateKeyPairSync } from 'node:crypto'
import { ALGORITHM_NAMES, algorithmOf, decodeToken, generateKey, signToken, type KeyInput } from '../../src/jwt'
import { encodeBase64urlText } from '../../src/jwt/base64url'
import { explainSignature } from '../../src/jwt/signatureSteps'
import { RFC7515_A1, RFC7515_A2, RFC7515_A3, RFC7515_A5 } from '../fixtures/rfc7515'

const hexOf = (octets: readonly number[]) => octets.map((b) => b.toString(16).padStart(2, '0')).join('')
const tokenOf = (header: object, payload = '{"sub":"ada"}', signature = '') => `${encodeBase64urlText(JSON.stringify(header))}.${encodeBase64urlText(payload)}.${signature}`
const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code)

/** RFC 7515 §A.1.1: the HMAC SHA-256 of the signing input, as the RFC lists its octets. */
const A1_SIGNATURE = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121]
/** RFC 7515 §A.3.1: the R and S of the ECDSA P-256 SHA-256 signature. */
const A3_R = [14, 209, 33, 83, 121, 99, 108, 72, 60, 47, 127, 21, 88, 7, 212, 2, 163, 178, 40, 3, 58, 249, 124, 126, 23, 129, 154, 195, 22, 158, 166, 101]
const A3_S = [197, 10, 7, 211, 140, 60, 112, 229, 216, 241, 45, 175, 8, 74, 84, 128, 166, 101, 144, 197, 242, 147, 80, 154, 143, 63, 127, 138, 131, 163, 84, 213]

const a1Key: KeyInput = { text: JSON.stringify(RFC7515_A1.jwk) }

describe('explainSignature on RFC 7515 A.1 (HS256)', () => {
  it('gives the signing input as the token\'s first two parts and the ranges of header, dot and payload', async () => {
    const { signingInput } = await explainSignature(RFC7515_A1.token)
    const [header, payload] = RFC7515_A1.token.split('.') as [string, string]
    expect(signingInput?.text).toBe(`${header}.${payload}`)
    expect(signingInput?.bytes).toEqual(new TextEncoder().encode(`${header}.${payload}`))
    expect(signingInput?.header).toEqual([0, header.length])
    expect(signingInput?.dot).toEqual([header.length, header.length + 1])
    expect(signingInput?.payload).toEqual([header.length + 1, header.length + 1 + payload.length])
    expect(signingInput?.tokenRange).toEqual([0, header.length + 1 + payload.length])
  })

  it('gives the signature bytes the RFC lists, in hex, with their length and the expected one', async () => {
    const { signature, problems } = await explainSignature(RFC7515_A1.token)
    expect(signature?.bytes).toEqual(Uint8Array.from(A1_SIGNATURE))
    expect(signature?.hex).toBe(hexOf(A1_SIGNATURE))
    expect(signature?.hex).toBe('7418dfb49799e0254ffa607dd8adbbba16d4254d69d6bff05b58055853848d79')
    expect(signature?.length).toBe(32)
    expect(signature?.expectedLength).toBe(32)
    expect(signature?.base64url).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(signature?.halves).toBeUndefined()
    expect(codes(problems)).toEqual(['steps.no-secret'])
  })

  it('computes from the RFC\'s key the signature the token carries', async () => {
    const { secretSignature, recipe, problems } = await explainSignature(RFC7515_A1.token, a1Key)
    expect(secretSignature?.matches).toBe(true)
    expect(secretSignature?.hex).toBe(hexOf(A1_SIGNATURE))
    expect(secretSignature?.base64url).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(secretSignature?.bytes).toEqual(Uint8Array.from(A1_SIGNATURE))
    expect(secretSignature?.keyOrigin).toBe('the JWK you pasted, a 64-byte secret')
    expect(recipe?.secretReading).toBe('jwk')
    expect(recipe?.line).toBe('HMAC with SHA-256 over the signing input, keyed with the bytes of the JWK\'s "k" member, base64url-decoded (RFC 7518 §3.2)')
    expect(problems).toEqual([])
  })

  it('reads the same key typed as base64url text and says so in the recipe', async () => {
    const { secretSignature, recipe } = await explainSignature(RFC7515_A1.token, { text: RFC7515_A1.jwk.k, format: 'secret', encoding: 'base64url' })
    expect(secretSignature?.matches).toBe(true)
    expect(recipe?.secretReading).toBe('base64url')
    expect(recipe?.line).toBe("HMAC with SHA-256 over the signing input, keyed with the bytes the secret's base64url text decodes to (RFC 7518 §3.2)")
  })

  it('gives a wrong secret\'s own signature, of the same length, with matches false', async () => {
    const { secretSignature, signature, recipe } = await explainSignature(RFC7515_A1.token, { text: 'not the secret' })
    expect(recipe?.line).toBe("HMAC with SHA-256 over the signing input, keyed with the secret's UTF-8 bytes (RFC 7518 §3.2)")
    expect(secretSignature?.matches).toBe(false)
    expect(secretSignature?.bytes).toHaveLength(32)
    expect(secretSignature?.hex).not.toBe(signature?.hex)
    expect(secretSignature?.hex).toMatch(/^[0-9a-f]{64}$/)
    expect(secretSignature?.keyOrigin).toBe('the secret you typed, as UTF-8, 14 bytes')
  })

  it('matches a secret that really signed the token, whichever encoding it was typed in', async () => {
    const secret = 'a-demo-secret-that-is-32-bytes!!'
    const token = await signToken({ alg: 'HS384' }, '{"sub":"ada"}', { text: secret })
    const hex = Buffer.from(secret).toString('hex')
    for (const key of [{ text: secret }, { text: hex, format: 'secret', encoding: 'hex' }] satisfies KeyInput[]) {
      const { secretSignature, signature } = await explainSignature(token, key)
      expect(secretSignature?.matches).toBe(true)
      expect(secretSignature?.hex).toBe(signature?.hex)
      expect(signature?.expectedLength).toBe(48)
    }
  })
})

describe('explainSignature on other algorithms', () => {
  it('splits RFC 7515 A.3 (ES256) into R and S, 32 bytes each, as the RFC lists them', async () => {
    const { signature, recipe, problems } = await explainSignature(RFC7515_A3.token)
    expect(signature?.length).toBe(64)
    expect(signature?.expectedLength).toBe(64)
    expect(signature?.halves).toEqual({ r: hexOf(A3_R), s: hexOf(A3_S) })
    expect(signature?.halves?.r).toHaveLength(64)
    expect(signature?.halves?.s).toHaveLength(64)
    expect(recipe).toMatchObject({ alg: 'ES256', scheme: 'ECDSA', curves: ['P-256'], hash: 'SHA-256', halfLength: 32, key: 'key pair' })
    expect(recipe?.line).toBe('ECDSA with P-256 and SHA-256 over the signing input, checked with the EC P-256 public key; the signature is R || S, 32 bytes each (RFC 7518 §3.4)')
    expect(problems).toEqual([])
  })

  it('gives the RS256 recipe line, and with the RFC 7515 A.2 key the expected length of its modulus', async () => {
    const bare = await explainSignature(RFC7515_A2.token)
    expect(bare.recipe?.line).toBe('RSASSA-PKCS1-v1_5 with SHA-256 over the signing input, checked with the RSA public key (RFC 7518 §3.3)')
    expect(bare.signature?.expectedLength).toBeUndefined()
    const keyed = await explainSignature(RFC7515_A2.token, { text: JSON.stringify(RFC7515_A2.publicJwk) })
    expect(keyed.recipe?.line).toBe('RSASSA-PKCS1-v1_5 with SHA-256 over the signing input, checked with the RSA 2048-bit public key (RFC 7518 §3.3)')
    expect(keyed.signature).toMatchObject({ length: 256, expectedLength: 256 })
    expect(keyed.secretSignature).toBeUndefined()
    expect(keyed.problems).toEqual([])
  })

  it('gives the PS256 recipe: MGF1 and a 32-byte salt', async () => {
    const pair = await generateKey('PS256')
    if (pair.kind !== 'pair') throw new Error('expected a key pair')
    const token = await signToken({ alg: 'PS256' }, '{"sub":"ada"}', { text: pair.privatePem })
    const { recipe, signature } = await explainSignature(token, { text: pair.publicPem })
    expect(recipe).toMatchObject({ scheme: 'RSASSA-PSS', hash: 'SHA-256', mgf: 'MGF1', saltLength: 32, spec: 'RFC 7518 §3.5' })
    expect(recipe?.line).toBe('RSASSA-PSS with SHA-256 and MGF1, salt 32 bytes, over the signing input, checked with the RSA 2048-bit public key (RFC 7518 §3.5)')
    expect(signature).toMatchObject({ length: 256, expectedLength: 256 })
  })

  it('narrows EdDSA to the curve of the key given', async () => {
    const token = tokenOf({ alg: 'EdDSA' }, '{}', 'c2ln')
    expect((await explainSignature(token)).recipe?.line).toBe('EdDSA with Ed25519 or Ed448 over the signing input, checked with the Ed25519 or Ed448 public key (RFC 8037 §3.1)')
    const ed448 = generateKeyPairSync('ed448').publicKey.export({ type: 'spki', format: 'pem' }) as string
    const { recipe, signature } = await explainSignature(token, { text: ed448 })
    expect(recipe?.curves).toEqual(['Ed448'])
    expect(recipe?.line).toBe('EdDSA with Ed448 over the signing input, checked with the Ed448 public key (RFC 8037 §3.1)')
    expect(signature?.expectedLength).toBe(114)
  })

  it('says an unsecured token has an empty signature', async () => {
    const { recipe, signature, secretSignature, problems } = await explainSignature(RFC7515_A5.token, { text: 'ignored' })
    expect(recipe?.line).toBe('No signature (unsecured JWS): the signature part is empty (RFC 7518 §3.6)')
    expect(signature).toMatchObject({ length: 0, expectedLength: 0, hex: '' })
    expect(secretSignature).toBeUndefined()
    expect(problems).toEqual([])
  })

  it.each(ALGORITHM_NAMES)('builds a recipe line for %s from its table columns', async (alg) => {
    const algorithm = algorithmOf(alg)!
    const { recipe } = await explainSignature(tokenOf({ alg }))
    expect(recipe).toMatchObject({ ...algorithm.recipe, alg, family: algorithm.family, spec: algorithm.spec })
    expect(recipe?.line).toContain(`(${algorithm.spec})`)
    if (algorithm.hash) expect(recipe?.line).toContain(algorithm.hash)
    if (algorithm.recipe.key === 'key pair') expect(recipe?.line).toContain(`checked with the ${algorithm.recipe.publicKey} public key`)
    if (algorithm.recipe.key === 'secret') expect(recipe?.line).toContain("keyed with the secret's UTF-8 bytes")
  })
})

describe('explainSignature on broken tokens', () => {
  it('gives a truncated signature\'s actual length beside the expected one', async () => {
    const token = RFC7515_A1.token.slice(0, -3)
    const { signature, secretSignature, problems } = await explainSignature(token, a1Key)
    expect(signature).toMatchObject({ length: 30, expectedLength: 32 })
    const lengthProblem = problems.find((p) => p.code === 'steps.signature-length')
    expect(lengthProblem?.message).toBe('The signature is 30 bytes, but HS256 makes 32-byte signatures; it may have been cut off when copied')
    expect(lengthProblem?.range).toEqual([RFC7515_A1.token.lastIndexOf('.') + 1, token.length])
    expect(secretSignature).toMatchObject({ matches: false, hex: hexOf(A1_SIGNATURE) })
  })

  it('flags a truncated ECDSA signature and does not split it', async () => {
    const { signature, problems } = await explainSignature(RFC7515_A3.token.slice(0, -4))
    expect(signature).toMatchObject({ length: 61, expectedLength: 64 })
    expect(signature?.halves).toBeUndefined()
    expect(codes(problems)).toContain('steps.signature-length')
  })

  it('shows the signing input of a token without its signature part, and says the part is missing', async () => {
    const [header, payload] = RFC7515_A1.token.split('.') as [string, string]
    const { signingInput, signature, recipe, problems } = await explainSignature(`${header}.${payload}`)
    expect(signingInput?.text).toBe(`${header}.${payload}`)
    expect(recipe?.alg).toBe('HS256')
    expect(signature).toBeUndefined()
    expect(codes(problems)).toEqual(['token.dot-count', 'steps.no-signature', 'steps.no-secret'])
  })

  it('says an empty signature part is empty, and still gives the secret\'s signature', async () => {
    const [header, payload] = RFC7515_A1.token.split('.') as [string, string]
    const { signature, secretSignature, problems } = await explainSignature(`${header}.${payload}.`, a1Key)
    expect(signature).toMatchObject({ length: 0, expectedLength: 32 })
    expect(secretSignature).toMatchObject({ matches: false, hex: hexOf(A1_SIGNATURE) })
    expect(codes(problems)).toEqual(['signature.empty'])
  })

  it('reports bad base64url in the signature and shows the bytes it could read', async () => {
    const token = `${RFC7515_A1.token.slice(0, -4)}!!${RFC7515_A1.token.slice(-4)}`
    const { signature, problems } = await explainSignature(token)
    expect(codes(problems)).toContain('signature.base64-alphabet')
    expect(signature?.length).toBe(32)
  })

  it('gives the bytes but no recipe when alg is missing or unknown', async () => {
    const missing = await explainSignature(tokenOf({ typ: 'JWT' }, '{}', 'c2lnbmF0dXJl'))
    expect(missing.recipe).toBeUndefined()
    expect(missing.signature).toMatchObject({ length: 9, hex: Buffer.from('signature').toString('hex') })
    expect(missing.signature?.expectedLength).toBeUndefined()
    expect(codes(missing.problems)).toEqual(['steps.no-alg'])
    const unknown = await explainSignature(tokenOf({ alg: 'HS257' }, '{}', 'c2ln'), { text: 'secret' })
    expect(unknown.recipe).toBeUndefined()
    expect(unknown.secretSignature).toBeUndefined()
    expect(unknown.problems.find((p) => p.code === 'steps.unknown-alg')?.message).toBe('The header\'s alg "HS257" is not a JWS algorithm this page knows, so the recipe of the signature is unknown')
  })

  it('says why a key that does not fit gives no signature to compare', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string
    const { secretSignature, problems } = await explainSignature(RFC7515_A1.token, { text: rsa })
    expect(secretSignature).toBeUndefined()
    expect(problems.find((p) => p.code === 'steps.key-mismatch')?.message).toBe('HS256 needs a shared secret; this is an RSA 2048-bit public key, SPKI PEM')
    const badHex = await explainSignature(RFC7515_A1.token, { text: 'zz', format: 'secret', encoding: 'hex' })
    expect(badHex.secretSignature).toBeUndefined()
    expect(codes(badHex.problems)).toEqual(['key.hex-alphabet'])
  })

  it('treats an empty secret as no secret yet', async () => {
    const { secretSignature, problems } = await explainSignature(RFC7515_A1.token, { text: '', format: 'secret' })
    expect(secretSignature).toBeUndefined()
    expect(codes(problems)).toEqual(['steps.no-secret'])
  })

  it('has nothing to show for empty text, a token without dots, or a JWE', async () => {
    expect(codes((await explainSignature('')).problems)).toEqual(['steps.no-token'])
    const noDots = await explainSignature('eyJhbGciOiJIUzI1NiJ9')
    expect(noDots.signingInput).toBeUndefined()
    expect(codes(noDots.problems)).toEqual(['token.dot-count', 'steps.no-signing-input'])
    const jwe = await explainSignature(`${encodeBase64urlText('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`)
    expect(jwe.signingInput).toBeUndefined()
    expect(codes(jwe.problems)[0]).toBe('steps.jwe')
  })

  it('takes a decoded token as well as its text, with ranges in the pasted text', async () => {
    const pasted = `Bearer ${RFC7515_A1.token}`
    const steps = await explainSignature(decodeToken(pasted), a1Key)
    expect(steps.secretSignature?.matches).toBe(true)
    expect(pasted.slice(...steps.signingInput!.tokenRange)).toBe(steps.signingInput?.text)
  })

  it('never rejects, and its ranges lie inside the input, for 300 broken tokens and keys', async () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url')
    const header = fc.oneof(
      fc.constantFrom(...ALGORITHM_NAMES, 'HS257', '', 'hs256').map((alg) => JSON.stringify({ alg })),
      fc.json({ maxDepth: 2 }),
      fc.string({ maxLength: 30 }),
    )
    const token = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.tuple(header, fc.json({ maxDepth: 2 }), fc.uint8Array({ maxLength: 140 }), fc.nat({ max: 400 }), fc.constantFrom('', '.', '=', '!', ' ', '.x.y')).map(
        ([h, p, signature, cut, tail]) => `${b64(h)}.${b64(p)}.${Buffer.from(signature).toString('base64url')}${tail}`.slice(0, cut),
      ),
      // The RFC's HS256 token, cut or with characters spliced in: the secret's signature matches or not.
      {
        weight: 2,
        arbitrary: fc.tuple(fc.nat({ max: RFC7515_A1.token.length }), fc.nat({ max: 8 }), fc.string({ maxLength: 3 })).map(([at, drop, insert]) => RFC7515_A1.token.slice(0, at) + insert + RFC7515_A1.token.slice(at + drop)),
      },
    )
    const key = fc.option(
      fc.record({ text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(JSON.stringify(RFC7515_A1.jwk), JSON.stringify(RFC7515_A1.jwk), RFC7515_A1.jwk.k, '{"kty":"oct"}', '{"keys":[]}', '-----BEGIN PUBLIC KEY-----')), format: fc.constantFrom('auto', 'secret', 'jwk', 'pem', undefined), encoding: fc.constantFrom('utf8', 'hex', 'base64', 'base64url', undefined) }),
      { nil: undefined },
    )
    await fc.assert(
      fc.asyncProperty(token, key, async (text, keyInput) => {
        const steps = await explainSignature(text, keyInput as KeyInput | undefined)
        expect(codes(steps.problems)).not.toContain('steps.internal')
        for (const p of steps.problems.filter((p) => p.part !== 'key')) {
          expect(p.range[0]).toBeGreaterThanOrEqual(0)
          expect(p.range[1]).toBeLessThanOrEqual(text.length)
        }
        if (steps.signingInput) {
          const { text: input, header: h, dot, payload, tokenRange } = steps.signingInput
          expect(text.slice(...tokenRange)).toBe(input)
          expect(input.slice(...dot)).toBe('.')
          expect(h[1] === dot[0] && dot[1] === payload[0] && payload[1] === input.length).toBe(true)
        }
        if (steps.signature) expect(steps.signature.hex).toHaveLength(steps.signature.length * 2)
        if (steps.secretSignature) expect(steps.secretSignature.matches).toBe(steps.secretSignature.hex === steps.signature?.hex)
      }),
      { numRuns: 300 },
    )
  })
})
