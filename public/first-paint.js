// Runs before the first paint of the prerendered page (index.html loads it in <head>).
// 1. The theme chosen on an earlier visit; main.tsx keeps <html data-theme> current afterwards.
// 2. The prerendered page shows the English example. When this visit opens something else (a
//    link's token or key, in the query or fragment, or the page in Chinese), the page stays hidden
//    until main.tsx has rendered it, rather than showing the example for a moment.
try {
  const root = document.documentElement
  const theme = localStorage.getItem('jwt-debugger.theme')
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme
  // The language as pickLanguage (src/i18n) picks it: the one chosen before, else the first of the
  // browser's that is Simplified Chinese or English (test/ui/firstPaint.test.ts holds them equal).
  const stored = localStorage.getItem('jwt-debugger.language')
  const first = navigator.languages.find((tag) => /^(zh(-(cn|sg|hans)(-.*)?)?|en(-.*)?)$/i.test(tag))
  const chinese = stored === 'zh-CN' || (stored !== 'en' && first !== undefined && /^zh/i.test(first))
  if (location.search.length > 1 || location.hash.length > 1 || chinese) root.dataset.rendering = ''
} catch {
  // Storage blocked: the system's colour scheme, and the page as prerendered.
}
