/**
 * The production build, served on a loopback port: built into a fresh temporary folder (as the
 * e2e harness does) and served by `vite preview`. Also says what each built file weighs, raw and
 * gzip-compressed, so the first load can be counted in bytes a static host would send.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { preview } from 'vite'

export interface Site {
  /** The preview server's address, ending in `/`. */
  readonly url: string
  /** Raw and gzip bytes of a built file, by its URL path (`/assets/index-abc.js`). */
  size(path: string): { raw: number; gzip: number } | undefined
  close(): Promise<void>
}

const root = fileURLToPath(new URL('../..', import.meta.url))

export async function buildAndServe(): Promise<Site> {
  const outDir = mkdtempSync(join(tmpdir(), 'jwt-debugger-bench-'))
  try {
    await promisify(execFile)('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      // vitest sets NODE_ENV=test, which would give a development build of React and of our code.
      env: { ...process.env, NODE_ENV: 'production' },
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    rmSync(outDir, { recursive: true, force: true })
    throw new Error(`vite build failed:\n${stdout}${stderr}`, { cause: error })
  }
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false }, build: { outDir } })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview started but reported no local URL')

  const sizes = new Map<string, { raw: number; gzip: number }>()
  return {
    url,
    size(path) {
      if (!sizes.has(path)) {
        try {
          const bytes = readFileSync(join(outDir, path.replace(/^\/+/, '')))
          // Level 9: what a host that pre-compresses its static files serves.
          sizes.set(path, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
        } catch {
          return undefined
        }
      }
      return sizes.get(path)
    },
    async close() {
      await server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}
