/**
 * Runs the core off the main thread for large tokens: decoding and verifying megabytes takes
 * longer than a frame, and the page must keep answering the keyboard meanwhile.
 */
import { decodeToken, verifyToken, type DecodedToken } from '../jwt'
import type { CoreRequest, CoreResponse } from './protocol'

const reply = (response: CoreResponse) => postMessage(response)

/**
 * The page has the pasted text already: the segments' and token's copies of it are left out of
 * the reply (cloning tens of megabytes costs the page's thread) and sliced back there.
 */
function withoutInputCopies(decoded: DecodedToken): DecodedToken {
  return { ...decoded, token: '', segments: decoded.segments.map((segment) => ({ ...segment, text: '' })) }
}

addEventListener('message', (event: MessageEvent<CoreRequest>) => {
  const request = event.data
  if (request.type === 'decode') reply({ id: request.id, type: 'decoded', decoded: withoutInputCopies(decodeToken(request.text)) })
  else void verifyToken(request.token, request.key).then((result) => reply({ id: request.id, type: 'verified', result }))
})
