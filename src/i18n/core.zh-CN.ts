import type { SecretEncoding } from '../jwt/keys'
import type { KeyContainer, SecretLookalike } from '../jwt/sentences'
import type { CoreMessages } from './core'

/**
 * The core's sentences (src/jwt/sentences.ts) in Simplified Chinese, one function per code. The
 * type makes it complete: a code the core adds without an entry here is a type error. JWT terms,
 * claim names, algorithm and exception names stay in Latin script.
 */

const ENCODINGS: Record<SecretEncoding, string> = { utf8: 'UTF-8 文本', base64url: 'base64url', base64: 'base64', hex: '十六进制' }
/** keys.ts names a typed secret's encoding without "text". */
const SECRET_ENCODINGS: Record<SecretEncoding, string> = { ...ENCODINGS, utf8: 'UTF-8' }

const CONTAINERS: Record<KeyContainer, string> = {
  spki: 'SPKI PEM',
  pkcs8: 'PKCS#8 PEM',
  'pkcs1-public': 'PKCS#1 PEM',
  'pkcs1-private': 'PKCS#1 PEM',
  sec1: 'SEC1 PEM',
  x509: 'X.509 证书',
  jwk: 'JWK',
}

const LOOKALIKES: Record<SecretLookalike, string> = {
  'PEM public key': 'PEM 公钥',
  'PEM certificate': 'PEM 证书',
  'JWK public key': 'JWK 公钥',
  'PEM private key': 'PEM 私钥',
  'JWK set of asymmetric keys': '由非对称密钥组成的 JWK Set',
  'JWK set of public keys': '由公钥组成的 JWK Set',
  'JWK private key': 'JWK 私钥',
}

const UNITS: readonly [seconds: number, name: string][] = [
  [365 * 86400, '年'],
  [30 * 86400, '个月'],
  [86400, '天'],
  [3600, '小时'],
  [60, '分钟'],
  [1, '秒'],
]

/** describeSpan in Chinese: "3 分钟", "1 天", "0 秒". */
export function spanZh(seconds: number): string {
  const abs = Math.abs(seconds)
  for (const [size, name] of UNITS) if (abs >= size) return `${Math.floor(abs / size)} ${name}`
  return '0 秒'
}

const leewayZh = (leeway: number) => (leeway ? `（宽限 ${leeway} 秒）` : '')

/** describeValue's words: a JSON text stays as it is. */
const valueZh = (value: string) => (value === 'a list' ? '一个列表' : value === 'an object' ? '一个对象' : value)

/** describeCandidate's "an RSA key", "an EC P-256 key", "an Ed25519 key". */
const keyZh = (key: string) => ` ${key.replace(/^an? /, '').replace(/ key$/, '')} 密钥`

/** A Latin-script word set between Chinese ones takes a space on that side: "而这是 RSA 公钥". */
const inline = (text: string) => `${/^[\x21-\x7e]/.test(text) ? ' ' : ''}${text}${/[\x21-\x7e]$/.test(text) ? ' ' : ''}`

const PARTS = { header: '头部', payload: '载荷', signature: '签名' } as const

