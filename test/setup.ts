// Test setup shared by every test file.
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { loadLanguage } from '../src/i18n'
import { claimsPanelModule } from '../src/ui/App'

// The page loads Chinese when it is chosen; tests that render in Chinese find it loaded already.
await loadLanguage('zh-CN')
// The page loads the claims panel once idle; tests find it rendered with the rest.
await claimsPanelModule.load()

// vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  if (typeof document !== 'undefined') cleanup()
})
