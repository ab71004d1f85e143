import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import { LANGUAGE_KEY, rememberLanguage } from '../../src/i18n/preference'
import { renderApp } from './renderApp'

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  localStorage.clear()
  document.documentElement.removeAttribute('lang')
})

/** The page, remembering the language as main.tsx does. */
function setup(options: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(options)
  const forget = rememberLanguage(app.store, localStorage)
  cleanup = () => {
    forget()
    app.unmount()
  }
  return app
}

const picker = () => screen.getByRole('combobox', { name: /^(Language|语言)$/ }) as HTMLSelectElement

describe('the language picker', () => {
  it('names each language in itself, whatever the page’s language', async () => {
    const { user } = setup()
    const names = () => [...picker().options].map((option) => option.textContent)
    expect(names()).toEqual(['English', '简体中文'])
    await user.selectOptions(picker(), '简体中文')
    expect(names()).toEqual(['English', '简体中文'])
  })

  it('switches the page to Simplified Chinese, marks <html lang> and stores the choice', async () => {
    const { user } = setup()
    await waitFor(() => expect(screen.getByRole('status', { name: 'Signature status' }).textContent).toContain('Signature verified'))
    expect(localStorage.getItem(LANGUAGE_KEY)).toBeNull()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '简体中文')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('JWT 调试器')
    expect(screen.getByRole('textbox', { name: '编码后的令牌' })).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: 'Encoded token' })).toBeNull()
    expect(screen.getByRole('status', { name: '签名状态' }).textContent).toContain('签名已验证')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('zh-CN')

    await user.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'English')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('JWT Debugger')
    expect(screen.getByRole('textbox', { name: 'Encoded token' })).toBeTruthy()
    expect(screen.getByRole('status', { name: 'Signature status' }).textContent).toContain('Signature verified')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en')
  })

  it('starts in the language it is given', () => {
    setup({ language: 'zh-CN' })
    expect(screen.getByRole('textbox', { name: '编码后的令牌' })).toBeTruthy()
    expect(picker().value).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
  })
})
