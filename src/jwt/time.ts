/** Times as people read them: "3 minutes", "2026-11-22 10:00:00 UTC". */

const UNITS: readonly [seconds: number, name: string][] = [
  [365 * 86400, 'year'],
  [30 * 86400, 'month'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
]

/** A span of seconds in its largest whole unit: "3 minutes", "1 day", "0 seconds". */
export function describeSpan(seconds: number): string {
  const abs = Math.abs(seconds)
  for (const [size, name] of UNITS) {
    if (abs >= size) {
      const count = Math.floor(abs / size)
      return `${count} ${name}${count === 1 ? '' : 's'}`
    }
  }
  return '0 seconds'
}

/** A NumericDate as a UTC date and time; out-of-range values are said to be so. */
export function describeInstant(seconds: number): string {
  const date = new Date(seconds * 1000)
  if (Number.isNaN(date.getTime())) return `${seconds}, beyond the dates a browser can show`
  return `${date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')} UTC`
}
