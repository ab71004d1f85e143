/**
 * Once per e2e run: build the production site into a fresh temporary folder (so two runs, or a
 * dev build, never overwrite each other's files) and serve it with `vite preview` on a
 * free loopback port; tests read the address with `inject('baseURL')`.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  const outDir = mkdtempSync(join(tmpdir(), 'jwt-debugger-e2e-'))
  try {
    await promisify(execFile)('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: project.config.root,
      // vitest sets NODE_ENV=test, which would give a development build of React and of our code.
      env: { ...process.env, NODE_ENV: 'production' },
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`vite build failed:\n${stdout}${stderr}`, { cause: error })
  }

  const server = await preview({
    root: project.config.root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    build: { outDir },
  })
  const baseURL = server.resolvedUrls?.local[0]
  if (!baseURL) {
    await server.close()
    throw new Error('vite preview started but reported no local URL')
  }
  project.provide('baseURL', baseURL)
  return async () => {
    await server.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}
