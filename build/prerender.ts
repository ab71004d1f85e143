import react from '@vitejs/plugin-react'
import { createServer, type Plugin } from 'vite'

/**
 * Renders the page into the built index.html (src/prerender.tsx), so a visitor sees the example
 * decoded as soon as the HTML and CSS arrive instead of after the scripts have run; main.tsx
 * hydrates it. The render runs the app's modules in Node through a Vite server of its own.
 */
export function prerender(): Plugin {
  let root = ''
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const server = await createServer({ root, configFile: false, logLevel: 'warn', appType: 'custom', plugins: [react()], server: { middlewareMode: true, hmr: false, ws: false } })
        try {
          const { renderPage } = (await server.ssrLoadModule('/src/prerender.tsx')) as { renderPage(renderedAt: number): Promise<string> }
          // The clock the HTML's relative times are said at; the page re-renders them at its own.
          const renderedAt = Math.floor(Number(process.env.SOURCE_DATE_EPOCH ?? Date.now() / 1000))
          const empty = '<div id="root"></div>'
          if (!html.includes(empty)) throw new Error(`prerender: index.html has no ${empty} to render into`)
          return html.replace(empty, `<div id="root" data-rendered-at="${renderedAt}">${await renderPage(renderedAt)}</div>`)
        } finally {
          await server.close()
        }
      },
    },
  }
}
