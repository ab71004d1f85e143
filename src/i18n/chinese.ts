/** Simplified Chinese, loaded only when the page is in it: the first load carries English alone. */
export { zhCN as messages } from './zh-CN'
export { zhCNCore as core } from './core.zh-CN'
export { zhCNClaimMeanings as claimMeanings } from './claimInfo.zh-CN'
