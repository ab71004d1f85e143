import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { PanelBoundary } from '../../src/ui/PanelBoundary'

let fail = true
function Fragile() {
  if (fail) throw new Error('broken on purpose')
  return <p>panel content</p>
}

describe('PanelBoundary', () => {
  it('replaces only the failed panel with a message, and resets it on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    render(
      <>
        <textarea aria-label="Encoded token" defaultValue="eyJ.kept" />
        <PanelBoundary name="claims panel">
          <Fragile />
        </PanelBoundary>
      </>,
    )
    expect(screen.getByRole('alert').textContent).toContain('The claims panel failed: broken on purpose')
    expect(screen.getByRole('textbox', { name: 'Encoded token' })).toHaveProperty('value', 'eyJ.kept')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Reset the claims panel' }))
    expect(screen.getByText('panel content')).toBeTruthy()
    vi.restoreAllMocks()
  })
})
