/**
 * The "how base64url works" inset beside the token field: only the lazily loaded Base64Inset says
 * these, so they load with it. The linked highlighting's own word stays in en.ts (linked.partial).
 * A section module: English and its translations, typed against English.
 */
const en = {
  title: 'How base64url works',
  caption: (part: string, from: number, to: number) => `How base64url works: characters ${from}–${to} of the token (${part})`,
  explain: 'Base64url reads the bytes as one row of bits and cuts it every 6 bits, so 3 bytes (24 bits) become 4 letters. Each 6-bit value, 0 to 63, picks a letter of A–Z a–z 0–9 - _.',
  group: (from: number, to: number) => `Characters ${from}–${to}`,
  rows: { character: 'JSON text', hex: 'Hex', bits8: '8 bits', bits6: '6 bits', value: 'Value', letter: 'Letter' },
  padding: 'zero bits that pad the last letter',
  multibyte: (nth: number, of: number) => `byte ${nth} of ${of} of this character`,
  truncated: (count: number) => `Showing the first ${count} characters of the selection.`,
  legend: { source: 'Dashed: what you point at.', full: 'Solid: carries only these bytes.', partial: 'Striped: carries bits of two neighbours.' },
}

export const base64Inset = {
  en,
  'zh-CN': {
    title: 'base64url 如何编码',
    caption: (part: string, from: number, to: number) => `base64url 如何编码：令牌的第 ${from}–${to} 个字符（${part}）`,
    explain: 'base64url 把字节看作一串连续的位，每 6 位切一段，所以 3 个字节（24 位）变成 4 个字母。每段 6 位的值（0 到 63）选出 A–Z a–z 0–9 - _ 中的一个字母。',
    group: (from: number, to: number) => `第 ${from}–${to} 个字符`,
    rows: { character: 'JSON 文本', hex: '十六进制', bits8: '8 位', bits6: '6 位', value: '值', letter: '字母' },
    padding: '补齐最后一个字母的零位',
    multibyte: (nth: number, of: number) => `该字符 ${of} 个字节中的第 ${nth} 个`,
    truncated: (count: number) => `只显示所选内容的前 ${count} 个字符。`,
    legend: { source: '虚线：你指向的内容。', full: '实线：只携带这些字节。', partial: '斜纹：同时携带相邻两个字节的位。' },
  } satisfies typeof en,
}
