import type { SecretEncoding } from '../jwt/keys'
import type { ExpectedClaim, KeyContainer, SecretLookalike } from '../jwt/sentences'
import { describeInstant } from '../jwt/time'
import type { Part } from '../jwt/types'
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

const PARTS: Record<Part, string> = {
  token: '令牌',
  header: '头部',
  payload: '载荷',
  signature: '签名',
  encryptedKey: '加密密钥',
  iv: '初始化向量',
  ciphertext: '密文',
  tag: '认证标签',
  key: '密钥',
  claims: '声明',
}

/** A NumericDate as describeInstant says it: the UTC date stays, an out-of-range value is said so. */
const instantZh = (at: number) => {
  const text = describeInstant(at)
  return text.endsWith(' UTC') ? text : `${at}，超出浏览器能显示的日期范围`
}

/** Expected values, each a JSON text, as alternatives: "a" 或 "b". */
const orZh = (values: readonly string[]) => [values].flat().join(' 或 ')

/** base64Problems' "(and 2 more)". */
const moreZh = (more: number) => (more > 0 ? `（另有 ${more} 处）` : '')

const EXPECTED: Record<ExpectedClaim, string> = { subject: '主体', 'token ID': '令牌 ID', 'header type': '头部类型' }

const CONTAINER = { object: '对象', array: '数组' } as const

/** pem.ts KeyPart: which part of a key a size is about. */
const KEY_PARTS = { 'public key': '公钥', 'private key': '私钥', 'private key d': '私钥 d', seed: '种子', 'expanded key': '展开密钥' } as const

/** pem.ts OTHER_LABELS: PEM labels that are not keys, by label. */
const PEM_LABELS: Readonly<Record<string, string>> = {
  'ENCRYPTED PRIVATE KEY': '加密的 PKCS #8 私钥（RFC 5958 §3）；请先解密，例如用 openssl pkey',
  'CERTIFICATE REQUEST': '证书请求（PKCS #10，RFC 2986），不是密钥',
  'NEW CERTIFICATE REQUEST': '证书请求（PKCS #10，RFC 2986），不是密钥',
  'OPENSSH PRIVATE KEY': 'OpenSSH 私钥，本页面不读取；请先转换为 PKCS #8，例如用 ssh-keygen -p -m PKCS8 -f <file>',
  'X509 CRL': '证书吊销列表（RFC 5280 §5），不是密钥',
  PKCS7: 'PKCS #7 / CMS 消息（RFC 5652），不是密钥',
  CMS: 'CMS 消息（RFC 5652），不是密钥',
  'TRUSTED CERTIFICATE': 'OpenSSL 受信任证书，本页面不读取；请转换为普通的 CERTIFICATE，例如用 openssl x509',
  'DSA PRIVATE KEY': 'DSA 私钥，JOSE 不使用它',
  'EC PARAMETERS': '一组 EC 曲线参数（openssl ecparam 的输出），不是密钥；其后的密钥块会单独读取',
  'DH PARAMETERS': '一组 Diffie-Hellman 参数，不是密钥',
  'ATTRIBUTE CERTIFICATE': '属性证书（RFC 5755），其中没有密钥',
}

