/** Messages between the page and the core worker. Everything in them survives structured cloning. */
import type { DecodedToken, KeyInput, Range, VerifyResult } from '../jwt'

export type CoreRequest =
  | { readonly id: number; readonly type: 'decode'; readonly text: string }
  /**
   * Without `token`, the token is the text the worker was last given (by a decode or a verify
   * request): copying megabytes into the worker a second time costs the page's thread.
   */
  | { readonly id: number; readonly type: 'verify'; readonly token?: string; readonly key: KeyInput }

/**
 * A long string of the payload's value left out of the reply: it is the payload text within
 * `range`, so the page slices it from the text it receives anyway instead of receiving it twice.
 */
export interface PayloadSlice {
  /** Member names and array indexes from the payload's value down to the string. */
  readonly path: readonly (string | number)[]
  readonly range: Range
}

export type CoreResponse =
  | { readonly id: number; readonly type: 'decoded'; readonly decoded: DecodedToken; readonly slices: readonly PayloadSlice[] }
  | { readonly id: number; readonly type: 'verified'; readonly result: VerifyResult }
