import type { FindingParams } from '../jwt/findings'
import type { FindingMessages, FindingWords } from './findings'

/**
 * The findings (src/jwt/findings.ts) in Simplified Chinese, one function per code. The type makes
 * it complete: a code the core adds without an entry here is a type error. RFC numbers, claim,
 * header and algorithm names stay in Latin script.
 */

/** A moment as the core writes it ("2026-11-22 10:00:00 UTC"), or said to be out of range. */
const instant = (say: FindingWords, seconds: unknown) => {
  const text = say.instant(Number(seconds))
  return text.endsWith(' UTC') ? text : `${String(seconds)}（超出浏览器能显示的日期范围）`
}
const span = (say: FindingWords, seconds: unknown) => say.span(Number(seconds))

const ONLY_ENCODED = '已签名令牌的载荷只是做了 base64url 编码，并没有加密：任何见到这个令牌的人（浏览器、日志、代理、统计分析工具、浏览器扩展）都能解码读出它，就像本页刚才做的那样（RFC 7519 §12）。'
const ENCRYPTED_INSTEAD = '如果接收方确实需要这些数据，请通过其他渠道发送，或者为该接收方加密令牌（即 JWE，RFC 7516）。'

const PUBLIC_KEY_FORMS: Record<string, string> = {
  'pem-public-key': '一个 PEM 公钥',
  'pem-certificate': '一个 PEM 证书（其中含有公钥）',
  'pem-private-key': '一个 PEM 私钥',
  jwk: '一个 RSA、EC 或 OKP 密钥的 JWK',
  jwks: '一个 JWK Set',
  'ssh-public-key': '一个 SSH 公钥',
  'der-base64': '一个 DER 编码密钥的 base64 文本',
}
const keyForm = (p: FindingParams) => PUBLIC_KEY_FORMS[String(p.form)] ?? '一个非对称密钥'

const CRIT_PROBLEMS: Record<string, (name: string) => string> = {
  'not-array': () => '不是数组',
  empty: () => '一个空数组',
  'not-string': () => '一个含有非字符串元素的数组',
  registered: (name) => `一个列出了“${name}”的数组，而“${name}”是 JWS 规范本身定义的参数`,
  absent: (name) => `一个列出了“${name}”的数组，但头部中并没有“${name}”`,
}

const BASE64_ISSUES: Record<string, string> = {
  'unused-bits': '最后一个字符中未使用的比特不为零',
  padding: '带有“=”填充',
  'standard-alphabet': '使用了标准 base64 的“+”或“/”',
}

const PART_NAMES: Record<string, string> = {
  header: '头部（header）',
  payload: '载荷（payload）',
  signature: '签名（signature）',
  encryptedKey: '加密密钥（encrypted key）',
  iv: '初始化向量（IV）',
  ciphertext: '密文（ciphertext）',
  tag: '认证标签（authentication tag）',
  token: '令牌',
}
const partName = (p: FindingParams) => PART_NAMES[String(p.part)] ?? String(p.part)

