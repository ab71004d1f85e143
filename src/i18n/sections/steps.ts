/**
 * The "How the signature is made" panel beyond its title: only its lazily loaded explanation
 * (SignatureStepsExplained, SignatureStepsSignature, SignatureStepsSecret) says these, so they load with it.
 * A section module: English and its translations, typed against English.
 */
import type { RecipeStep } from '../../jwt/signatureSteps'

const en = {
  working: 'Taking the signature apart…',
  failed: (message: string) => `Could not explain the signature: ${message}`,
  tooLarge: (kb: number) => `This token is too large to take its signature apart here (${kb} KB; up to 256 KB).`,
  label: 'Steps of the signature',
  signingInput: 'Signing input',
  formula: 'base64url(header) + "." + base64url(payload)',
  inputLength: (bytes: number) => `${bytes} bytes, the token’s first two parts exactly as written, with their dot.`,
  recipe: 'Recipe',
  /** One sentence from the recipe's columns: "HMAC with SHA-256 over the signing input, keyed with…". */
  recipeLine: (r: RecipeStep) => {
    if (r.key === 'none') return `No signature: the signature part is empty (${r.spec})`
    const using = [r.curves?.join(' or '), r.hash, r.mgf].filter((part) => part !== undefined)
    const scheme = using.length > 0 ? `${r.scheme} with ${using.join(' and ')}` : r.scheme
    const salt = r.saltLength !== undefined ? `, salt ${r.saltLength} bytes,` : ''
    const secret = { utf8: 'the secret’s UTF-8 bytes', base64url: 'the bytes the secret’s base64url text decodes to', base64: 'the bytes the secret’s base64 text decodes to', hex: 'the bytes the secret’s hex digits spell', jwk: 'the bytes of the JWK’s "k" member, base64url-decoded' }
    const keying = r.key === 'secret' ? `keyed with ${secret[r.secretReading ?? 'utf8']}` : `checked with the ${r.publicKey} public key`
    const layout = r.halfLength !== undefined ? `; the signature is R || S, ${r.halfLength} bytes each` : ''
    return `${scheme}${salt} over the signing input, ${keying}${layout} (${r.spec})`
  },
  signature: 'Signature',
  length: (bytes: number, alg: string, expected?: number) =>
    expected === undefined || expected === bytes ? `${bytes} bytes${expected === undefined ? '' : `, as ${alg} makes`}` : `${bytes} bytes, but ${alg} makes ${expected}${bytes < expected ? ': cut off when copied?' : ''}`,
  empty: 'The signature part is empty.',
  half: (name: 'r' | 's', bytes: number) => `${name} (${name === 'r' ? 'first' : 'second'} half), ${bytes} bytes`,
  halves: 'An ECDSA signature is r and s side by side (R || S, RFC 7518 §3.4), not DER.',
  secret: 'The signature your secret makes',
  inToken: 'In the token',
  fromSecret: 'Made with your secret',
  matches: 'matches the token’s signature',
  doesNotMatch: 'does not match the token’s signature',
  problems: 'Why a step cannot be shown',
}

export const steps = {
  en,
  'zh-CN': {
    working: '正在拆解签名…',
    failed: (message: string) => `无法讲解这个签名：${message}`,
    tooLarge: (kb: number) => `这个令牌太大，无法在此拆解签名（${kb} KB；上限 256 KB）。`,
    label: '签名的步骤',
    signingInput: '签名输入',
    formula: 'base64url(header) + "." + base64url(payload)',
    inputLength: (bytes: number) => `${bytes} 字节：令牌的前两部分及其间的点，与令牌中写的完全一致。`,
    recipe: '算法步骤',
    recipeLine: (r: RecipeStep) => {
      if (r.key === 'none') return `无签名：签名部分为空（${r.spec}）`
      const using = [r.curves?.join(' 或 '), r.hash, r.mgf].filter((part) => part !== undefined)
      const scheme = using.length > 0 ? `使用 ${using.join('、')} 的 ${r.scheme}` : r.scheme
      const salt = r.saltLength !== undefined ? `（盐长 ${r.saltLength} 字节）` : ''
      const secret = { utf8: '共享密钥文本的 UTF-8 字节', base64url: '共享密钥的 base64url 文本解码后的字节', base64: '共享密钥的 base64 文本解码后的字节', hex: '共享密钥的十六进制数字所表示的字节', jwk: 'JWK 的 "k" 成员经 base64url 解码后的字节' }
      const keying = r.key === 'secret' ? `以${secret[r.secretReading ?? 'utf8']}为密钥` : `用 ${r.publicKey} 公钥验证`
      const layout = r.halfLength !== undefined ? `；签名为 R || S，各 ${r.halfLength} 字节` : ''
      return `对签名输入计算${scheme}${salt}，${keying}${layout}（${r.spec}）`
    },
    signature: '签名',
    length: (bytes: number, alg: string, expected?: number) =>
      expected === undefined || expected === bytes ? `${bytes} 字节${expected === undefined ? '' : `，与 ${alg} 生成的一致`}` : `${bytes} 字节，但 ${alg} 生成 ${expected} 字节${bytes < expected ? '：复制时被截断了？' : ''}`,
    empty: '签名部分为空。',
    half: (name: 'r' | 's', bytes: number) => `${name}（${name === 'r' ? '前' : '后'}半部分），${bytes} 字节`,
    halves: 'ECDSA 签名是 r 与 s 首尾相接（R || S，RFC 7518 §3.4），不是 DER 编码。',
    secret: '你的共享密钥生成的签名',
    inToken: '令牌中的签名',
    fromSecret: '用你的共享密钥生成',
    matches: '与令牌的签名一致',
    doesNotMatch: '与令牌的签名不一致',
    problems: '某一步无法显示的原因',
  } satisfies typeof en,
}
