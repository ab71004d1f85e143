/** What the page benchmark measures, its targets, and the comparisons from shared/FACTS.md, as table rows. */
import type { LighthouseScores } from './lighthouse'
import type { FirstLoad } from './load'
import type { PasteMethod, Timed } from './paste'
import { count, kb, ms, ratio, spread, task, type Row } from './report'
import type { PayloadShape } from './tokens'
import type { VerifyTimes } from './verify'

/** Everything one benchmark run collects, over all runs. */
export interface Samples {
  readonly loads: Omit<FirstLoad, 'page'>[]
  /** The prerendered page with no script, to its first paint (ms): the floor under the verdict. */
  readonly htmlOnlyPaints: number[]
  /** A one-line page's first paint: the browser's own cost. */
  readonly blankPaints: number[]
  /** ms to the verdict of first visits started as soon as their window opened, its own UI still loading. */
  readonly busyBrowserVerified: number[]
  /** By `${case label}|${method}`. */
  readonly pastes: Map<string, Timed[]>
  readonly keystrokes: Timed[]
  /** The same keystrokes in a plain textarea with no page code: the browser's floor. */
  readonly keystrokeFloor: Timed[]
  /** By alg, one entry per run. */
  readonly verify: Map<string, VerifyTimes[]>
  readonly lighthouse: LighthouseScores[]
  /** Why Lighthouse gave no scores, when it failed. */
  lighthouseError?: string
}

export interface PasteCase {
  readonly label: string
  readonly bytes: number
  readonly shape: PayloadShape
  readonly methods: readonly PasteMethod[]
  readonly trials: number
  /** Target for paste → decoded shown (median), in ms. */
  readonly under?: number
  /** jwt.io's paste → payload shown, from FACTS.md. */
  readonly jwtIo?: string
  /** Drawn in two frames (src/ui/useTwoFrames.ts): also timed to the second, every field whole and coloured. */
  readonly twoFrames?: boolean
}

export const PASTES: readonly PasteCase[] = [
  { label: '300 B', bytes: 300, shape: 'string', methods: ['paste', 'insertText'], trials: 3, jwtIo: '83–112 ms' },
  { label: '10 KB', bytes: 10_000, shape: 'string', methods: ['paste', 'insertText'], trials: 3 },
  { label: '100 KB', bytes: 100_000, shape: 'string', methods: ['paste', 'insertText'], trials: 3, under: 50, jwtIo: '229 ms', twoFrames: true },
  { label: '1 MB', bytes: 1_000_000, shape: 'string', methods: ['paste'], trials: 1, under: 250, jwtIo: '1,390 ms' },
  { label: '1 MB, many small claims', bytes: 1_000_000, shape: 'claims', methods: ['paste'], trials: 1, jwtIo: '10,962 ms, longest task 5.6 s' },
  { label: '8 MB', bytes: 8_000_000, shape: 'string', methods: ['paste'], trials: 1 },
]

const NO_LONG_TASK = { text: 'no task > 100 ms', check: (value: number) => value <= 100, on: 'max' as const }
const METHOD_NAMES: Record<PasteMethod, string> = { paste: 'paste event', insertText: 'keyboard.insertText' }

function loadRows({ loads, htmlOnlyPaints, blankPaints, busyBrowserVerified }: Samples): Row[] {
  const median = (values: number[]) => spread(values).median
  return [
    {
      measure: 'first load, until the example shows verified: JavaScript + CSS, gzip',
      values: spread(loads.map((load) => load.critical.gzip)),
      format: kb,
      detail: `(${kb(median(loads.map((load) => load.critical.raw)))} raw, ${count(median(loads.map((load) => load.critical.requests)))} requests)`,
      target: { text: '≤ 110 KB', check: (value) => value <= 110_000 },
      comparison: '432 KB JS + 22 KB CSS (1,436 KB raw JS)',
    },
    {
      measure: 'then, in the second after the verdict (panels hydrated when idle, hover help): JavaScript + CSS, gzip',
      values: spread(loads.map((load) => load.afterVerdict.gzip)),
      format: kb,
      detail: `(${count(median(loads.map((load) => load.afterVerdict.requests)))} requests; ${kb(median(loads.map((load) => load.critical.gzip + load.afterVerdict.gzip)))} in all)`,
    },
    { measure: 'first load: requests of any kind, in all', values: spread(loads.map((load) => load.requests)), format: count, comparison: '39, one to another origin' },
    {
      measure: 'after load: service worker precache for offline use, gzip',
      values: spread(loads.map((load) => load.precache.gzip)),
      format: kb,
      detail: `(${count(median(loads.map((load) => load.precache.requests)))} requests)`,
    },
    { measure: 'navigation start → first contentful paint', values: spread(loads.map((load) => load.firstContentfulPaint)), format: ms },
    {
      measure: 'navigation start → example shown "Signature verified"',
      values: spread(loads.map((load) => load.verified)),
      format: ms,
      target: { text: '≤ 300 ms', check: (value) => value <= 300 },
      comparison: 'token field usable: 1,546 ms',
    },
    {
      measure: 'the same, the navigation started as the new window opens, while the browser loads that window\'s own UI',
      values: spread(busyBrowserVerified),
      format: ms,
      comparison: 'how stops up to 13 measured the row above',
    },
    {
      measure: 'floor: the same page with its scripts refused, navigation start → first contentful paint',
      values: spread(htmlOnlyPaints),
      format: ms,
      comparison: 'what the browser alone takes to show this HTML',
    },
    {
      measure: 'floor: a one-line page at the same address, navigation start → first contentful paint',
      values: spread(blankPaints),
      format: ms,
      comparison: 'what the browser takes to show any page',
    },
  ]
}

