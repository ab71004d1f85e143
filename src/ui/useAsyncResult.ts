import { useEffect, useEffectEvent, useState } from 'react'

export type AsyncResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string }

/**
 * The result of an async computation for the current input, named by `key`; undefined while it
 * runs (or, with `keepPrevious`, the last result meanwhile, so a panel recomputed every second
 * does not flicker). A result for an input that has since changed is dropped, never shown.
 */
export function useAsyncResult<T>(key: string, compute: () => Promise<T>, { keepPrevious = false } = {}): AsyncResult<T> | undefined {
  const [state, setState] = useState<{ key: string; result: AsyncResult<T> }>()
  const run = useEffectEvent(compute)
  useEffect(() => {
    let current = true
    run().then(
      (value) => current && setState({ key, result: { ok: true, value } }),
      (error: unknown) => current && setState({ key, result: { ok: false, error: error instanceof Error ? error.message : String(error) } }),
    )
    return () => {
      current = false
    }
  }, [key])
  return state?.key === key || keepPrevious ? state?.result : undefined
}
