import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react'
import type { OnDemand } from '../jwt/modules'
import { enterEarlyInput, ownEarlyInput } from './earlyInput'
import { whenIdle } from './idle'

/**
 * Renders nothing; `own` runs in the commit that hydrates (or renders) the boundary it is in,
 * `run` after it.
 */
function OnHydrated({ own, run }: { own: () => void; run: () => void }) {
  useLayoutEffect(own, [own])
  useEffect(run, [run])
  return null
}

/**
 * A part of the prerendered page that React hydrates after the rest. Its own Suspense boundary
 * lets React leave its HTML as it is while hydrating the page around it, commit that, and hydrate
 * this part at the lowest priority afterwards (at once if a person clicks or types in it first).
 * So the signature status, hydrated with the page, shows the verdict without waiting for the
 * panels beside it. What is typed into it before then is entered again once it has hydrated
 * (earlyInput.ts). A parent that re-renders it with new children makes React hydrate it then.
 */
export function HydratesLater({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null)
  // Owned in the commit that hydrates it: React may hydrate it for a change made in it, and
  // handles that change itself right after (see earlyInput.ts).
  const own = useCallback(() => {
    if (wrapper.current) ownEarlyInput(wrapper.current)
  }, [])
  const enterTyped = useCallback(() => {
    if (wrapper.current) enterEarlyInput(wrapper.current)
  }, [])
  return (
    <div className="deferred-panel" data-deferred="" ref={wrapper}>
      <Suspense fallback={fallback}>
        {children}
        <OnHydrated own={own} run={enterTyped} />
      </Suspense>
    </div>
  )
}

/** Every deferred panel's code, for loadDeferredPanels. */
const panels = new Set<OnDemand<ComponentType>>()

/** Loads the code of every deferred panel: the build renders them into the HTML, the tests at once. */
export const loadDeferredPanels = () => Promise.all([...panels].map((module) => module.load()))

/**
 * A panel whose code loads after the code that decodes and verifies, so the verdict never waits
 * for it. The build renders it into the HTML with the rest (src/prerender.tsx loads it first), so
 * it shows from the first paint; React hydrates it when its chunk arrives at the first idle moment.
 * It takes no props and is memoised: nothing re-renders it before then, since an update to a
 * boundary still waiting for its code makes React drop its HTML and show the fallback.
 */
export function deferredPanel(module: OnDemand<ComponentType>, fallback: ReactNode) {
  panels.add(module)
  // The first idle moment comes after the hydration and the first verdict.
  const loadWhenIdle = () => whenIdle(500).then(() => module.load().then((Panel) => ({ default: Panel })))
  return memo(function DeferredPanel() {
    // One per mount: if the code could not come, the error boundary's reset mounts the panel
    // afresh and that tries again (React keeps a lazy component's failure for good).
    const [Lazy] = useState(() => lazy(loadWhenIdle))
    // Once loaded (a later render, the build, the tests), the panel renders at once.
    const Panel = module.ready ?? Lazy
    return (
      <HydratesLater fallback={fallback}>
        <Panel />
      </HydratesLater>
    )
  })
}
