import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose'
import { ALGORITHM_NAMES, generateKey, signToken, verifyToken, type GeneratedKey } from '../../src/jwt'
import { assertOnlyLocalRequests, pagesInOneBrowser, type RecordedPage } from './browser'

const baseURL = inject('baseURL')
/** The claims panel's code, which loads after the verdict. */
const CLAIMS_CHUNK = /\/assets\/ClaimsPanel-[^/]+\.js$/

const openPage = pagesInOneBrowser()

/** Opens the page, runs the flow, then checks nothing went wrong and nothing left localhost. */
async function withPage(flow: (page: Page, recorded: RecordedPage) => Promise<void>, url = baseURL, before?: (page: Page) => Promise<void>) {
  const recorded = await openPage()
  try {
    await before?.(recorded.page)
    await recorded.page.goto(url)
    await flow(recorded.page, recorded)
    expect(recorded.consoleErrors).toEqual([])
    expect(recorded.pageErrors).toEqual([])
    assertOnlyLocalRequests(recorded.requests, baseURL)
  } finally {
    await recorded.page.context().close()
  }
}

const status = (page: Page) => page.getByRole('status', { name: 'Signature status' })
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })

/** Replaces a field's text the way a paste does: one trusted input event. */
async function paste(page: Page, name: string, text: string) {
  await field(page, name).selectText()
  await page.keyboard.insertText(text)
}

/** Opens the page with its script held back, as on a slow network; the function returned lets it load. */
async function openWithScriptHeld(page: Page): Promise<() => void> {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto(baseURL, { waitUntil: 'commit' })
  return release
}

