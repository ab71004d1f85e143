import { act, screen } from '@testing-library/react'
import { flushSync } from 'react-dom'
import { hydrateRoot, type Root as ReactRoot } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../src/prerender'
import { initialState, prerenderedState, reducer, type DebuggerState } from '../../src/state/debugger'
import { startEffects } from '../../src/state/effects'
import { createStore } from '../../src/state/store'
import { enterEarlyInput, keepEarlyInput } from '../../src/ui/earlyInput'
import { Root } from '../../src/ui/Root'
import { signToken } from '../../src/jwt'
import { DEMO_SECRET, DEMO_TOKEN } from '../../src/state/examples'

// The example was issued 2026-01-01T00:00:00Z; the build renders the page an hour later.
const ISSUED = 1767225600
const RENDERED_AT = ISSUED + 3600

let cleanup: (() => void) | undefined
const timeZone = process.env.TZ
afterEach(() => {
  process.env.TZ = timeZone
  cleanup?.()
  cleanup = undefined
  vi.restoreAllMocks()
})

/** The built page's HTML in the document, as a browser shows it before any script has run. */
async function builtPage(): Promise<HTMLElement> {
  const container = document.createElement('div')
  // The build machine's time zone; each visitor has their own.
  process.env.TZ = 'UTC'
  container.innerHTML = await renderPage(RENDERED_AT)
  document.body.append(container)
  return container
}

/** Hydrates the built page as main.tsx does, over a store holding the visitor's `state`. */
async function hydrate(container: HTMLElement, state: DebuggerState, options: { onReady?: () => void; onRecoverableError?: () => void } = {}) {
  const store = createStore(reducer, state)
  const stopEffects = startEffects(store)
  let root: ReactRoot | undefined
  cleanup = () => {
    stopEffects()
    act(() => root?.unmount())
    container.remove()
  }
  await act(async () => {
    root = hydrateRoot(container, <Root store={store} serverState={prerenderedState(RENDERED_AT)} onReady={options.onReady} />, { onRecoverableError: options.onRecoverableError })
  })
  return store
}

describe('the page rendered at build time', () => {
  it('shows the example decoded, its times at the build clock, and no verdict of its own', async () => {
    const container = await builtPage()
    cleanup = () => container.remove()
    expect((screen.getByRole('textbox', { name: 'Encoded token' }) as HTMLTextAreaElement).value).toBe(DEMO_TOKEN)
    expect((screen.getByRole('textbox', { name: 'Payload' }) as HTMLTextAreaElement).value).toContain('"name":"Ada Lovelace"')
    expect(screen.getAllByText('issued 1 hour ago').length).toBeGreaterThan(0)
    // The verdict is the browser's to give: the HTML only says it is being checked.
    expect(screen.getByRole('status', { name: 'Signature status' }).getAttribute('aria-busy')).toBe('true')
    expect(container.textContent).not.toContain('Signature verified')
  })

  it("hydrates with no mismatch, then shows the visitor's clock, language and verdict", async () => {
    const container = await builtPage()
    const consoleError = vi.spyOn(console, 'error')
    const recoverable = vi.fn()
    // A visitor in Shanghai, two days later, whose browser prefers Chinese.
    process.env.TZ = 'Asia/Shanghai'
    await hydrate(container, initialState({ now: ISSUED + 2 * 86400, language: 'zh-CN' }), { onRecoverableError: recoverable })
    expect(await screen.findByText('签名已验证')).toBeTruthy()
    expect(recoverable).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
    expect(screen.getAllByText('签发于 2 天前').length).toBeGreaterThan(0)
    expect(container.querySelector('time[datetime="2026-01-01T00:00:00.000Z"]')?.textContent).toBe(new Date(ISSUED * 1000).toLocaleString())
    expect(new Date(ISSUED * 1000).toLocaleString()).toContain('8:00:00')
  })

  it('keeps what was typed and chosen in the HTML before hydration, and enters it once hydrated', async () => {
    const container = await builtPage()
    const typeInto = (field: HTMLTextAreaElement | HTMLSelectElement, value: string) => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')!.set!.call(field, value)
      field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
    }
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'typed before hydration' }, { text: DEMO_SECRET })
    // Before the script: the browser alone edits the fields.
    typeInto(screen.getByRole('textbox', { name: 'Encoded token' }) as HTMLTextAreaElement, token)
    keepEarlyInput(container)
    // While React hydrates: the script listens.
    typeInto(screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement, 'dark')
    const store = await hydrate(container, initialState({ now: RENDERED_AT }), { onReady: () => enterEarlyInput(container) })
    expect(store.getState().token).toBe(token)
    expect(store.getState().theme).toBe('dark')
    expect((screen.getByRole('textbox', { name: 'Payload' }) as HTMLTextAreaElement).value).toContain('typed before hydration')
    expect(await screen.findByText('Signature verified')).toBeTruthy()
  })

  it('keeps a choice made in a panel that React hydrates for that very choice', async () => {
    const container = await builtPage()
    keepEarlyInput(container)
    const store = createStore(reducer, initialState({ now: RENDERED_AT }))
    const stopEffects = startEffects(store)
    // React's own scheduler, as in the browser: the panels hydrate after the page, when idle.
    const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false
    let root: ReactRoot | undefined
    cleanup = () => {
      stopEffects()
      root?.unmount()
      container.remove()
      ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment
    }
    flushSync(() => {
      root = hydrateRoot(container, <Root store={store} serverState={prerenderedState(RENDERED_AT)} onReady={() => enterEarlyInput(container)} />)
    })
    // The page has hydrated, the decoded panel not yet: React hydrates it for this change and handles it.
    const algorithm = screen.getByRole('combobox', { name: 'Algorithm' }) as HTMLSelectElement
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(algorithm, 'none')
    algorithm.dispatchEvent(new Event('change', { bubbles: true }))
    await vi.waitFor(() => expect(screen.getByRole('status', { name: 'Signature status' }).textContent).toContain('Not signed'))
    // Once every panel has hydrated, the choice still stands: entered once, not undone.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(algorithm.value).toBe('none')
    expect(screen.getByRole('status', { name: 'Signature status' }).textContent).toContain('Not signed')
  })

  it('shows the verdict before the panels around it have hydrated', async () => {
    const container = await builtPage()
    // A returning visitor who chose the dark theme: the Theme field shows it once the toolbar has hydrated.
    const store = createStore(reducer, initialState({ now: RENDERED_AT, theme: 'dark' }))
    const stopEffects = startEffects(store)
    await vi.waitFor(() => expect(store.getState().verification.result?.valid).toBe(true))
    const status = screen.getByRole('status', { name: 'Signature status' })
    const theme = screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement
    // The order is the point, so React runs on its own scheduler here, not under act().
    const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false
    const themeWhenVerified = new Promise<string>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!status.textContent?.includes('Signature verified')) return
        observer.disconnect()
        resolve(theme.value)
      })
      observer.observe(status, { subtree: true, childList: true, characterData: true })
    })
    const root = hydrateRoot(container, <Root store={store} serverState={prerenderedState(RENDERED_AT)} />)
    cleanup = () => {
      stopEffects()
      root.unmount()
      container.remove()
      ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment
    }
    // The toolbar still shows the HTML as built when the verdict is shown, then catches up.
    expect(await themeWhenVerified).toBe('system')
    await vi.waitFor(() => expect(theme.value).toBe('dark'))
    expect(screen.getByRole('combobox', { name: 'Theme' })).toBe(theme)
  })
})
