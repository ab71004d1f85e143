import { useMessages } from '../i18n'
import { tokenRoleMark } from '../jwt/tokenRole'

/** Says whether the token is an access or a refresh token, and what that means for who may accept it. */
export function TokenRoleNote({ payload, header }: { readonly payload: Readonly<Record<string, unknown>>; readonly header?: Readonly<Record<string, unknown>> }) {
  const { role } = useMessages()
  const found = tokenRoleMark(payload, header)
  return <p className={`token-role token-role-${found?.role ?? 'unknown'}`}>{found ? role[found.role](found.mark) : role.unknown}</p>
}