describe('the debugger page in Chromium', () => {
  test('opens with the example verified and the token field focused', async () => {
    await withPage(async (page) => {
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id)).toBeTruthy()
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value.startsWith('eyJ'))).toBe(true)
    })
  })

  test('shows the example before any script has run, in the theme chosen before, and keeps a token pasted meanwhile', async () => {
    const recorded = await openPage()
    const { page } = recorded
    try {
      await page.addInitScript(() => localStorage.setItem('jwt-debugger.theme', 'dark'))
      // The page's script waits until the token has been pasted into the prerendered HTML.
      const releaseScript = await openWithScriptHeld(page)
      expect(await field(page, 'Payload').inputValue()).toContain('"name":"Ada Lovelace"')
      expect(await status(page).getAttribute('aria-busy')).toBe('true')
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
      // The claims and findings panels, whose code loads after the verdict, are in the HTML too.
      expect(await page.getByRole('region', { name: 'What the token says' }).textContent()).toContain('Whom the token is about')
      expect(await page.getByRole('region', { name: 'Security findings' }).textContent()).toContain('An access token valid for 10 years')

      const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'pasted before hydration' }, { text: await field(page, 'Secret').inputValue() })
      await field(page, 'Encoded token').fill(token)
      releaseScript()
      await expect.poll(() => field(page, 'Payload').inputValue()).toContain('pasted before hydration')
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      expect(await field(page, 'Encoded token').inputValue()).toBe(token)
      expect(recorded.consoleErrors).toEqual([])
      expect(recorded.pageErrors).toEqual([])
    } finally {
      await page.context().close()
    }
  })

  test('pastes over the example selected before the script ran, once the page has taken the field over', async () => {
    const recorded = await openPage()
    const { page } = recorded
    try {
      const releaseScript = await openWithScriptHeld(page)
      // The example is selected in the HTML; the paste comes after React has hydrated the field.
      await field(page, 'Encoded token').selectText()
      releaseScript()
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      await page.waitForTimeout(1000)
      const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'pasted over the selection' }, { text: await field(page, 'Secret').inputValue() })
      await page.keyboard.insertText(token)
      expect(await field(page, 'Encoded token').inputValue()).toBe(token)
      await expect.poll(() => field(page, 'Payload').inputValue()).toContain('pasted over the selection')
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      expect(recorded.pageErrors).toEqual([])
    } finally {
      await page.context().close()
    }
  })

  test('keeps an algorithm chosen the moment the verdict shows, while the panel around it hydrates', async () => {
    await withPage(async (page) => {
      await expect.poll(() => page.evaluate(() => (window as unknown as { chosenAt?: string }).chosenAt)).toBe('before the decoded panel hydrated')
      await expect.poll(() => status(page).textContent()).toContain('Not signed')
      // Long after every panel has hydrated, the choice still stands.
      await page.waitForTimeout(1000)
      expect(await page.getByRole('combobox', { name: 'Algorithm' }).inputValue()).toBe('none')
      expect(await status(page).textContent()).toContain('Not signed')
    }, baseURL, async (page) => {
      // The verdict is committed before the other panels hydrate: a choice made then is one React
      // hydrates the decoded panel for, or handles just after hydrating it. The page must not
      // enter it again: entered again with the old value the select showed until the token was
      // re-signed, it undid the choice (3 to 4 visits in 40, choosing right after the load).
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          const verdict = document.querySelector('[role="status"][aria-label="Signature status"]')
          const select = document.getElementById('algorithm') as HTMLSelectElement | null
          if (!verdict?.textContent?.includes('Signature verified') || !select) return
          observer.disconnect()
          const panel = select.closest('[data-deferred]')
          // React marks each node it has hydrated with its own keys (__reactFiber$…): none yet.
          ;(window as unknown as { chosenAt: string }).chosenAt = panel && !Object.keys(select).some((key) => key.startsWith('__react')) ? 'before the decoded panel hydrated' : 'too late'
          select.value = 'none'
          select.dispatchEvent(new Event('change', { bubbles: true }))
        })
        observer.observe(document, { subtree: true, childList: true, characterData: true })
      })
    })
  })

  test('keeps the page working when a panel that loads later cannot load its code', async () => {
    await withPage(async (page, recorded) => {
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      // Only the claims panel says so, in place of its prerendered HTML; the rest of the page works.
      await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 }).toContain('The claims panel failed')
      await paste(page, 'Encoded token', await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'still decoded' }, { text: await field(page, 'Secret').inputValue() }))
      await expect.poll(() => field(page, 'Payload').inputValue()).toContain('still decoded')
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      // The refused chunk is all the console reports: its failed request, and the import it failed.
      expect(recorded.consoleErrors.length).toBeGreaterThan(0)
      expect(recorded.consoleErrors.every((line) => line.includes('/assets/ClaimsPanel-'))).toBe(true)
      recorded.consoleErrors.length = 0
      // Once the network is back, its reset button tries again, and the panel shows the new token's claims.
      await page.unroute(CLAIMS_CHUNK)
      await page.getByRole('button', { name: 'Reset the claims panel' }).click()
      await expect.poll(() => page.getByRole('table', { name: 'Claims' }).textContent(), { timeout: 10_000 }).toContain('still decoded')
      expect(await page.getByRole('alert').count()).toBe(0)
    }, baseURL, async (page) => {
      await page.route(CLAIMS_CHUNK, (route) => route.abort())
    })
  })

  test('verifies a token made by jose in Node with its PEM public key, and with its JWK', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
    const token = await new SignJWT({ sub: 'from-node', scope: 'read' }).setProtectedHeader({ alg: 'RS256', kid: 'node-1' }).setIssuedAt().setExpirationTime('1h').sign(privateKey)
    await withPage(async (page) => {
      await paste(page, 'Encoded token', token)
      await expect.poll(() => status(page).textContent()).toContain('Enter the public key to verify')
      await paste(page, 'Public key', await exportSPKI(publicKey))
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      await paste(page, 'Public key', JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'node-1' }] }))
      await expect.poll(() => status(page).textContent()).toContain('kid node-1')
      expect(await page.getByRole('table', { name: 'Claims' }).textContent()).toMatch(/expires in (59 minutes|1 hour)/)
    })
  })

  test('keeps the key when another token is pasted', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
    const sign = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey)
    await withPage(async (page) => {
      await paste(page, 'Encoded token', await sign('first'))
      await paste(page, 'Public key', await exportSPKI(publicKey))
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
      await paste(page, 'Encoded token', await sign('second'))
      await expect.poll(() => field(page, 'Payload').inputValue()).toBe('{"sub":"second"}')
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
    })
  })

  test('signs and verifies every algorithm round trip through the page', async () => {
    await withPage(async (page) => {
      for (const alg of ALGORITHM_NAMES) {
        await page.getByRole('combobox', { name: 'Algorithm' }).selectOption(alg)
        const expected = alg === 'none' ? 'Not signed' : 'Signature verified'
        await expect.poll(() => status(page).textContent(), { message: `${alg} after choosing it`, timeout: 20_000 }).toContain(expected)
        if (alg === 'none') continue
        // Edit the payload: the page re-signs with the private key or secret and verifies again.
        const payload = field(page, 'Payload')
        await payload.press('Control+End')
        await payload.press('Backspace')
        await page.keyboard.insertText(`,"alg_checked":"${alg}"}`)
        await expect.poll(() => status(page).textContent(), { message: `${alg} after editing`, timeout: 20_000 }).toContain('Signature verified')
        const token = await field(page, 'Encoded token').inputValue()
        expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).alg).toBe(alg)
        expect(Buffer.from(token.split('.')[1]!, 'base64url').toString()).toContain(`"alg_checked":"${alg}"`)
      }
    })
  }, 180_000)

  test('ML-DSA tokens from Chromium’s WebCrypto verify with noble in Node, and the reverse', async () => {
    await withPage(async (page) => {
      const made = await page.evaluate(async () => {
        const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
        const utf8 = (text: string) => new TextEncoder().encode(text)
        const pair = (await crypto.subtle.generateKey({ name: 'ML-DSA-44' }, true, ['sign', 'verify'])) as CryptoKeyPair
        const signingInput = `${b64(utf8('{"alg":"ML-DSA-44"}'))}.${b64(utf8('{"sub":"chromium"}'))}`
        const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ML-DSA-44' }, pair.privateKey, utf8(signingInput)))
        return { token: `${signingInput}.${b64(signature)}`, jwk: await crypto.subtle.exportKey('jwk', pair.publicKey) }
      })
      // Node 20 has no ML-DSA in WebCrypto, so this runs on @noble/post-quantum.
      expect(await verifyToken(made.token, { text: JSON.stringify(made.jwk) })).toMatchObject({ valid: true, alg: 'ML-DSA-44' })

      const key = (await generateKey('ML-DSA-44')) as Extract<GeneratedKey, { kind: 'pair' }>
      const token = await signToken({ alg: 'ML-DSA-44', typ: 'JWT' }, { sub: 'node' }, { text: key.privatePem })
      await paste(page, 'Encoded token', token)
      await paste(page, 'Public key', key.publicPem)
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
    })
  })

  test('explains a secret pasted as UTF-8 that is really base64url, and verifies once it is read so', async () => {
    const secret = 'c2VjcmV0LWJ5dGVzLW9mLWEtZGVtby1rZXktMzItYnl0ZXM'
    const token = await signToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'diagnosed' }, { text: secret, encoding: 'base64url' })
    await withPage(async (page) => {
      await paste(page, 'Encoded token', token)
      await paste(page, 'Secret', secret)
      await expect.poll(() => status(page).textContent()).toContain('Invalid signature')
      const causes = page.getByRole('list', { name: 'Causes that would make it verify' })
      await expect.poll(() => causes.textContent()).toContain('Would verify if the secret were read as base64url')
      await page.getByRole('combobox', { name: 'Secret encoding' }).selectOption('base64url')
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
    })
  })

  test('reopens the same token and public key from a share link', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true })
    const token = await new SignJWT({ sub: 'shared' }).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey)
    let link = ''
    await withPage(async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await paste(page, 'Encoded token', token)
      await paste(page, 'Public key', await exportSPKI(publicKey))
      await page.getByRole('checkbox', { name: 'with public key' }).check()
      await page.getByRole('button', { name: 'Copy share link' }).click()
      link = await page.evaluate(() => navigator.clipboard.readText())
    })
    expect(new URL(link).search).toBe('')
    expect(link).toContain('#token=')
    await withPage(async (page) => {
      expect(await field(page, 'Encoded token').inputValue()).toBe(token)
      await expect.poll(() => status(page).textContent()).toContain('Signature verified')
    }, link)
  })

  test('moves a token from the query into the fragment and says why', async () => {
    const token = await new SignJWT({ sub: 'query' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-demo-secret-of-32-bytes-length'))
    await withPage(async (page) => {
      await expect.poll(() => field(page, 'Encoded token').inputValue()).toBe(token)
      expect(new URL(page.url()).search).toBe('')
      expect(new URL(page.url()).hash).toContain('token=')
      expect(await page.getByRole('list', { name: 'Notes' }).textContent()).toContain('never sends')
    }, `${baseURL}?token=${token}`)
  })

  test('keeps secrets and private keys out of the URL and storage', async () => {
    await withPage(async (page) => {
      await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('ES256')
      await expect.poll(() => field(page, 'Private key').inputValue()).toContain('PRIVATE KEY')
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href)
      expect(stored).not.toContain('PRIVATE')
      expect(stored).not.toContain('demo-secret')
      expect(stored).toContain('dark')
    })
  })

  test('works from the keyboard alone: Tab reaches every field in order', async () => {
    await withPage(async (page) => {
      const names: string[] = []
      // The left column (token, claims, findings) comes first; the fields of the right one follow.
      for (let i = 0; i < 80 && !names.some((n) => n.startsWith('Secret')); i++) {
        await page.keyboard.press('Tab')
        names.push(await page.evaluate(() => {
          const el = document.activeElement as HTMLElement
          return el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '' : el.textContent ?? '')
        }))
      }
      const order = ['Algorithm', 'Header', 'Payload', 'Secret'].map((name) => names.findIndex((n) => n.startsWith(name)))
      expect(order.every((index) => index >= 0), `Tab reached: ${names.join(' | ')}`).toBe(true)
      expect([...order].sort((a, b) => a - b)).toEqual(order)
    })
  })
})
