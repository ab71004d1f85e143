import type { ExplainedNames } from '../jwt/claimInfo'

/**
 * What each well-known claim and header parameter means (src/jwt/claimInfo.ts), in Simplified
 * Chinese: data, not sentences, keyed by part and name. The type makes it complete. Loaded with
 * the rest of the Chinese (src/i18n/chinese.ts).
 */
export const zhCNClaimMeanings: { readonly [P in keyof ExplainedNames]: Readonly<Record<ExplainedNames[P], string>> } = {
  payload: {
    iss: '谁签发了此令牌，通常是指向授权服务器的 URL',
    sub: '此令牌关于谁，例如用户 ID，在签发者范围内唯一',
    aud: '此令牌是给谁用的：一个字符串或列表；未被列出的接收方必须拒绝它',
    exp: '过期时间：从这一刻起不得再接受此令牌',
    nbf: '生效时间：在这一刻之前不得接受此令牌',
    iat: '签发时间：令牌是何时创建的',
    jti: '令牌 ID：唯一标识符，可用来发现被重放的令牌',

    auth_time: '用户最近一次真正完成认证的时间，可能远早于 iat',
    nonce: '客户端在请求中发送的值，原样返回，以便发现被重放的 ID 令牌',
    acr: '认证上下文类别：用户的认证强度如何',
    amr: '所用的认证方式，例如 "pwd" 或 "otp"（取值见 RFC 8176）',
    azp: '授权方：ID 令牌所签发给的客户端 ID',
    at_hash: '访问令牌哈希值的左半部分，把访问令牌与此 ID 令牌绑定',
    c_hash: '授权码哈希值的左半部分，把授权码与此 ID 令牌绑定',
    sid: '身份提供方的会话 ID，用于注销该会话',

    name: '全名，按用户希望的方式显示',
    given_name: '名（给定名），可有多个',
    family_name: '姓，可有多个',
    middle_name: '中间名，可有多个',
    nickname: '昵称，可能与名不同',
    preferred_username: '用户喜欢的简短称呼；不保证唯一，所以不能用作标识符',
    profile: '用户个人资料页的 URL',
    picture: '用户照片的 URL',
    website: '用户网页或博客的 URL',
    email: '首选电子邮件地址；不保证唯一，所以不能用作标识符',
    email_verified: '提供方是否确认过用户掌握该电子邮件地址',
    gender: '性别，例如 "female" 或 "male"，也可以是其他值',
    birthdate: '出生日期，格式为 YYYY-MM-DD，或只有 YYYY，隐去年份时为 0000-MM-DD',
    zoneinfo: 'tz 数据库中的时区，例如 "Europe/Paris"',
    locale: '语言和地区，BCP 47 标签，例如 "en-US"',
    phone_number: '首选电话号码，建议使用 E.164 格式',
    phone_number_verified: '提供方是否确认过用户掌握该电话号码',
    address: '邮寄地址，一个 JSON 对象（formatted、street_address、locality、country…）',
    updated_at: '用户信息最近一次修改的时间',

    client_id: '请求此令牌的 OAuth 客户端',
    scope: '授予的权限范围，一个以空格分隔的字符串',
    scp: '授予的权限范围，字符串或列表：scope 的一种常见非标准写法',
    act: '行为方：令牌交换后代表主体行事的一方（委托）',
    may_act: '在令牌交换中允许代表主体行事的一方',
    cnf: '确认：出示方必须证明自己持有的密钥（持有证明）',
    roles: '主体的角色，同 SCIM 用户模式',
    groups: '主体所属的组，同 SCIM 用户模式',
    entitlements: '主体的权益，同 SCIM 用户模式',

    htm: '此 DPoP 证明所对应请求的 HTTP 方法',
    htu: '此 DPoP 证明所对应请求的 HTTP URL，不含查询和片段',
    ath: '随此 DPoP 证明一起发送的访问令牌的哈希值（base64url 编码的 SHA-256）',
  },
  header: {
    alg: '签名令牌所用的算法（或 "none"）；验证方不能让令牌自己来选',
    jku: '存放签名密钥的 JWK Set 的 URL；只应信任已知的 URL',
    jwk: '签名公钥本身，JWK 格式；盲目信任它等于让任何人都能签名',
    kid: '密钥 ID：提示是哪个密钥签的名',
    x5u: '签名密钥的 X.509 证书链的 URL',
    x5c: '签名密钥的 X.509 证书链，每个证书为 base64 编码的 DER',
    x5t: '签名密钥的 X.509 证书的 SHA-1 指纹（base64url）',
    'x5t#S256': '签名密钥的 X.509 证书的 SHA-256 指纹（base64url）',
    typ: '整个令牌的媒体类型，例如 "JWT"，OAuth 访问令牌则为 "at+jwt"（RFC 9068 §2.1）',
    cty: '载荷的媒体类型；载荷本身是嵌套令牌时为 "JWT"',
    crit: '接收方必须理解的头部参数，否则必须拒绝此令牌',
    b64: '为 false 时，载荷按原样签名，不经 base64url 编码；必须列在 crit 中',
  },
}
