import { defineConfig } from 'vitest/config'

/**
 * `npm run bench`: benchmarks are plain vitest files run once, in Node, printing a table. The page
 * benchmark (bench/page) drives Chromium; the core one (bench/core.bench.ts) runs the core in Node.
 */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
})