export const zhCNCore = {
  // --- diagnose.ts ---
  'diagnose.secret-encoding': ({ encoding, bytes, from }) => `如果把密钥按 ${ENCODINGS[encoding]}（${bytes} 字节）读取，而不是按 ${ENCODINGS[from]}，签名就能通过验证`,
  'diagnose.secret-text': ({ how }) =>
    `去掉${how === 'trailing-newline' ? '密钥末尾的换行符' : how === 'surrounding-space' ? '密钥前后的空格或换行符' : '密钥两侧的引号'}后，签名就能通过验证：这是复制粘贴带进来的多余字符`,
  'diagnose.rsa-padding': ({ alg, padding, header }) => `按 ${alg} 验证就能通过：签名方使用的是 ${padding} 填充，而头部写的是 ${header}`,
  'diagnose.ecdsa-der': () => '如果把签名从 DER 转换为原始的 R || S（RFC 7518 §3.4），就能通过验证：签名方写出的是 DER 格式，OpenSSL 和 Java 默认如此',
  'diagnose.other-kid': ({ key, kid }) => `用${inline(key)}就能通过验证，而不是令牌的 kid "${kid}" 所指的那个密钥`,
  'diagnose.edited': ({ header, payload }) => {
    const changes = [header && `头部中的 ${header}`, payload && `载荷中的 ${payload}`].filter(Boolean)
    const what = changes.length > 0 ? `改动了${changes.join('；')}` : 'JSON 内容相同，但其文本（空白或顺序）有变化'
    return `此令牌在这里被编辑之前，曾用这个密钥验证通过，而签名仍是为先前的文本生成的。${what}。请用签名密钥重新签名，或撤销这次编辑`
  },
  'diagnose.no-cause': () => '常见原因都不适用：这个密钥不是签发此令牌的那个，或者令牌在签名之后被改动过。',

  // --- key origins and descriptions ---
  'key.origin.secret': ({ encoding, bytes }) => `你输入的密钥，按 ${SECRET_ENCODINGS[encoding]} 读取，${bytes} 字节`,
  'key.origin.pem': () => '你粘贴的 PEM',
  'key.origin.pem-block': ({ index, count }) => `第 ${index} 个 PEM 块（共 ${count} 个）`,
  'key.origin.certificate': ({ subject, place }) => `签发给 ${subject} 的证书中的公钥（${place}）`,
  'key.origin.jwk': () => '你粘贴的 JWK',
  'key.origin.jwks': ({ index, count, kid }) => `JWKS 中的第 ${index} 个密钥（共 ${count} 个${kid !== undefined ? `，kid ${kid}` : ''}）`,
  'key.origin.jwk-secret': ({ place, bytes }) => `${place}，一个 ${bytes} 字节的共享密钥`,
  'key.origin.embedded-jwk': () => '令牌自身的 jwk 头部',
  'key.origin.x5c': () => '令牌自身 x5c 头部中的证书',
  'key.origin.derived': ({ key }) => `由${inline(key)}中的私钥推导出的公钥`,
  'key.description.secret': ({ bytes }) => `共享密钥，${bytes} 字节`,
  'key.description.asymmetric': ({ type, half, container }) => `${type} ${half === 'public' ? '公钥' : '私钥'}，${CONTAINERS[container]}`,

  // --- verify.ts ---
  'verify.internal': ({ message }) => `验证意外失败：${message}`,
  'verify.jwe': () => '这是一个加密令牌（JWE），没有可验证的签名',
  'verify.malformed': ({ problem }) => `无法验证此令牌：${problem}`,
  'verify.unknown-alg': ({ alg }) => `头部的 alg ${alg} 不是本页面认识的 JWS 算法`,
  'verify.alg-not-allowed': ({ alg, allowed }) => `令牌使用的是 ${alg}，不在允许的算法（${allowed}）之中`,
  'verify.alg-none': () => '此令牌未受保护（"alg": "none"）：它没有签名，任何人都可能写出它（RFC 8725 §3.2）',
  'verify.embedded-key': () => '是用令牌自身头部中嵌入的密钥验证的：这不能证明是谁签发了它，因为任何人都可以嵌入自己的密钥（RFC 8725 §3.10）',
  'verify.bad-signature': ({ count, alg }) => `签名与${count === 1 ? '此密钥不' : `适用于 ${alg} 的 ${count} 个密钥都不`}匹配：要么令牌在签名后被改动，要么它是用另一个密钥签名的`,
  'verify.no-key': ({ needs }) => (needs === 'secret' ? '请输入共享密钥以验证' : '请输入公钥以验证'),
  'verify.algorithm-confusion': ({ lookalike, alg }) =>
    `已拒绝：这个 HMAC 密钥其实是${inline(LOOKALIKES[lookalike])}。若服务器把自己的公钥当作密钥来验证 ${alg}，任何人都能伪造令牌，因为公钥是公开的（算法混淆，RFC 8725 §2.1 和 §3.1）。请改用 RSA、EC 或 EdDSA 算法检查此令牌。`,
  'verify.unreadable-key': ({ problem }) => `无法使用此密钥：${problem}`,
  'verify.no-key-found': () => '无法使用此密钥：文本中找不到密钥',
  'verify.no-key-fits': ({ reason }) => `密钥集中没有合适的密钥：${reason}`,
  'verify.needs-secret': ({ alg, key }) => `${alg} 需要共享密钥；而这是${inline(key)}`,
  'verify.needs-public-key': ({ alg }) => `${alg} 需要公钥（PEM、JWK 或 JWKS）；而这是共享密钥`,
  'verify.needs-private-key': ({ alg }) => `${alg} 需要私钥（PEM 或 JWK）；而这是共享密钥`,
  'verify.der-signature': ({ bytes, expected, alg }) => `签名有 ${bytes} 字节，且是 DER 编码（以 0x30 开头）；JWS 的 ECDSA 签名是原始的 R || S，${alg} 为 ${expected} 字节（RFC 7518 §3.4）。请转换签名，或修正签名方。`,
  'verify.signature-length': ({ bytes, expected, alg }) => `签名有 ${bytes} 字节，但 ${alg} 配合此密钥生成的签名是 ${expected} 字节；可能在复制时被截断了`,

  // --- libraries.ts: PyJWT ---
  'pyjwt.returns': ({ typ }) => `PyJWT 接受签名及其检查的每个声明${typ === undefined ? '' : `；它没有检查 typ 的选项，所以 "${typ}" 未被检查`}`,
  'pyjwt.python-error': ({ type }) => `Python 在 PyJWT 内部抛出 ${type}`,
  'pyjwt.no-algorithms': () => 'PyJWT 2 拒绝在没有明确、非空的 algorithms 列表时解码',
  'pyjwt.b64-false': () => '头部写着 "b64": false（RFC 7797），PyJWT 此时只验证作为 detached_payload 传入的载荷，而 jwt.decode 并没有收到它',
  'pyjwt.payload-not-json': ({ message }) => `签名成立，但对 Python 来说载荷不是 JSON：${message}`,
  'pyjwt.payload-not-object': ({ type }) => `签名成立，但载荷是 JSON ${type}，而不是对象`,
  'pyjwt.segments': ({ parts }) => `PyJWT 需要 header.payload.signature，即用点分隔的三个部分；此令牌有 ${parts} 个部分`,
  'pyjwt.padding': ({ part, message }) => `${PARTS[part]}即使对 Python 宽松的解码器（会跳过多余字符）来说也不是 base64：${message}`,
  'pyjwt.header-not-json': ({ message }) => `对 Python 来说头部不是 JSON：${message}`,
  'pyjwt.header-not-object': ({ type }) => `头部是 JSON ${type}，但 PyJWT 需要一个对象`,
  'pyjwt.alg-not-allowed': ({ alg, type, algorithms }) => `令牌的 alg ${alg || (type ? `不是字符串（${type}）` : '缺失')}，不在 algorithms=[${algorithms}] 之中`,
  'pyjwt.alg-unsupported': ({ alg }) => `PyJWT 2.6 没有 "${alg}" 的实现，尽管它在 algorithms 之中`,
  'pyjwt.alg-none': () => 'PyJWT 从不把 alg 为 "none" 的令牌视为已验证',
  'pyjwt.bad-signature': () => '签名与此密钥不匹配：令牌在签名后被改动，或是用另一个密钥签名的',
  'pyjwt.private-key-verify': ({ key }) => `PyJWT 加载此 PEM 时不检查它是否为 RSA 公钥（它是一个${keyZh(key)}），随后按 RSA 的方式调用其 verify 方法，Python 抛出 AttributeError：私钥不能用来验证`,
  'pyjwt.not-rsa-verify': ({ key, type }) => `PyJWT 加载此 PEM 时不检查它是否为 RSA 公钥（它是一个${keyZh(key)}），随后按 RSA 的方式调用其 verify 方法，Python 抛出 ${type}`,
  'pyjwt.missing-claim': ({ claim, isNull }) => `options={"require": [...]} 列出了 "${claim}"，而令牌没有 ${claim}${isNull === 'null' ? '（它是 null，PyJWT 视同缺失）' : ''}`,
  'pyjwt.nbf': ({ seconds, leeway }) => `PyJWT 在 iat 之后检查 nbf：令牌将在 ${spanZh(seconds)}后生效${leewayZh(leeway)}`,
  'pyjwt.exp': ({ seconds, leeway }) => `PyJWT 在 iss 和 aud 之前检查 exp：令牌已于 ${spanZh(seconds)}前过期${leewayZh(leeway)}`,
  'pyjwt.iat-future': ({ seconds, leeway }) => `PyJWT 拒绝未来的 iat：令牌声称自己签发于 ${spanZh(seconds)}之后${leewayZh(leeway)}`,
  'pyjwt.iat-compare': ({ type }) => `PyJWT 接受数字字符串作为 iat，然后拿该字符串与数字比较，于是 Python 抛出 ${type}（不是 PyJWT 的异常）`,
  'pyjwt.issuer-missing': ({ issuer }) => `期望 issuer="${issuer}"，但令牌没有 iss`,
  'pyjwt.issuer-invalid': ({ value, issuer }) => `令牌的 iss 是 ${valueZh(value)}，而不是 "${issuer}"`,
  'pyjwt.time-not-integer': ({ claim, value }) => `PyJWT 需要 ${claim} 是秒数（NumericDate，RFC 7519 §2）；int() 无法处理 ${valueZh(value)}`,
  'pyjwt.time-crash': ({ claim, value, type }) => `PyJWT 对 ${claim} 调用 int()，而它是 ${valueZh(value)}；Python 抛出 ${type}，PyJWT 不会捕获，所以调用方得到的是崩溃，而不是 InvalidTokenError`,
  'pyjwt.aud-unexpected': ({ value }) => `未期望任何受众时，PyJWT 拒绝 aud 声明：此令牌的受众是 ${valueZh(value)}；请传入 audience=`,
  'pyjwt.aud-missing': () => '期望一个受众，但令牌没有 aud（或 aud 为空）',
  'pyjwt.aud-format': () => 'aud 必须是字符串或字符串列表（RFC 7519 §4.1.3）',
  'pyjwt.aud-empty-list': () => 'audience=[] 是空列表，任何 aud 都无法与之匹配',
  'pyjwt.aud-mismatch': ({ aud, expected }) => `令牌的 aud ${aud} 不包含 ${expected.replaceAll(' or ', ' 或 ')}`,
  'pyjwt.pem-load': ({ which }) => `cryptography 无法把密钥文本当作 ${which === 'public' ? '公钥' : '私钥'} PEM 加载（JWK、证书和共享密钥都不是），PyJWT 让它的 ValueError 直接抛出`,
  'pyjwt.none-key': () => '对于 alg 为 "none" 的令牌，PyJWT 坚持要求 key=None（或 ""）',
  'pyjwt.hmac-pem': () => 'PyJWT 拒绝把 PEM 或 SSH 密钥用作 HMAC 密钥，从而防止算法混淆（RFC 8725 §2.1）',
  'pyjwt.ec-key': ({ key }) => `ES 算法需要 EC 密钥；此 PEM 中是一个${keyZh(key)}`,
  'pyjwt.eddsa-key': ({ key }) => `EdDSA 需要 "PUBLIC KEY" 或 "PRIVATE KEY" PEM 格式的 Ed25519 或 Ed448 密钥；${key ? `这是一个${keyZh(key)}` : '这不是这样的 PEM'}`,
  'library.returns': () => '返回载荷',

  // --- libraries.ts: jose ---
  'jose.returns': () => 'jose 接受签名及要求它检查的每个声明',
  'jose.expired': () => 'jose 按当前时间和 clockTolerance 检查 exp：令牌已过期',
  'jose.typ': ({ message }) => `jose 按 typ 选项检查 typ 头部：${message}`,
  'jose.claim': ({ claim, message }) => `jose 拒绝 ${claim} 声明：${message}`,
  'jose.alg-not-allowed': () => '令牌的 alg 不在 algorithms 选项之中',
  'jose.not-supported': ({ message }) => `jose（在此运行环境中）不支持：${message}`,
  'jose.bad-signature': () => '签名与此密钥不匹配：令牌在签名后被改动，或是用另一个密钥签名的',
  'jose.malformed': ({ message }) => `jose 认为令牌格式有误：${message}`,
  'jose.no-matching-key': () => 'JWK Set 中没有与令牌匹配的密钥（按 kid、alg 和密钥类型）',
  'jose.data-error': ({ message }) => `浏览器的 WebCrypto 拒绝将此密钥用于令牌的 alg：${message}`,
  'jose.webcrypto-unsupported': ({ message }) => `此运行环境的 WebCrypto 未实现令牌的算法：${message}`,
  'jose.other': ({ name, message }) => `jose 抛出 ${name}：${message}`,

  // --- frameworks.ts ---
  'framework.accepts': () => '接受此令牌',
  'framework.refresh-as-access': () => '把刷新令牌当作访问令牌使用',
  'framework.access-as-refresh': () => '把访问令牌当作刷新令牌使用',
  'framework.not-refresh': () => '不是刷新令牌',
  'framework.pyjwt-raises': ({ why }) => `它调用的 jwt.decode 抛出异常：${why}`,
  'framework.extended-no-sub': () => 'flask-jwt-extended 从 sub 声明（JWT_IDENTITY_CLAIM）读取身份，而此令牌没有 sub',
  'framework.extended-refresh-token': () => '这是一个刷新令牌（type "refresh"）：它只能用来换取新的访问令牌，绝不能代替访问令牌使用',
  'framework.type-is': ({ type }) => `type 为 ${type}`,
  'framework.no-type': () => '没有 type 声明，它会当作 "access"',
  'framework.extended-accepts': ({ type, csrf }) => `签名和声明都通过，sub 存在，且${inline(type)}${csrf === 'present' ? '' : '；若放在开启 CSRF 保护的 cookie 中发送，会因 "Missing claim: csrf" 而失败'}`,
  'framework.extended-fresh': () => 'fresh 为 true（或仍在未来的时间）：用户刚刚用凭据登录过',
  'framework.extended-not-fresh': ({ fresh }) => `fresh ${fresh ? `为 ${fresh}` : '缺失（视为 False）'}：通过刷新得到的令牌不是新鲜的，而此端点要求最近登录过`,
  'framework.extended-refresh': () => 'type 为 "refresh"：此端点会为它签发新的访问令牌',
  'framework.extended-refresh-only': ({ type }) => `刷新端点只接受 type "refresh"，而${inline(type)}`,
  'framework.flask-jwt-raises': ({ error, why }) => `它调用的 jwt.decode 抛出 ${error}：${why}`,
  'framework.flask-jwt-no-identity': () => '其文档中的 identity 处理函数读取 payload["identity"]，而此令牌没有它：请求会以服务器错误失败，而不是 401',
  'framework.flask-jwt-accepts': ({ missing }) =>
    `签名和声明在其 10 秒宽限内通过，且 identity 存在${missing ? `；它把 ${missing} 列为必需，但以 PyJWT 2 忽略的选项传入，所以缺少它们不会被发现` : ''}`,
  'framework.route-api': () => 'API 路由（访问令牌）',
  'framework.route-refresh': () => '刷新路由',
  'framework.middleware-unmarked': () => 'jwt.decode 返回载荷；令牌没有说明自己是访问令牌还是刷新令牌，所以路由无法区分二者',
  'framework.middleware-refresh-unmarked': () => '刷新路由应只接受标记为刷新令牌的令牌（refresh: true，或 type "refresh"）；此令牌没有任何标记',
  'framework.middleware-refresh-as-access': ({ mark }) => `令牌写着 ${mark}：它只用于换取新的访问令牌，绝不能用来调用 API`,
  'framework.middleware-refresh-accepts': ({ mark }) => `令牌写着 ${mark}：刷新路由会用它换取新的访问令牌`,
  'framework.middleware-access-accepts': ({ mark }) => `jwt.decode 返回载荷，且令牌写着 ${mark}`,
  'framework.middleware-access-as-refresh': ({ mark }) => `令牌写着 ${mark}：短期有效的访问令牌不能用来换取新令牌`,
} satisfies CoreMessages
