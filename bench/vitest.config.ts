import { defineConfig } from 'vitest/config'

/** `npm run bench`: benchmarks are plain vitest files run once, in Node, printing a table. */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    fileParallelism: false,
  },
})