export const zhCNFindings: FindingMessages = {
  'finding.alg-none': (p) => ({
    title: `令牌没有签名（"alg": "${p.alg}"）`,
    explanation:
      '头部声明这个令牌没有签名，因此任何人都能写出带有任意声明的令牌，而且看起来同样有效。RFC 7518 §3.6 只允许在令牌已由其他方式保护时使用 "none"；RFC 8725 §3.1 要求验证方只接受自己选定的算法，绝不能采用令牌自己声明的算法。' +
      (p.alg === 'none' ? '' : `这里写成了 "${p.alg}"：只拦截小写 "none" 的过滤器会放行它，而忽略大小写的库会把它当作 none。`) +
      '请给验证方一份明确的、不含 "none" 的算法列表（PyJWT 的 algorithms=["RS256"]，jose 的 algorithms 选项），并拒绝未签名的令牌。',
  }),
  'finding.secret-short': (p) => ({
    title: `密钥只有 ${p.bytes} 字节，短于 ${p.alg} 所需的 ${p.minimumBytes} 字节`,
    explanation: `RFC 7518 §3.2 要求 HMAC 密钥至少与哈希输出一样长：${p.alg} 需要 ${p.minimumBytes} 字节（${p.minimumBits} 比特）。这个密钥只有 ${p.bytes} 字节（${p.bits} 比特）。攻击者只要拿到一个令牌，就能离线用候选密钥去比对它的签名，速度只受其硬件限制，短密钥很快就会被找到；之后他们就能为任意声明签名。请生成至少 ${p.minimumBytes} 字节的随机密钥（例如 \`openssl rand -base64 ${p.minimumBytes}\`），并且不要把它写进源代码。`,
  }),
  'finding.secret-weak': (p) => ({
    title: `密钥“${p.match}”是众所周知的弱密钥`,
    explanation: `${p.via === 'bytes' ? '密钥的字节按文本读出来是' : '密钥是'}“${p.match}”，这是人们从教程、文档和默认配置里照抄的密钥之一。破解 JWT 的工具会最先尝试这类列表：凭一个截获的令牌，几秒钟就能找到密钥，然后就能为任何用户签发令牌。RFC 8725 §3.5 指出，人能记住的口令不得直接用作 HMAC 密钥。请换成由密码学安全随机数生成器产生的、至少 32 字节的随机密钥，并把用这个密钥签过的所有令牌都视为可伪造。`,
  }),
  'finding.secret-is-public-key': (p) => ({
    title: `HMAC 密钥是${keyForm(p)}`,
    explanation: `作为 ${p.alg} 密钥填入的文本是${keyForm(p)}。这正是算法混淆攻击的样子（RFC 8725 §2.1）：服务器持有 RSA 或 EC 公钥，却让令牌的 alg 决定如何使用它，于是把公钥文本当作密钥去运行 HMAC。公钥是公开的，任何人都能据此签发该服务器会接受的令牌。请为每个密钥在配置中固定一种算法，绝不采用令牌声明的算法（RFC 8725 §3.1），并把 HMAC 密钥与公钥分开存放，使两者都不能被用于对方的算法。${p.form === 'pem-private-key' ? '私钥同样不应当作 HMAC 密钥：它的公钥部分是公开的，它的文本也不是随机密钥。' : ''}`,
  }),
  'finding.no-exp': () => ({
    title: '令牌永不过期：没有 exp 声明',
    explanation:
      '载荷中没有 exp（过期时间，RFC 7519 §4.1.4），所以令牌永远有效：一旦从日志、浏览器或代理中泄露，在签名密钥更换之前都能被重放，用户退出登录也无法让它失效。请为每个令牌设置 exp（访问令牌应在几分钟后过期），并让验证方强制要求它（PyJWT 的 options={"require": ["exp"]}，jose 的 requiredClaims: ["exp"]）。',
  }),
  'finding.long-lifetime': (p, say) => ({
    title: `访问令牌的有效期长达 ${span(say, p.seconds)}`,
    explanation: `这个${p.role === 'access' ? '访问令牌' : '令牌没有声明自己是刷新令牌，因此按访问令牌对待，它'}的有效期为 ${span(say, p.seconds)}（${p.from === 'iat' ? '从 iat 到 exp' : '它没有 iat，从现在算到 exp'}）。访问令牌是持有者凭证：谁拿到它，谁就能一直使用到它过期，而且它很少会与吊销列表比对，因此有效期越长，被盗令牌可被利用的时间窗口就越大（RFC 6819 §5.1.5.3）。请让访问令牌保持短时有效（几分钟到一小时），并用刷新令牌换取新的访问令牌；刷新令牌应明确声明自己的类型，且只在刷新令牌的地方被接受。`,
  }),
  'finding.iat-in-future': (p, say) => ({
    title: `签发时间在未来：iat 超前 ${span(say, p.secondsAhead)}`,
    explanation: `令牌声称签发于 ${instant(say, p.iat)}，比检查时间晚 ${span(say, p.secondsAhead)}。令牌不可能在未来签发：要么签发方的时钟不准，要么令牌是手工写的，也许是为了延长寿命或绕过最长使用期限的检查。RFC 7519 §4.1.6 规定 iat 是签发时间；请拒绝超出少量时钟偏差容限（一两分钟）的 iat，并保持签发方的时钟同步。`,
  }),
  'finding.nbf-in-future': (p, say) => ({
    title: `尚未生效：nbf 超前 ${span(say, p.secondsAhead)}`,
    explanation: `令牌在 ${instant(say, p.nbf)} 之前无效，比检查时间晚 ${span(say, p.secondsAhead)}（nbf，RFC 7519 §4.1.5），所以正确的验证方在此之前会拒绝它。为日后使用而签发的令牌并不常见：未来的 nbf 往往意味着签发方时钟有误，或者是预先准备好的令牌，会在无人留意的时刻开始生效。请检查签发方的时钟，并确认你的验证方会检查 nbf 而不是忽略它。`,
  }),
  'finding.key-url': (p) => ({
    title: `头部指明了去哪里获取密钥（${p.member}）`,
    explanation: `头部给出了一个获取验证密钥的 URL（${p.member}: ${p.url}）。照着它去取密钥的验证方，等于让令牌自己挑选密钥：攻击者发布一个密钥，用对应的私钥签名令牌，再把 ${p.member} 指向它。去请求令牌指定的任意 URL 还有服务端请求伪造（SSRF）的风险（RFC 8725 §3.10）。请用你自己配置的密钥验证；如果必须支持 ${p.member}，只接受允许列表中完全匹配的 HTTPS URL。`,
  }),
  'finding.embedded-key': (p) => ({
    title: `头部自带了密钥（${p.member}）`,
    explanation: `头部携带了一个密钥（${p.member}，RFC 7515 ${p.member === 'jwk' ? '§4.1.3' : '§4.1.6'}）。用令牌自带的密钥检查签名，只能证明令牌制作者拥有对应的私钥，而任何人都能生成密钥对：攻击者可以为任意声明签名，再把公钥嵌进去。绝不要用嵌入的密钥来验证；请使用你配置的密钥，如果要用头部中的密钥来挑选密钥，先把它与你信任的密钥比对${p.member === 'x5c' ? '，并把证书链一直验证到你信任的根证书' : ''}。`,
  }),
  'finding.kid-path-traversal': (p) => ({
    title: `kid 看起来像文件路径（${p.match}）`,
    explanation: `kid（密钥 ID，RFC 7515 §4.1.4）是“${p.kid}”，看起来像一个文件路径。用 kid 拼出文件名的服务器，可能被诱导去读取另一个文件当作密钥：一种常见攻击把 kid 指向 /dev/null 或内容已知的公开文件，再用这些内容作为 HMAC 密钥签名。请把 kid 当作不透明的名字：在一张固定的密钥表里查找，绝不要把它放进路径（RFC 8725 §3.10）。`,
  }),
  'finding.kid-sql': (p) => ({
    title: `kid 含有类似 SQL 的字符（${p.match}）`,
    explanation: `kid（密钥 ID）是“${p.kid}”，其中含有用于 SQL 注入的字符。如果服务器用 kid 拼接查询语句来查找密钥，令牌就能改写这条查询，例如让它返回攻击者选定的值作为 HMAC 密钥。RFC 8725 §3.10 要求在使用 kid 之前对其进行校验或清理：请使用参数化查询，更好的做法是使用一张固定的密钥 ID 表。`,
  }),
  'finding.unknown-crit': (p) => ({
    title: `头部把本调试器不认识的扩展标记为关键：${p.members}`,
    explanation: `头部在 crit 中列出了 ${p.members}：不理解${Number(p.count) === 1 ? '该扩展' : '这些扩展'}的接收方必须拒绝这个令牌（RFC 7515 §4.1.11）。本调试器只理解 b64（RFC 7797）。忽略 crit 的库会接受这个令牌，却不执行签发方声明为必需的规则，于是令牌对它的含义可能与本意不同。请拒绝含有你的验证方未实现的关键扩展的令牌。`,
  }),
  'finding.crit-malformed': (p) => ({
    title: '头部的 crit 格式不正确',
    explanation: `头部的 crit 是${(CRIT_PROBLEMS[String(p.problem)] ?? CRIT_PROBLEMS['not-array']!)(String(p.name ?? ''))}。RFC 7515 §4.1.11 要求它是一个非空数组，列出头部中存在的扩展参数，且不得列出 JWS 规范自身定义的参数。格式不正确的 crit 说明令牌很可能是手工制作的，而各个库对是否拒绝它意见不一，于是一个服务接受的令牌可能被另一个拒绝。请拒绝它。`,
  }),
  'finding.b64-false': (p) => ({
    title: '载荷未经编码就被签名（"b64": false）',
    explanation:
      '头部设置了 "b64": false（RFC 7797）：签名覆盖的是载荷的原始字节，而不是它的 base64url 文本。未实现 RFC 7797 的库会算出不同的签名输入，于是不同的验证方可能对同一个令牌得出不同的理解。' +
      (p.crit === 'listed'
        ? 'crit 按 RFC 7797 §6 的要求列出了 b64，所以不理解它的库必须拒绝这个令牌。'
        : 'crit 没有按 RFC 7797 §6 的要求列出 b64，所以不认识这个扩展的库没有理由拒绝这个令牌。') +
      '除非你的应用本来就是为未编码载荷（通常是分离式内容）设计的，否则请拒绝这类令牌。',
  }),
  'finding.duplicate-header-member': (p) => ({
    title: `头部中“${p.name}”出现了不止一次`,
    explanation: `头部中成员名“${p.name}”出现了不止一次。各种 JSON 解析器对重复成员的处理并不一致：JavaScript 保留最后一个，其他解析器可能保留第一个或直接报错，因此检查签名的库和读取头部的代码可能看到不同的值，例如不同的 alg 或 kid。RFC 7515 §4 要求接收方拒绝含有重复名称的 JOSE 头部，或者使用只返回最后一个值的解析器；请拒绝这类令牌。`,
  }),
  'finding.duplicate-claim': (p) => ({
    title: `载荷中“${p.name}”出现了不止一次`,
    explanation: `载荷中成员名“${p.name}”出现了不止一次。RFC 7519 §4 允许解析器拒绝这个令牌或保留最后一个值，而各个解析器的做法不同，于是两个服务可能从同一个已签名的令牌中读出不同的 ${p.name}，例如不同的主体或角色。签发方绝不应产生重复成员，验证方应当拒绝它们。`,
  }),
  'finding.non-canonical-base64url': (p) => ({
    title: `${partName(p)}不是规范的 base64url`,
    explanation:
      `${partName(p)}不是唯一规范的 base64url 形式：${BASE64_ISSUES[String(p.issue)] ?? '它与规范形式不同'}，位于偏移 ${p.offset} 处（RFC 7515 §2 使用不带填充的 base64url；RFC 4648 §3.5 要求未使用的比特为零）。宽松的解码器会接受它，严格的解码器会拒绝它，于是不同服务对同一个令牌的判断不一致。` +
      (p.part === 'signature'
        ? '在签名中，这还意味着令牌文本可以被改动而签名依然有效，因此以令牌文本为键的拒绝列表或重放缓存会漏掉这个变体。'
        : '签名覆盖的正是这段文本，所以这个令牌很可能被手工改过，或者出自有缺陷的编码器。') +
      '签发方应当产生规范的 base64url，服务之间应当按令牌解码后的内容（例如 jti）而不是令牌文本来比较令牌。',
  }),
  'finding.payload-credential': (p) => ({
    title: `载荷中带有看似口令或密钥的内容（${p.path}）`,
    explanation: `成员 ${p.path} 的名字像是口令、密钥或机密。${ONLY_ENCODED}绝不要把口令、API 密钥或其他机密放进令牌；如果这是真实的值，请立即更换。${ENCRYPTED_INSTEAD}`,
  }),
  'finding.payload-card-number': (p) => ({
    title: `载荷中带有看似银行卡号的内容（尾号 ${p.last4}）`,
    explanation: `${p.path} 的值看起来是银行卡号：其数字通过了 Luhn 校验，尾号为 ${p.last4}。${ONLY_ENCODED}银行卡规范（PCI DSS）要求卡号在存储和传输的任何地方都不可读。请改用支付服务商提供的令牌化卡号。${ENCRYPTED_INSTEAD}`,
  }),
  'finding.payload-ssn': (p) => ({
    title: `载荷中带有看似美国社会安全号码的内容（${p.path}）`,
    explanation: `${p.path} 的值具有美国社会安全号码（SSN）的格式（AAA-GG-SSSS）。${ONLY_ENCODED}凭一个身份证件号码就足以冒名开户；请改在 sub 中用不透明的用户 ID 来标识此人。${ENCRYPTED_INSTEAD}`,
  }),
  'finding.payload-iban': (p) => ({
    title: `载荷中带有看似银行账号的内容（IBAN，${p.country}）`,
    explanation: `${p.path} 的值看起来是一个 IBAN（国家 ${p.country}；通过了 ISO 13616 的 mod-97 校验）。${ONLY_ENCODED}银行账号属于个人金融数据；请改用由你的服务解析的 ID 来指代该账户。${ENCRYPTED_INSTEAD}`,
  }),
  'finding.payload-email': (p) => ({
    title: `载荷中带有电子邮件地址（${p.path}）`,
    explanation: `${p.path} 的值是一个电子邮件地址。${ONLY_ENCODED}按照 GDPR 等隐私法规，电子邮件地址属于个人数据，而令牌又常被写进日志；请只在接收方确实需要时才包含它，并在 sub 中用不透明的 ID 标识用户。${ENCRYPTED_INSTEAD}`,
  }),
  'finding.payload-phone': (p) => ({
    title: `载荷中带有电话号码（${p.path}）`,
    explanation: `${p.path} 的值看起来是一个电话号码。${ONLY_ENCODED}电话号码属于个人数据，而且常被用作登录的第二因素；请只在接收方确实需要时才包含它。${ENCRYPTED_INSTEAD}`,
  }),
  'finding.payload-personal': (p) => ({
    title: `载荷中带有个人数据（${p.path}）`,
    explanation: `成员 ${p.path} 的名字像是个人数据（身份证件号码、出生日期、银行卡或银行账户）。${ONLY_ENCODED}请只在接收方确实需要时才包含个人数据，并在 sub 中用不透明的 ID 指代此人。${ENCRYPTED_INSTEAD}`,
  }),
  'finding.jwe-not-jws': (p) => ({
    title: '这是加密令牌（JWE），不是签名令牌（JWS）',
    explanation: `这个令牌有五个部分：它是一个 JWE（RFC 7516，alg ${p.alg}，enc ${p.enc}），是加密的而不是签名的。用接收方公钥加密并不能说明令牌是谁发出的：任何拥有该公钥的人都能制作带有任意声明的 JWE。如果你的服务期望收到已签名的 JWT，请确认它使用的库不会在同一个调用中也接受 JWE，并确认它解密出的 JWE 里装的是一个签名经过验证的 JWT（RFC 8725 §2.3）。本页无法解密它，因此这里没有检查它的声明。`,
  }),
  'finding.no-typ': () => ({
    title: '头部没有 typ',
    explanation:
      '头部没有说明这是哪一类令牌。显式类型（RFC 8725 §3.11）让验证方能把访问令牌（typ 为 at+jwt，RFC 9068）与 ID 令牌或登出令牌区分开，使为某一用途签发的令牌无法被挪作他用；没有它，验证方只能靠声明来区分。请设置 typ（JWT，OAuth 访问令牌用 at+jwt），并让验证方检查它。',
  }),
  'finding.unexpected-typ': (p) => ({
    title: `typ 是 ${p.typ}，而不是 JWT 或 at+jwt`,
    explanation: `头部的 typ 是 ${p.typ}。typ 标明令牌的种类（RFC 8725 §3.11），期望 JWT 或访问令牌（at+jwt，RFC 9068）的验证方应当拒绝其他种类，以免为其他用途制作的令牌（例如 DPoP 证明、安全事件令牌或登出令牌）被当作它来接受。请确认这个令牌正是你想要的那一类，并让你的验证方检查 typ。`,
  }),
}
