import { afterEach, describe, expect, it, vi } from 'vitest'

/** A prerendered page with one part that hydrates later, holding the Algorithm select. */
async function page() {
  vi.resetModules()
  const early = await import('../../src/ui/earlyInput')
  document.body.innerHTML =
    '<div id="root"><div data-deferred=""><select id="algorithm"><option value="HS256" selected>HS256</option><option value="none">none</option></select></div></div>'
  const container = document.getElementById('root')!
  const part = container.querySelector('[data-deferred]')!
  const select = document.getElementById('algorithm') as HTMLSelectElement
  early.keepEarlyInput(container)
  // Stands in for React's listener on the root (registered after the page's): what it handles.
  // For a change in a part still waiting, React may hydrate the part first, then handle it.
  let hydrated = false
  let hydrateForNextChange = false
  const handled: string[] = []
  container.addEventListener('change', () => {
    if (hydrateForNextChange) {
      hydrateForNextChange = false
      hydrated = true
      early.ownEarlyInput(part)
    }
    if (hydrated) handled.push(select.value)
  }, true)
  const choose = (value: string, { hydrateForIt = false } = {}) => {
    hydrateForNextChange = hydrateForIt
    select.value = value
    select.dispatchEvent(new Event('change', { bubbles: true }))
  }
  const hydrate = () => {
    hydrated = true
    early.ownEarlyInput(part)
    early.enterEarlyInput(part)
  }
  return { choose, hydrate, handled }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('input made before a part of the page has hydrated', () => {
  it('is entered once the part has hydrated', async () => {
    const { choose, hydrate, handled } = await page()
    choose('none')
    expect(handled).toEqual([])
    hydrate()
    expect(handled).toEqual(['none'])
  })

  it('is not entered again when React hydrated the part for it and handled it', async () => {
    const { choose, hydrate, handled } = await page()
    choose('none', { hydrateForIt: true })
    hydrate()
    // Once: a second entry carried the old value the select showed meanwhile, and undid the choice.
    expect(handled).toEqual(['none'])
  })
})