function pasteRows({ pastes }: Samples): Row[] {
  const rows: Row[] = []
  for (const paste of PASTES) {
    for (const method of paste.methods) {
      const timed = pastes.get(`${paste.label}|${method}`) ?? []
      if (timed.length === 0) continue
      const name = `${paste.label} payload, ${METHOD_NAMES[method]}`
      rows.push({
        measure: `paste → decoded shown, ${name}`,
        values: spread(timed.map((each) => each.shown)),
        format: ms,
        target: paste.under ? { text: `< ${paste.under} ms`, check: (value) => value < paste.under! } : undefined,
        comparison: method === 'paste' ? paste.jwtIo : undefined,
      })
      if (method === 'paste') rows.push({ measure: `paste → "Signature verified", ${name}`, values: spread(timed.map((each) => each.verified)), format: ms })
      if (paste.twoFrames) {
        rows.push({ measure: `paste → every field whole and coloured, ${name}`, values: spread(timed.map((each) => each.complete ?? NaN)), format: ms, comparison: 'the first frame shows the fields without colours, and the payload\'s first screenful' })
      }
      rows.push({ measure: `longest main-thread task, ${name}`, values: spread(timed.map((each) => each.longestTask)), format: task, target: NO_LONG_TASK })
    }
  }
  return rows
}

function keystrokeRows({ keystrokes, keystrokeFloor }: Samples): Row[] {
  if (keystrokes.length === 0) return []
  const floor = spread(keystrokeFloor.map((each) => each.shown))
  return [
    {
      measure: 'keystroke → payload updated, 10 KB token',
      values: spread(keystrokes.map((each) => each.shown)),
      format: ms,
      detail: `(to DOM ${ms(spread(keystrokes.map((each) => each.work ?? NaN)).median)})`,
      target: { text: '< 16 ms', check: (value) => value < 16 },
      comparison: `one frame at 60 Hz: 16.7 ms; a plain textarea here: ${ms(floor.median)} (${ms(floor.min)}–${ms(floor.max)})`,
    },
    { measure: 'longest main-thread task, keystrokes', values: spread(keystrokes.map((each) => each.longestTask)), format: task, target: NO_LONG_TASK },
  ]
}

const FLOOR: Record<string, string> = {
  HS256: 'HMAC verify 6.6 µs; jwt.io last secret key → verified 29 ms',
  RS256: 'RSA-2048 verify 33 µs (65 µs with import)',
  PS256: 'RSA-2048 verify 33 µs (PKCS#1 v1.5)',
  ES256: 'ECDSA P-256 verify 133 µs',
  EdDSA: 'Ed25519 verify 97 µs',
}