const pemLabelZh = (label: string) =>
  Object.hasOwn(PEM_LABELS, label)
    ? `此 PEM 是${inline(PEM_LABELS[label]!)}。`
    : label.startsWith('PGP ')
      ? `此 PEM 是 OpenPGP 封装块（${label}），不是本页面能读取的密钥。`
      : `此 PEM 的标签是 "${label}"，不是本页面能读取的密钥；应为 PUBLIC KEY、PRIVATE KEY、RSA PUBLIC KEY、RSA PRIVATE KEY、EC PRIVATE KEY 或 CERTIFICATE。`

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
  // --- claims.ts ---
  'claims.not-numeric-date': ({ claim, value, date }) => `${claim} 是 ${value}，但它必须是自 1970 年起的秒数（NumericDate，RFC 7519 §2）${date ? '（它看起来像日期字符串，但不会被当作日期读取）' : ''}`,
  'claims.expired': ({ seconds, at, leeway }) => `已于 ${spanZh(seconds)}前过期（exp ${instantZh(at)}），宽限 ${leeway} 秒`,
  'claims.not-expired': ({ seconds, at, leeway }) => `将于 ${spanZh(seconds)}后过期（exp ${instantZh(at)}），宽限 ${leeway} 秒`,
  'claims.not-yet-valid': ({ seconds, at, leeway }) => `尚未生效：将于 ${spanZh(seconds)}后生效（nbf ${instantZh(at)}），宽限 ${leeway} 秒`,
  'claims.valid-since': ({ seconds, at, leeway }) => `自 ${spanZh(seconds)}前起生效（nbf ${instantZh(at)}），宽限 ${leeway} 秒`,
  'claims.issued-in-future': ({ seconds, at, leeway }) => `签发时间在未来：${spanZh(seconds)}之后（iat ${instantZh(at)}），宽限 ${leeway} 秒`,
  'claims.too-old': ({ seconds, maxAge, at, leeway }) => `签发于 ${spanZh(seconds)}前，超过了最长时限 ${spanZh(maxAge)}（iat ${instantZh(at)}），宽限 ${leeway} 秒`,
  'claims.issued': ({ seconds, at }) => `签发于 ${spanZh(seconds)}前（iat ${instantZh(at)}）`,
  'claims.no-iat-for-max-age': () => '设置了最长时限，但令牌没有可供计算的 iat',
  'claims.missing-issuer': ({ expected }) => `期望签发者为 ${orZh(expected)}，但令牌没有 iss`,
  'claims.issuer': ({ iss }) => `签发者 ${iss} 符合期望`,
  'claims.wrong-issuer': ({ iss, expected }) => `签发者 ${iss} 不符合期望（${orZh(expected)}）`,
  'claims.audience-not-checked': ({ aud }) => `令牌的受众是 ${aud}，但这里没有设定期望的受众：PyJWT 会拒绝它（InvalidAudienceError），jose 会接受`,
  'claims.missing-audience': ({ expected }) => `期望受众为 ${orZh(expected)}，但令牌没有 aud`,
  'claims.invalid-audience': ({ aud }) => `aud 是 ${aud}；它必须是字符串或字符串数组（RFC 7519 §4.1.3）`,
  'claims.audience': ({ aud }) => `受众 ${aud} 在期望之列`,
  'claims.wrong-audience': ({ aud, expected }) => `受众 ${aud} 不包含 ${orZh(expected)}`,
  'claims.missing-expected': ({ claim, what, expected }) => `期望${EXPECTED[what]}为 ${expected}，但令牌没有 ${claim}`,
  'claims.expected': ({ what, actual }) => `${EXPECTED[what]} ${actual} 符合期望`,
  'claims.not-expected': ({ what, actual, expected }) => `${EXPECTED[what]} ${actual} 不符合期望（${expected}）`,
  'claims.not-object': () => '载荷不是 JSON 对象，因此没有可检查的声明',
  'claims.missing-required': ({ claim }) => `令牌没有必需的 ${claim}`,

  // --- segments.ts ---
  'token.authorization-header': () => "已去掉令牌前的 'Authorization:' 头部名称",
  'token.assignment': ({ removed }) => `已去掉令牌前的 '${removed}'`,
  'token.bearer-prefix': ({ removed }) => `已去掉 '${removed}' 前缀：它属于 Authorization 头部，而不是令牌的一部分`,
  'token.trailing-punctuation': ({ char }) => `已忽略令牌后的 '${char}'`,
  'token.quotes': ({ quote, which }) => (which === 'surrounding' ? `已去掉两侧的引号（${quote}）` : which === 'opening' ? `已忽略开头的引号（${quote}）` : `已忽略结尾的引号（${quote}）`),
  'token.no-dots': () => '没有找到点号：JWS 有 2 个点号（header.payload.signature），JWE 有 4 个',
  'token.dot-count': ({ dots, hint, at }) =>
    `找到 ${dots} 个点号：JWS 有 2 个点号（header.payload.signature），JWE 有 4 个${hint === 'missing-signature' ? '；缺少签名部分' : hint === 'trailing-dot' ? `；偏移 ${at} 处的点号使令牌以一个空的部分结尾` : ''}`,

  // --- decode.ts ---
  'base64.alphabet': ({ part, char, at, more }) => `${PARTS[part]}在偏移 ${at} 处有字符 ${char}${moreZh(more)}，它不在 base64url 字母表（A-Z、a-z、0-9、'-' 和 '_'）中`,
  'base64.padding': ({ part, at, more }) => `${PARTS[part]}在偏移 ${at} 处有 '=' 填充${moreZh(more)}；JWS 的 base64url 不带填充（RFC 7515 §2），严格的库会拒绝它`,
  'base64.standard': ({ part, char, at, more, instead }) => `${PARTS[part]}在偏移 ${at} 处有标准 base64 的字符 ${char}${moreZh(more)}；base64url 用 '${instead}' 代替它（RFC 7515 §2）`,
  'base64.whitespace': ({ part, at, more }) => `${PARTS[part]}在偏移 ${at} 处有空白${moreZh(more)}；已忽略，但令牌中不能含有空白`,
  'base64.non-canonical': ({ part, char, at, canonical }) => `${PARTS[part]}以偏移 ${at} 处的 ${char} 结尾，其未使用的低位不为零；规范编码应以 '${canonical}' 结尾（RFC 4648 §3.5），有些库会拒绝它`,
  'base64.length': ({ part, at }) => `${PARTS[part]}多了或少了一个字符：偏移 ${at} 处的最后一个字符凑不成一个字节（base64url 文本的长度不会是 4n+1）`,
  'decode.invisible': ({ part, count, codePoints, first }) => `解码后的${PARTS[part]}含有 ${count} 个不可见或改变书写方向的字符（${codePoints}），第一个在位置 ${first}：文本读起来可能与程序比较的内容不同`,
  'decode.json': ({ part, issue }) => `解码后的${PARTS[part]} JSON 中：${issue}`,
  'decode.utf8': ({ part, byte, problem }) => `解码后的${PARTS[part]}在第 ${byte} 字节处不是有效的 UTF-8：${problem}`,
  'header.empty': () => '头部为空；它必须是一个 JSON 对象的 base64url，例如 {"alg":"HS256","typ":"JWT"}',
  'header.not-object': ({ type }) => `头部是 JSON ${type}，但 JOSE 头部必须是 JSON 对象（RFC 7515 §4）`,
  'header.missing-alg': () => '头部没有 "alg" 成员；RFC 7515 §4.1.1 要求用它指明签名算法',
  'header.alg-not-string': ({ type }) => `头部的 "alg" 是${inline(type)}；它必须是字符串，例如 "HS256"（RFC 7515 §4.1.1）`,
  'header.unknown-alg': ({ alg, suggestion, known }) => `头部的 "alg" 是 "${alg}"，它不是 JWS 算法${suggestion ? `；算法名区分大小写，你是想写 "${suggestion}" 吗？` : `；已知的算法：${known}`}`,
  'payload.empty': () => '载荷为空；JWT 用 JSON 对象承载其声明（RFC 7519 §7.2）',
  'payload.not-json': () => '载荷是文本，不是 JSON；JWS 可以承载任何内容，但 JWT 用 JSON 对象承载其声明（RFC 7519 §7.2）',
  'payload.not-object': ({ type }) => `载荷是 JSON ${type}；JWT 的声明集必须是 JSON 对象（RFC 7519 §7.2）`,
  'signature.not-empty-for-none': () => '头部写着 "alg": "none"，所以签名必须为空（RFC 7518 §3.6），但它不是空的',
  'signature.empty': ({ alg }) => `签名部分为空，但头部写着 "alg": "${alg}"；令牌没有签名，或者签名被截掉了`,
  'token.jwe': () => '这是一个加密令牌（JWE，RFC 7516）：只能读取它的头部；载荷需要接收方的密钥才能解密',
  'token.too-large': ({ length, max }) => `此文本有 ${length.toLocaleString('en')} 个字符；本页面只解码不超过 ${max.toLocaleString('en')} 个字符（16 MiB）的令牌，所以没有解码它`,
  'token.empty': () => '请粘贴一个令牌：用点号分隔的三个 base64url 部分，header.payload.signature',
  'json.type': ({ type, json }) =>
    type === 'array' ? '数组' : type === 'object' ? '对象' : type === 'null' ? 'null' : `${type === 'string' ? '字符串' : type === 'number' ? '数字' : type === 'boolean' ? '布尔值' : '值'}（${json}）`,

  // --- utf8.ts ---
  'utf8.bad-lead': ({ byte }) => `字节 ${byte} 不能作为 UTF-8 字符的开头`,
  'utf8.truncated': ({ bytes }) => `文本在一个 ${bytes} 字节的 UTF-8 字符中间结束`,
  'utf8.bad-continuation': ({ byte, lead }) => `字节 ${byte} 不能接在以 ${lead} 开头的 UTF-8 字符之后`,
  'utf8.invalid': () => '无效的 UTF-8',

  // --- json.ts ---
  'json.at.end': () => '文本末尾',
  'json.at.line-break': () => '换行符',
  'json.at.control': ({ code }) => `控制字符 ${code}`,
  'json.at.bom': () => '字节顺序标记（U+FEFF）',
  'json.at.char': ({ char }) => `'${char}'`,
  'json.position': ({ problem, position }) => `${problem}（位置 ${position}）`,
  'json.trailing-text': ({ found }) => `值之后应是 JSON 文本的结尾，但这里是${inline(found)}`,
  'json.ends-in-value': ({ container, opened }) => `JSON 提前结束：位置 ${opened} 开始的${CONTAINER[container]}中还缺一个值`,
  'json.expected-value': ({ where, found }) =>
    `这里应是${where === 'member' ? '成员的' : where === 'array' ? '数组中的' : '一个'}值（对象、数组、字符串、数字、true、false 或 null），但这里是${inline(found)}`,
  'json.trailing-comma': ({ container }) => `逗号后面必须还有一个${container === 'object' ? '成员' : '值'}；请删除末尾的逗号`,
  'json.ends-unclosed': ({ container, opened }) => `JSON 提前结束：缺少 '${container === 'object' ? '}' : ']'}' 来闭合位置 ${opened} 开始的${CONTAINER[container]}`,
  'json.expected-separator': ({ container, found }) => `${container === 'object' ? '成员' : '元素'}之后应是 ',' 或 '${container === 'object' ? '}' : ']'}'，但这里是${inline(found)}`,
  'json.expected-name': ({ found, singleQuote }) => `这里应是用双引号括起的成员名，但这里是${inline(found)}${singleQuote ? '（JSON 要用双引号）' : ''}`,
  'json.expected-colon': ({ key, found }) => `成员名 "${key}" 之后应是 ':'，但这里是${inline(found)}`,
  'json.unclosed-string': ({ opened }) => `位置 ${opened} 开始的字符串没有结束引号`,
  'json.control-in-string': ({ found }) => `字符串中不能直接包含${inline(found)}；请转义（例如用 \\n 表示换行）`,
  'json.escape-ends': () => '文本在转义序列中间结束',
  'json.unicode-escape': ({ hex }) => `\\u 后面必须是四个十六进制数字，这里是 '\\u${hex}'`,
  'json.bad-escape': ({ letter }) => `'\\${letter}' 不是 JSON 转义；请使用 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX 之一`,
  'json.lone-surrogate': ({ escape, at }) => `位置 ${at} 处的转义 ${escape} 是 UTF-16 代理对的一半，缺少另一半；它不是有效的字符`,
  'json.expected-digit': ({ found }) => `这里应是数字，但这里是${inline(found)}`,
  'json.bad-number': ({ found, leadingZero }) => `数字中出现了意外的${inline(found)}：${leadingZero ? '数字不能有前导零' : '这不是有效的数字'}`,
  'json.unsafe-integer': ({ shown, digits, read }) => `数字 ${shown}${digits ? `（${digits} 位）` : ''} 超出了 2^53：JavaScript 把它读作 ${read}，其他语言未必如此`,
  'json.duplicate-member': ({ key, at, first }) => `成员名 "${key}" 在位置 ${at} 再次出现（第一次在 ${first}）；JSON.parse 只保留最后一个值，其他解析器可能保留第一个`,

  // --- algorithms.ts ---
  'key.requirement': ({ kty, size }) =>
    kty === 'none' ? '无需密钥' : kty === 'oct' ? '共享密钥' : kty === 'RSA' ? `至少 ${size} 位的 RSA 密钥` : kty === 'EC' ? `EC ${size} 密钥` : `${size.replaceAll(' or ', ' 或 ')} 密钥`,
  'key.shape': ({ kty, size }) => (kty === 'RSA' ? `RSA ${size} 位密钥` : kty === 'EC' ? `EC ${size} 密钥` : `${size} 密钥`),
  'key.mismatch': ({ alg, need, shape }) => `${alg} 需要${inline(need)}；而这是${inline(shape)}`,

  // --- keys.ts and verify.ts: the key text ---
  'key.unreadable': ({ message }) => `无法读取密钥：${message}`,
  'key.too-large': ({ length, max }) => `密钥文本有 ${length.toLocaleString('en')} 个字符；本页面只读取不超过 ${max.toLocaleString('en')} 个字符（1 MiB）的密钥`,
  'key.hex-alphabet': ({ char, at }) => `十六进制文本在偏移 ${at} 处有字符 ${char}，它不是十六进制数字`,
  'key.hex-length': ({ digits }) => `十六进制文本有 ${digits} 个数字；两个数字构成一个字节，所以个数必须是偶数`,
  'key.secret-dangling': ({ encoding, at }) => `${SECRET_ENCODINGS[encoding]} 文本在偏移 ${at} 处多出一个落单的末尾字符：少了或多了一个字符`,
  'key.secret-alphabet': ({ encoding, char, at }) => `${SECRET_ENCODINGS[encoding]} 文本在偏移 ${at} 处有字符 ${char}，它不在字母表中`,
  'key.secret-other-alphabet': ({ encoding, char, at, belongs }) =>
    `${SECRET_ENCODINGS[encoding]} 文本在偏移 ${at} 处有 ${char}，它属于${belongs === 'base64' ? '标准 base64：请选择 base64 编码' : ' base64url'}`,
  'key.invalid-json': ({ message }) => `密钥看起来像 JSON，但不是有效的 JSON：${message}`,
  'key.not-object': () => 'JWK 必须是 JSON 对象（RFC 7517 §4）',
  'key.jwks-member-not-object': ({ place }) => `${place}不是 JSON 对象`,
  'key.in-jwks': ({ place, problem }) => `${place}：${problem}`,
  'key.jwk-no-kty': () => 'JWK 没有指明密钥类型的 "kty" 成员（RFC 7517 §4.1）',
  'key.jwk-unknown-kty': ({ kty }) => `JWK 的 kty "${kty}" 不是本页面能读取的类型（RSA、EC、OKP、AKP、oct）`,
  'key.jwk-lacks': ({ kty, member }) => `kty 为 ${kty} 的 JWK 缺少 ${member}`,
  'key.jwk-private-lacks': ({ kty, missing }) => `kty 为 ${kty} 的私钥 JWK 缺少 ${missing}`,
  'key.jwk-base64url': ({ member, char, at }) => `JWK 成员 "${member}" 必须是不带填充的 base64url；它在偏移 ${at} 处有 ${char}`,
  'key.jwk-curve': ({ kty, crv, known }) => `kty 为 ${kty} 的 JWK 的 crv 是 "${crv}"；本页面能读取 ${known.replaceAll(', ', '、')}`,
  'key.jwk-size': ({ kty, crv, member, size, found }) => `kty 为 ${kty}、crv 为 ${crv} 的 JWK：${member} 必须是 ${size} 字节，实际是 ${found} 字节`,
  'key.jwk-akp-alg': ({ alg, known }) => `kty 为 AKP 的 JWK 的 alg 是 "${alg}"；本页面能读取 ${known.replaceAll(', ', '、')}`,
  'key.jwk-not-asymmetric': ({ kty }) => `JWK 的 kty "${kty}" 不是非对称密钥类型`,
  'key.kid-not-found': ({ kid, kids, alg }) => `密钥集中没有 kid 为 "${kid}" 的密钥（${kids ? `它有 ${kids}` : '其中的密钥都没有 kid'}）；将尝试所有适用于 ${alg} 的密钥`,
  'key.short-secret': ({ bytes, alg, needs }) => `密钥只有 ${bytes} 字节；${alg} 至少需要 ${needs} 字节（RFC 7518 §3.2）。过短的密钥可以被暴力破解。`,
  'key.short-rsa': ({ bits, alg, needs }) => `RSA 密钥只有 ${bits} 位；${alg} 要求至少 ${needs} 位（RFC 7518 §3.3）`,

  // --- pem.ts ---
  'pem.no-end': ({ label, next }) => `这个 BEGIN 行之后应有 "-----END ${label}-----"，但${next >= 0 ? `在偏移 ${next} 处遇到了另一个 BEGIN 行` : '文本已经结束'}。`,
  'pem.label-mismatch': ({ label, end, at }) => `应由 "-----END ${label}-----" 结束此块，但在偏移 ${at} 处是 "${end}"。`,
  'pem.internal': ({ label, error }) => `由于本页面的错误，无法读取这个 ${label} 块：${error}。`,
  'pem.not-a-key': ({ label }) => pemLabelZh(label),
  'pem.encrypted': ({ procType }) => `此私钥已加密（Proc-Type ${procType}）；请先解密，例如用 openssl pkey。`,
  'pem.after-padding': ({ char, at, padding }) => `base64 文本在偏移 ${padding} 处的 '=' 填充之后，于偏移 ${at} 处还有字符 '${char}'；此块应在填充处结束。`,
  'pem.early-padding': ({ at }) => `base64 文本在偏移 ${at} 处有 '=' 填充；填充之前应是 base64 字符。`,
  'pem.base64-alphabet': ({ char, at }) => `base64 文本在偏移 ${at} 处有字符 ${char}，它不在字母表中（应为 A-Z、a-z、0-9、+ 或 /）。`,
  'pem.no-base64': () => 'BEGIN 行和 END 行之间应有 base64 文本，但什么也没有。',
  'pem.base64-dangling': ({ at }) => `base64 文本应以 2 到 4 个字符的一组结尾，但偏移 ${at} 处只有单独一个字符；文本可能被截短了。`,
  'pem.base64-padding': ({ needed, at, found }) => `偏移 ${at} 处应有 ${needed} 个 '=' 填充，实际有 ${found} 个。`,
  'pem.der': ({ label, problem }) => `这个 ${label} 块中的 DER 格式有误：${problem}。`,
  'pem.rsa-pss': () => '此 RSA 密钥被标记为只用于 RSASSA-PSS（RFC 4055 §1.2）：请用于 PS256、PS384 或 PS512，而不是 RS256。',
  'pem.key-agreement': ({ crv }) => `这是一个 ${crv} 密钥，用于密钥协商（ECDH-ES，RFC 8037 §3.2），而不是签名：它不能签名或验证 JWS。`,
  'pem.oid': ({ name, oid }) => (name ? `${name}（${oid}）` : `未知的 OID ${oid}`),
  'pem.unsupported-algorithm': ({ oid }) => `密钥算法应是本页面能读取的（RSA、EC、Ed25519、Ed448、X25519、X448 或 ML-DSA），但这里是${inline(oid)}。`,
  'pem.unsupported-curve': ({ oid }) => `曲线应是 P-256、P-384、P-521 或 secp256k1，但这里是${inline(oid)}。`,
  'pem.no-curve': () => 'EC 密钥参数中应有命名曲线的 OID（RFC 5480 §2.1.1），但没有找到。',
  'pem.explicit-curve': () => '应是命名曲线（RFC 5480 §2.1.1），但这里是显式的曲线参数；请用命名曲线重新导出密钥，例如 openssl ec -param_enc named_curve。',
  'pem.implicit-curve': () => '应是命名曲线（RFC 5480 §2.1.1），但这里是 implicitCurve（NULL），曲线无从得知。',
  'pem.multi-prime': () => '应是双素数 RSA 密钥（version 0），但这是多素数密钥（version 1，RFC 8017 §A.1.2），本页面不读取。',
  'pem.no-private-curve': () => 'EC 私钥的 [0] 参数中应有曲线（RFC 5915 §3），但没有找到。',
  'pem.curve-mismatch': ({ outer, inner }) => `[0] 参数应与 AlgorithmIdentifier 一样指明 ${outer}，但这里是 ${inner}。`,
  'pem.ml-dsa-expanded': ({ alg, seed, expanded }) => `这个 ${alg} 私钥中应有 ${seed} 字节的种子，但只有 ${expanded} 字节的展开密钥；JWK 的 "priv" 保存的是种子，请连同种子重新导出密钥。`,

  'pem.size': ({ size, name, what, found }) => `${name} ${KEY_PARTS[what]}应为 ${size} 字节，实际是 ${found} 字节。`,
  'pem.at-most': ({ size, name, what, found }) => `${name} ${KEY_PARTS[what]}最多应为 ${size} 字节，实际是 ${found} 字节。`,
  'pem.ec-point': ({ crv, size, bytes, first }) =>
    `${crv} 点应为 0x04 加 ${2 * size} 字节（未压缩）或 0x02/0x03 加 ${size} 字节（压缩），但这里是${first ? `以 ${first} 开头的 ${bytes} 字节` : '空的'}。`,
  'pem.invalid-key-bytes': ({ from, shape }) => `${from === 'point' ? '应是曲线上的点' : '应是此密钥类型的有效私钥'}（${shape}），但这些密钥字节不是。`,

  // --- state ---
  'expectations.leeway': ({ text }) => `宽限必须是秒数，0 或更大；"${text}" 不是（按 0 处理）`,
  'note.pasted-cleaned': ({ removed }) => `已清理粘贴的令牌：${[removed].flat().join('；')}。`,
} satisfies CoreMessages
