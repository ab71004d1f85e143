/**
 * The example the page opens with, and fresh examples for any algorithm. The demo secret is
 * public and made up for this page: never use it for anything real.
 */

export const DEMO_SECRET = 'demo-secret-of-this-debugger-not-for-real-use'

/**
 * HS256 over {"alg":"HS256","typ":"JWT"} and a payload issued 2026-01-01 that expires
 * 2036-01-01, signed with DEMO_SECRET (a unit test proves it verifies).
 */
export const DEMO_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' +
  '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSBMb3ZlbGFjZSIsImFkbWluIjp0cnVlLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6MjA4Mjc1ODQwMH0' +
  '.s6qJQEAB1wrnCN1qTPv379swb9uhiLFmP-zl2xsl_2k'

/** A fresh example header and payload: issued now, valid for an hour. */
export function exampleParts(alg: string, nowSeconds: number): { header: string; payload: string } {
  const iat = Math.floor(nowSeconds)
  return {
    header: JSON.stringify({ alg, typ: 'JWT' }),
    payload: JSON.stringify({ sub: '1234567890', name: 'Ada Lovelace', admin: true, iat, exp: iat + 3600 }),
  }
}
