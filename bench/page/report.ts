/** The page benchmark's table: each measure's minimum, median and maximum, its target, and jwt.io's figure. */
import { table } from '../measure'

export interface Spread {
  readonly min: number
  readonly median: number
  readonly max: number
}

export function spread(values: readonly number[]): Spread {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b)
  if (sorted.length === 0) return { min: NaN, median: NaN, max: NaN }
  const middle = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! }
}

export const ms = (value: number) => (Number.isNaN(value) ? '—' : value >= 100 ? `${Math.round(value).toLocaleString('en')} ms` : `${value.toFixed(1)} ms`)
/** A long task's length; 0 means no task reached the 50 ms a long task starts at. */
export const task = (value: number) => (Number.isNaN(value) ? '—' : value === 0 ? '< 50 ms' : ms(value))
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
export const ratio = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(2)}x`)
export const count = (value: number) => String(Math.round(value))

export interface Row {
  readonly measure: string
  readonly values: Spread
  readonly format: (value: number) => string
  /** The median (or, for `on: 'max'`, the maximum) must pass `check`. */
  readonly target?: { readonly text: string; readonly check: (value: number) => boolean; readonly on?: 'median' | 'max' }
  /** jwt.io's figure or the browser's floor, from shared/FACTS.md. */
  readonly comparison?: string
  /** Shown in the median cell after the value. */
  readonly detail?: string
}

function verdict(row: Row): string {
  if (!row.target) return ''
  const value = row.target.on === 'max' ? row.values.max : row.values.median
  if (Number.isNaN(value)) return 'not measured'
  return row.target.check(value) ? 'met' : '**missed**'
}

export function pageTable(rows: readonly Row[]): string {
  return table(
    ['measure', 'min', 'median', 'max', 'target', 'verdict', 'jwt.io / floor (FACTS.md)'],
    rows.map((row) => [
      row.measure,
      row.format(row.values.min),
      `${row.format(row.values.median)}${row.detail ? ` ${row.detail}` : ''}`,
      row.format(row.values.max),
      row.target?.text ?? '',
      verdict(row),
      row.comparison ?? '',
    ]),
  )
}
