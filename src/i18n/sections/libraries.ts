/**
 * The "What libraries would say" panel beyond its title: only the lazily loaded LibraryVerdicts says
 * these, so they load with it.
 * A section module: English and its translations, typed against English.
 */
const en = {
  sources: {
    'PyJWT 2.6.0': 'predicted by a port of its jwt.decode; our tests check it against the real PyJWT 2.6.0',
    'jose 6': 'run for real in this page',
  },
  throws: 'throws',
  raises: 'raises',
  caption: 'Web frameworks, with the page’s algorithm, key and expectations as their settings (read from their source, not run)',
  frameworkAndRoute: 'Framework and route',
  reads: 'reads',
  result: 'Result',
  tooLarge: (kb: number) => `This token is too large for the library predictions (${kb} KB; they run up to 256 KB).`,
  asking: 'Asking the libraries…',
  failed: (message: string) => `Could not predict the libraries’ verdicts: ${message}`,
  label: 'Libraries',
}

export const libraries = {
  en,
  'zh-CN': {
    sources: {
      'PyJWT 2.6.0': '由其 jwt.decode 的移植版预测；我们的测试将其与真实的 PyJWT 2.6.0 对照',
      'jose 6': '在此页面中真实运行',
    },
    throws: '抛出',
    raises: '抛出',
    caption: 'Web 框架，以页面的算法、密钥和预期作为其设置（根据其源码推断，并未运行）',
    frameworkAndRoute: '框架与路由',
    reads: '读取',
    result: '结果',
    tooLarge: (kb: number) => `此令牌太大，无法进行库预测（${kb} KB；上限为 256 KB）。`,
    asking: '正在询问各个库…',
    failed: (message: string) => `无法预测各个库的结论：${message}`,
    label: '库',
  } satisfies typeof en,
}
