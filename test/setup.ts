// Test setup shared by every test file.
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { loadLanguage } from '../src/i18n'
import { loadDeferredPanels } from '../src/ui/deferredPanel'

// The page loads Chinese when it is chosen; tests that render in Chinese find it loaded already.
await loadLanguage('zh-CN')
// The page loads the claims and findings panels once idle; tests find them rendered with the rest.
await import('../src/ui/App') // its panels register themselves
await loadDeferredPanels()

// vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  if (typeof document !== 'undefined') cleanup()
})
