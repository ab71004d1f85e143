/**
 * Runs `task` at the browser's next idle moment (or after `timeout` ms at the latest), for work the
 * page can do once it has shown and verified the token. Returns a cancel function.
 */
export function onIdle(task: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout })
    return () => cancelIdleCallback(id)
  }
  // Safari has no requestIdleCallback.
  const timer = setTimeout(task, Math.min(timeout, 100))
  return () => clearTimeout(timer)
}

export const whenIdle = (timeout: number) => new Promise<void>((resolve) => onIdle(resolve, timeout))
