/**
 * Accessibility scans with axe-core, injected through the DevTools protocol: `page.evaluate`
 * runs under a strict Content-Security-Policy where `page.addScriptTag` (an inline script) is refused.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type axe from 'axe-core'
import type { Page } from 'playwright-core'

// The same script as `axe.source`, minified: the page parses it ~300 ms faster.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const SHOWN_TARGETS = 3

/**
 * axe's violations on the page as it is now, one line each (rule, impact, help, where), so that
 * `expect(await runAxe(page)).toEqual([])` fails with a readable list.
 */
export async function runAxe(page: Page, options: axe.RunOptions = {}): Promise<string[]> {
  // The source is a script that sets window.axe, once per document.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(
    (runOptions) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { ...runOptions, resultTypes: ['violations'] })
        .then((results) => results.violations),
    options,
  )
  return violations.map(formatViolation)
}

/** `label (critical): Form elements must have labels at #a, main >> input, … (+2 more)` */
export function formatViolation(violation: axe.Result): string {
  const targets = violation.nodes.map((node) => node.target.join(' >> '))
  const more = targets.length > SHOWN_TARGETS ? ` (+${targets.length - SHOWN_TARGETS} more)` : ''
  return `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} at ${targets.slice(0, SHOWN_TARGETS).join(', ')}${more}`
}
