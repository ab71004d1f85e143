/**
 * Share links carry the token (and, on request, the public key) in the URL fragment: browsers
 * never send the fragment to a server, so it stays out of server and proxy logs (RFC 3986 §3.5).
 * Secrets and private keys are never put in a link.
 */

const TOKEN_NAMES = ['token', 'id_token', 'access_token', 'value'] as const

export interface LinkContents {
  readonly token?: string
  readonly publicKey?: string
  readonly notes: readonly string[]
  /** When the token came in the query: the same page with it moved into the fragment. */
  readonly replaceWith?: string
}

function tokenOf(params: URLSearchParams): string | undefined {
  for (const name of TOKEN_NAMES) {
    const value = params.get(name)
    if (value) return value
  }
  return undefined
}

/** Reads a token and public key from a page address. */
export function readLink(href: string): LinkContents {
  const url = new URL(href)
  const fragment = new URLSearchParams(url.hash.slice(1))
  const fromFragment = tokenOf(fragment)
  const publicKey = fragment.get('publicKey') ?? undefined
  if (fromFragment) return { token: fromFragment, publicKey, notes: [] }

  const fromQuery = tokenOf(url.searchParams)
  if (!fromQuery) return { notes: [] }
  const clean = new URL(url.origin + url.pathname)
  clean.hash = new URLSearchParams({ token: fromQuery, ...(publicKey && { publicKey }) }).toString()
  return {
    token: fromQuery,
    publicKey,
    notes: [
      'The token came in the link’s query (?token=), which is sent to the server and can end up in its logs. It has been moved into the fragment (#token=), which the browser never sends.',
    ],
    replaceWith: clean.toString(),
  }
}

/** A link to this page with the token (and the public key, when given) in the fragment. */
export function shareLink(pageHref: string, token: string, publicKey?: string): string {
  const url = new URL(pageHref)
  url.search = ''
  const params = new URLSearchParams({ token })
  if (publicKey?.trim()) params.set('publicKey', publicKey)
  url.hash = params.toString()
  return url.toString()
}
