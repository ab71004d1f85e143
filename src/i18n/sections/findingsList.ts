/**
 * The "Security findings" list: only the lazily loaded FindingsPanelList and FindingsPanelItem say
 * these, so they load with them. The panel's title and its waiting sentences stay in en.ts.
 * A section module: English and its translations, typed against English.
 */
const en = {
  none: 'No findings',
  summary: (total: number, counts: string) => `${total} ${total === 1 ? 'finding' : 'findings'}: ${counts}`,
  count: (count: number, severity: string) => `${count} ${severity}`,
  list: 'Findings, most severe first',
  severity: { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' },
  /** The summary's lowercase words: "1 high, 2 medium". */
  severityCount: { high: 'high', medium: 'medium', low: 'low', info: 'info' },
  reference: 'Reference:',
  show: 'Show in token',
}

export const findingsList = {
  en,
  'zh-CN': {
    none: '未发现问题',
    summary: (total: number, counts: string) => `发现 ${total} 个问题：${counts}`,
    count: (count: number, severity: string) => `${severity} ${count} 个`,
    list: '发现的问题，按严重程度从高到低排列',
    severity: { high: '高危', medium: '中危', low: '低危', info: '提示' },
    severityCount: { high: '高危', medium: '中危', low: '低危', info: '提示' },
    reference: '参考：',
    show: '在令牌中显示',
  } satisfies typeof en,
}
