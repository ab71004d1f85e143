// Test setup shared by every test file.
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { loadLanguage } from '../src/i18n'

// The page loads Chinese when it is chosen; tests that render in Chinese find it loaded already.
await loadLanguage('zh-CN')

// vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  if (typeof document !== 'undefined') cleanup()
})
