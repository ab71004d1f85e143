/**
 * bench/results.md: each benchmark writes its own section (results-page.md, results-core.md), and
 * results.md is rebuilt from whichever sections exist, page first, under the date and machine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'

const SECTIONS = ['page', 'core'] as const

const fileOf = (name: string) => new URL(`./results-${name}.md`, import.meta.url)

export function writeResults(name: (typeof SECTIONS)[number], section: string): void {
  writeFileSync(fileOf(name), section)
  const heading = `# Benchmark results\n\n${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}. Written by \`npm run bench\`; timings vary by ±25 % between runs on a shared machine, so compare ratios taken in one run.\n`
  const sections = SECTIONS.filter((each) => existsSync(fileOf(each))).map((each) => readFileSync(fileOf(each), 'utf8').trim())
  writeFileSync(new URL('./results.md', import.meta.url), `${heading}\n${sections.join('\n\n')}\n`)
}
