import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy } from './build/contentSecurityPolicy.ts'
import { prerender } from './build/prerender.ts'
import { serviceWorker } from './build/serviceWorker.ts'

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), prerender(), serviceWorker()],
  // Everything the first render needs in one chunk: split into the pieces that lazy chunks share,
  // it was five requests that compressed worse than one.
  build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } } },
  test: { include: ['test/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['test/setup.ts'] },
})
