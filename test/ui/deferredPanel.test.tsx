import { act, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { onDemand } from '../../src/jwt/modules'
import { deferredPanel } from '../../src/ui/deferredPanel'
import { enterEarlyInput, keepEarlyInput } from '../../src/ui/earlyInput'

function NoteField() {
  const [note, setNote] = useState('as rendered')
  return (
    <section aria-label="Notes panel">
      <input id="note" aria-label="Note" value={note} onChange={(event) => setNote(event.target.value)} />
      <output aria-label="Note read">{note}</output>
    </section>
  )
}

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.replaceChildren()
})

it('shows its prerendered HTML until its code arrives, then hydrates it and reads what was typed meanwhile', async () => {
  // The build has the panel's code; the page loads it later.
  const built = onDemand(() => Promise.resolve(NoteField))
  await built.load()
  const Built = deferredPanel(built, <p>Loading…</p>)
  const html = renderToString(<Built />)
  let arrive = () => {}
  const arrived = new Promise<void>((resolve) => (arrive = resolve))
  const Page = deferredPanel(onDemand(() => arrived.then(() => NoteField)), <p>Loading…</p>)

  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  keepEarlyInput(container)
  const field = screen.getByRole('textbox', { name: 'Note' }) as HTMLInputElement
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, 'typed before its code came')
  field.dispatchEvent(new Event('input', { bubbles: true }))

  const recoverable = vi.fn()
  await act(async () => {
    root = hydrateRoot(container, <Page />, { onRecoverableError: recoverable })
  })
  // The page is ready, but this panel is not hydrated yet: its HTML stays, with what was typed.
  enterEarlyInput(container)
  expect(screen.queryByText('Loading…')).toBeNull()
  expect(screen.getByRole('status', { name: 'Note read' }).textContent).toBe('as rendered')
  expect(field.value).toBe('typed before its code came')

  await act(async () => arrive())
  await waitFor(() => expect(screen.getByRole('status', { name: 'Note read' }).textContent).toBe('typed before its code came'))
  expect(screen.getByRole('textbox', { name: 'Note' })).toBe(field)
  expect(recoverable).not.toHaveBeenCalled()
})
