/**
 * Runs the core off the main thread for large tokens: decoding and verifying megabytes takes
 * longer than a frame, and the page must keep answering the keyboard meanwhile.
 */
import { decodeToken, verifyToken, type DecodedToken } from '../jwt'
import { leaveOutLongStrings } from './payloadSlices'
import type { CoreRequest, CoreResponse, PayloadSlice } from './protocol'

const reply = (response: CoreResponse) => postMessage(response)

/** The token text last sent to the worker: a verify request without a token means this one. */
let lastText = ''

/**
 * The page has the pasted text already: the segments' and token's copies of it are left out of
 * the reply (cloning tens of megabytes costs the page's thread) and sliced back there, and so are
 * long strings of the payload's value, which the payload text holds too.
 */
function forReply(decoded: DecodedToken): { decoded: DecodedToken; slices: PayloadSlice[] } {
  const stripped = { ...decoded, token: '', segments: decoded.segments.map((segment) => ({ ...segment, text: '' })) }
  if (decoded.payload?.kind !== 'json') return { decoded: stripped, slices: [] }
  const { value, slices } = leaveOutLongStrings(decoded.payload.text, decoded.payload.value)
  return { decoded: { ...stripped, payload: { ...decoded.payload, value } }, slices }
}

addEventListener('message', (event: MessageEvent<CoreRequest>) => {
  const request = event.data
  if (request.type === 'decode') {
    lastText = request.text
    reply({ id: request.id, type: 'decoded', ...forReply(decodeToken(request.text)) })
  } else {
    if (request.token !== undefined) lastText = request.token
    // A rejection (or a reply that cannot be cloned) would leave the page waiting: report it as
    // an uncaught error, which the page sees as the worker's 'error' and answers the request itself.
    verifyToken(lastText, request.key)
      .then((result) => reply({ id: request.id, type: 'verified', result }))
      .catch(reportError)
  }
})
