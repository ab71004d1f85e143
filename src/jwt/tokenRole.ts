/**
 * Whether a token says it is an access or a refresh token. There is no registered claim for it:
 * frameworks mark it with `type` (flask-jwt-extended), `token_type`, or `refresh: true|false`,
 * and RFC 9068 §2.1 marks access tokens with the header `typ: at+jwt`.
 */
export type TokenRole = 'access' | 'refresh'

type Members = Readonly<Record<string, unknown>>

/** How the token marks its role, as the claim that says it: `refresh: true`, `type "refresh"`. */
export interface RoleMark {
  readonly role: TokenRole
  readonly mark: string
}

export function tokenRoleMark(payload: Members, header?: Members): RoleMark | undefined {
  if (typeof payload.refresh === 'boolean') return { role: payload.refresh ? 'refresh' : 'access', mark: `refresh: ${String(payload.refresh)}` }
  for (const claim of ['type', 'token_type'] as const) {
    const value = payload[claim]
    if (value === 'refresh' || value === 'access') return { role: value, mark: `${claim} "${value}"` }
  }
  if (header?.typ === 'at+jwt') return { role: 'access', mark: 'typ "at+jwt"' }
  return undefined
}

export const tokenRole = (payload: Members, header?: Members): TokenRole | undefined => tokenRoleMark(payload, header)?.role
