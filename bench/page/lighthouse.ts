/**
 * Lighthouse scores of the built page, with the same Chromium and flags as the e2e tests: each run
 * in a fresh browser that Lighthouse reaches over a loopback DevTools port. Lighthouse 12.8.2 is
 * the newest whose `engines` accept Node 20 (13 needs Node 22.19).
 */
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse'
import { createServer } from 'node:net'
import { launchBrowser } from '../../test/e2e/browser'

export interface LighthouseScores {
  /** Mobile (Lighthouse's default: Moto G Power screen, simulated slow 4G, 4x CPU slowdown). */
  readonly performance: number
  readonly accessibility: number
  readonly bestPractices: number
  /** The desktop preset's performance score. */
  readonly desktopPerformance: number
  /** Audits that cost points, as `category: audit title`. */
  readonly lost: readonly string[]
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const score = (result: Result, category: string) => Math.round((result.categories[category]?.score ?? NaN) * 100)

function lostPoints(result: Result): string[] {
  const lost: string[] = []
  for (const category of Object.values(result.categories)) {
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id]
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${category.title}: ${audit.title} (${audit.displayValue ?? Math.round(audit.score * 100)})`)
    }
  }
  return lost
}

async function run(url: string, port: number, flags: Flags, config?: typeof desktopConfig): Promise<Result> {
  const runner = await lighthouse(url, { port, output: 'json', logLevel: 'error', ...flags }, config)
  if (!runner) throw new Error('Lighthouse returned no result')
  if (runner.lhr.runtimeError) throw new Error(`Lighthouse: ${runner.lhr.runtimeError.message}`)
  return runner.lhr
}

export async function lighthouseScores(url: string): Promise<LighthouseScores> {
  const port = await freePort()
  const browser = await launchBrowser([`--remote-debugging-port=${port}`])
  try {
    const mobile = await run(url, port, { onlyCategories: ['performance', 'accessibility', 'best-practices'] })
    const desktop = await run(url, port, { onlyCategories: ['performance'] }, desktopConfig)
    return {
      performance: score(mobile, 'performance'),
      accessibility: score(mobile, 'accessibility'),
      bestPractices: score(mobile, 'best-practices'),
      desktopPerformance: score(desktop, 'performance'),
      lost: [...lostPoints(mobile), ...lostPoints(desktop).map((line) => `desktop ${line}`)],
    }
  } finally {
    await browser.close()
  }
}
