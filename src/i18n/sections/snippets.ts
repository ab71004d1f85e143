/**
 * The "Use it in code" panel beyond its title: only the lazily loaded CodeSnippetsTabs says these,
 * so they load with it.
 * A section module: English and its translations, typed against English.
 */
const en = {
  languages: 'Language',
  tabs: { python: 'Python (PyJWT)', node: 'Node (jose)', curl: 'curl' },
  copy: (language: string) => `Copy the ${language} code`,
  secretNote: 'The code reads the secret from the JWT_SECRET environment variable and never contains it.',
  fileNote: (file: string, variable: string) => `The code reads the key from ${file} (or the file ${variable} names) and never contains it.`,
  unsecuredNote: 'The token is unsigned (alg "none"): there is no key, and the code only reads its claims.',
  curlNote: 'curl sends only the token, never a key; the token itself is a credential, so keep it out of logs.',
  tooLarge: (kb: number) => `This token is too large to put in a snippet (${kb} KB; snippets take up to 256 KB).`,
}

export const snippets = {
  en,
  'zh-CN': {
    languages: '语言',
    tabs: { python: 'Python（PyJWT）', node: 'Node（jose）', curl: 'curl' },
    copy: (language: string) => `复制 ${language} 代码`,
    secretNote: '代码从环境变量 JWT_SECRET 读取密钥，代码中从不包含密钥。',
    fileNote: (file: string, variable: string) => `代码从 ${file}（或 ${variable} 指定的文件）读取密钥，代码中从不包含密钥。`,
    unsecuredNote: '该令牌没有签名（alg 为 "none"）：没有密钥，代码只读取它的声明。',
    curlNote: 'curl 只发送令牌，从不发送密钥；令牌本身就是凭据，请勿让它出现在日志中。',
    tooLarge: (kb: number) => `该令牌太大，无法放入代码片段（${kb} KB；上限为 256 KB）。`,
  } satisfies typeof en,
}
