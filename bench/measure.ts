/** Timing helpers shared by the benchmarks: interleaved rounds, median of per-operation times. */

export interface Timing {
  /** Median microseconds per operation over the rounds. */
  readonly median: number
  readonly min: number
  readonly max: number
}

/** One round: runs `operation` until `minMs` have passed; returns µs per operation. */
async function round(operation: () => unknown, minMs: number): Promise<number> {
  let count = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minMs) {
    await operation()
    count++
    elapsed = performance.now() - start
  }
  return (elapsed * 1000) / count
}

function summarise(perOp: number[]): Timing {
  perOp.sort((a, b) => a - b)
  return { median: perOp[Math.floor(perOp.length / 2)]!, min: perOp[0]!, max: perOp[perOp.length - 1]! }
}

/**
 * Times `ours` against `baseline` in interleaved rounds, so a burst of load on a shared machine
 * hits both alike. Returns µs per operation for each.
 */
export async function compare(ours: () => unknown, baseline: () => unknown, { rounds = 7, minMs = 150 } = {}): Promise<{ ours: Timing; baseline: Timing }> {
  for (let i = 0; i < 5; i++) {
    await ours()
    await baseline()
  }
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < rounds; i++) {
    a.push(await round(ours, minMs))
    b.push(await round(baseline, minMs))
  }
  return { ours: summarise(a), baseline: summarise(b) }
}

/** Times one operation alone. */
export async function time(operation: () => unknown, { rounds = 7, minMs = 150 } = {}): Promise<Timing> {
  for (let i = 0; i < 5; i++) await operation()
  const perOp: number[] = []
  for (let i = 0; i < rounds; i++) perOp.push(await round(operation, minMs))
  return summarise(perOp)
}

export const formatMicros = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`)

/** A markdown table from a header row and rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
