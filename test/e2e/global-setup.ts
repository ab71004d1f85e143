/**
 * Once per e2e run: build the production site into dist/ and serve it with `vite preview` on a
 * free loopback port; tests read the address with `inject('baseURL')`.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The preview server's address, ending in `/`: `http://127.0.0.1:41234/`. */
    baseURL: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // `vite build`, not `npm run build`: `npm test` has typechecked already.
  try {
    await promisify(execFile)('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: project.config.root })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`vite build failed:\n${stdout}${stderr}`, { cause: error })
  }

  const server = await preview({
    root: project.config.root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const baseURL = server.resolvedUrls?.local[0]
  if (!baseURL) {
    await server.close()
    throw new Error('vite preview started but reported no local URL')
  }
  project.provide('baseURL', baseURL)
  return () => server.close()
}