const median = (values: readonly number[]) => spread(values).median
const micros = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} µs`

function verifyRows({ verify }: Samples): Row[] {
  return [...verify].map(([alg, runs]): Row => {
    const page = runs.flatMap((run) => run.page.screen)
    const pageWork = median(runs.flatMap((run) => run.page.work))
    const withRaw = runs.filter((run) => run.raw)
    if (withRaw.length === 0) {
      return { measure: `verify ${alg} through the page: key set → verified shown`, values: spread(page), format: ms, detail: `(to DOM ${ms(pageWork)}; no WebCrypto for it in this Chromium: pure JS)` }
    }
    const raw = withRaw.flatMap((run) => run.raw!.screen)
    const rawWork = median(withRaw.flatMap((run) => run.raw!.work))
    const alone = median(withRaw.map((run) => run.raw!.verifyAlone))
    // One run has few trials, each a frame early or late, so its ratio swings; the headline pools them all.
    const perRun = spread(withRaw.map((run) => median(run.page.screen) / median(run.raw!.screen)))
    return {
      measure: `verify ${alg}: page ÷ raw WebCrypto, to the frame showing it`,
      values: { min: perRun.min, median: median(page) / median(raw), max: perRun.max },
      format: ratio,
      detail: `(${ms(median(page))} vs ${ms(median(raw))}; to DOM ${ms(pageWork)} vs ${ms(rawWork)}; verify alone ${micros(alone)})`,
      target: { text: '≤ 1.2x', check: (value) => value <= 1.2 },
      comparison: FLOOR[alg],
    }
  })
}

function lighthouseRows({ lighthouse, lighthouseError }: Samples): Row[] {
  if (lighthouseError) return [{ measure: `Lighthouse not measured, it failed: ${lighthouseError}`, values: spread([]), format: count }]
  if (lighthouse.length === 0) return []
  const row = (measure: string, pick: (scores: (typeof lighthouse)[number]) => number, minimum: number | undefined, comparison: string): Row => ({
    measure,
    values: spread(lighthouse.map(pick)),
    format: count,
    target: minimum === undefined ? undefined : { text: minimum === 100 ? '100' : `≥ ${minimum}`, check: (value) => value >= minimum },
    comparison,
  })
  return [
    row('Lighthouse performance (mobile)', (scores) => scores.performance, 98, '54'),
    row('Lighthouse accessibility', (scores) => scores.accessibility, 100, '78'),
    row('Lighthouse best practices', (scores) => scores.bestPractices, 100, ''),
    row('Lighthouse performance (desktop)', (scores) => scores.desktopPerformance, undefined, '94'),
  ]
}

export function buildRows(samples: Samples): Row[] {
  return [...loadRows(samples), ...pasteRows(samples), ...keystrokeRows(samples), ...verifyRows(samples), ...lighthouseRows(samples)]
}

export function notesOf(samples: Samples): string {
  const lost = [...new Set(samples.lighthouse.flatMap((scores) => scores.lost))]
  return [
    'How to read it:',
    '- First load: every JavaScript and CSS file the page requested before the example showed verified (resource timing, on the page\'s clock), gzip level 9 as a static host serves them; then those requested in the second after (the code of the claims and findings panels, which hydrates their prerendered HTML when the page is idle; the hover help). The page\'s HTML arrives prerendered: all of it shows from the first paint, the signature status saying it is checking until the browser has verified. The first floor row is that HTML and CSS with every script refused; the second, a one-line page served in its place (both answered through Playwright routing, which adds a little to each).',
    '- First visits start once the browser\'s own processes are idle (their CPU time, from the DevTools protocol, stops rising). Each visit opens a fresh context, and so a new headless window, whose own UI (the address bar\'s popup, a WebUI page in a renderer of its own) takes about 1 s of CPU over both cores; a navigation started at once shares the cores with it, which a person opening the page in a browser already running does not. The row "the navigation started as the new window opens" measures it that way, one visit per run, as stops up to 13 did.',
    '- Times are measured inside the page with performance.now() (ms since navigation start), from the input to the end of the frame that shows the result: a MutationObserver notices the DOM change, then requestAnimationFrame and a posted message mark the end of that frame\'s layout and paint. The probe asks for every frame ahead, so its message is the first handled after the frame: the page\'s own work queued for after it (the panels that explain the token catch up then) is not counted in the frame.',
    '- Paste: a ClipboardEvent(\'paste\') with a DataTransfer on the focused "Encoded token" field, as a person\'s paste fires; for tokens up to 200 KB the page lets the browser insert the text (done with execCommand(\'insertText\')), beyond that the page takes the text itself. keyboard.insertText is Playwright\'s CDP Input.insertText. Shown = the Header textbox holds the new header and the Payload textbox starts with the new payload.',
    '- Longest main-thread task: PerformanceObserver long tasks (50 ms or more) from the input until 500 ms after the verdict; "< 50 ms" means none.',
    '- Keystroke: one character typed over a selected one in the payload of a 10 KB token, from the keydown event\'s time stamp (when the browser received the key) to the frame showing the changed payload. The floor beside it is the same keystroke in a plain textarea holding the same token, added to the same page, to the frame after its input event.',
    '- Verify: the page gets the key (the secret, or the public key PEM; a new text each trial, so no cached read helps) and the clock stops at the frame showing "Signature verified". Raw: crypto.subtle.verify with a key imported beforehand, the verdict written into an element, and the clock stops at the frame showing it. Both end at a painted frame, so a ratio near 1.0 means the page shows its verdict in the same frame as bare WebCrypto would; the "to DOM" times show the work before that frame. Ratio: the median of every page trial ÷ the median of every raw trial, all runs pooled; min and max are the ratios of single runs.',
    '- Lighthouse: the `lighthouse` package (12.8.2, the newest that runs on Node 20) with this Chromium, mobile preset (simulated slow 4G, 4x CPU slowdown) for the three categories, and the desktop preset for performance.',
    '- jwt.io / floor: shared/FACTS.md, measured on this kind of machine.',
    ...(lost.length ? ['', 'Lighthouse audits that cost points:', ...lost.map((line) => `- ${line}`)] : []),
  ].join('\n')
}
