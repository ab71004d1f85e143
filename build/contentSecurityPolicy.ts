import type { Plugin } from 'vite'

/**
 * The built page's Content-Security-Policy, as a <meta> so it holds on any static host. Nothing
 * may be fetched or posted anywhere (connect-src, form-action 'none'); scripts, styles, images
 * and fonts come only from the page's own origin, with no inline code and no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ')

/** Adds the policy to the built index.html only: the dev server needs inline HMR code. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  }
}
