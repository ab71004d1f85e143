import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy } from './build/contentSecurityPolicy.ts'
import { serviceWorker } from './build/serviceWorker.ts'

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  test: { include: ['test/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['test/setup.ts'] },
})
