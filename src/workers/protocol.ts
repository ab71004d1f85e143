/** Messages between the page and the core worker. Everything in them survives structured cloning. */
import type { DecodedToken, KeyInput, VerifyResult } from '../jwt'

export type CoreRequest =
  | { readonly id: number; readonly type: 'decode'; readonly text: string }
  | { readonly id: number; readonly type: 'verify'; readonly token: string; readonly key: KeyInput }

export type CoreResponse =
  | { readonly id: number; readonly type: 'decoded'; readonly decoded: DecodedToken }
  | { readonly id: number; readonly type: 'verified'; readonly result: VerifyResult }
