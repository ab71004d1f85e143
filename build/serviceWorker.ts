import { readdirSync } from 'node:fs'
import type { Plugin } from 'vite'

/**
 * Emits sw.js, a service worker that caches exactly the files of this build (and the public
 * folder's), so the page works offline after the first visit. It answers only same-origin GET
 * requests and never fetches anything else.
 */
export function serviceWorker(): Plugin {
  let publicDir = ''
  return {
    name: 'offline-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir
    },
    generateBundle(_, bundle) {
      const publicFiles = publicDir ? readdirSync(publicDir) : []
      const files = ['./', ...Object.keys(bundle), ...publicFiles].map((file) => (file.startsWith('./') ? file : `./${file}`))
      const version = [...Object.keys(bundle)].sort().join('|')
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: workerSource(files, hash(version)) })
    },
  }
}

function hash(text: string): string {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0
  return (h >>> 0).toString(36)
}

const workerSource = (files: string[], version: string) => `// Generated at build time: the app's own files, cached for offline use.
const CACHE = 'jwt-debugger-${version}'
const FILES = ${JSON.stringify(files)}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))).then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return
  event.respondWith(
    // ignoreVary: a static host may answer with Vary: Origin, and module scripts carry an Origin.
    caches.match(event.request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || (event.request.mode === 'navigate' ? caches.match('./') : fetch(event.request))),
  )
})
`
