/**
 * What the common Python web frameworks would do with this token. Flask-JWT and
 * flask-jwt-extended are not installable here, so these are read from their source, not run: both
 * call PyJWT's `jwt.decode` (whose outcome predictPyJwt computes and the tests check against the
 * real PyJWT), then add checks of their own, which this module states one by one.
 */
import type { KeyInput } from './keys'
import { predictPyJwt, type Expectations, type LibraryOutcome } from './libraries'
import { say, type Sentence } from './sentences'
import { tokenRoleMark } from './tokenRole'

export interface FrameworkOutcome {
  /** "flask-jwt-extended 4", "Flask-JWT 0.3", "Authorization header middleware". */
  readonly framework: string
  /** The route or decorator this outcome is for, e.g. `@jwt_required(refresh=True)`. */
  readonly endpoint: string
  /** The endpoint when it is prose ("the refresh route"), not code, for its translation. */
  readonly endpointSentence?: Sentence
  /** The header the framework reads the token from. */
  readonly header: string
  readonly outcome: 'accepts' | 'rejects'
  /** The exception class, e.g. WrongTokenError. */
  readonly error?: string
  readonly message: string
  /** The message when it is ours ("accepts the token"), not the framework's, for its translation. */
  readonly messageSentence?: Sentence
  readonly why: string
  readonly whySentence: Sentence
}

type Payload = Readonly<Record<string, unknown>>

const ACCEPTS = say('framework.accepts', {}, 'accepts the token')

const accepts = (framework: string, endpoint: string, header: string, why: Sentence): FrameworkOutcome => ({ framework, endpoint, header, outcome: 'accepts', message: ACCEPTS.text, messageSentence: ACCEPTS, why: why.text, whySentence: why })
/** message: the framework's own words, verbatim, or (a Sentence) ours. */
const rejects = (framework: string, endpoint: string, header: string, error: string, message: string | Sentence, why: Sentence): FrameworkOutcome => ({
  framework,
  endpoint,
  header,
  outcome: 'rejects',
  error,
  ...(typeof message === 'string' ? { message } : { message: message.text, messageSentence: message }),
  why: why.text,
  whySentence: why,
})

/** A PyJWT failure as the framework reports it. */
const fromPyJwt = (framework: string, endpoint: string, header: string, py: LibraryOutcome): FrameworkOutcome =>
  rejects(framework, endpoint, header, py.error ?? 'InvalidTokenError', py.message, say('framework.pyjwt-raises', { why: py.whySentence }, `Its call to jwt.decode raises: ${py.why}`))

// -----------------------------------------------------------------------------------------------
// flask-jwt-extended 4 (flask_jwt_extended/tokens.py _decode_jwt, view_decorators.py)
// -----------------------------------------------------------------------------------------------

const EXTENDED = 'flask-jwt-extended 4'
const EXTENDED_HEADER = 'Authorization: Bearer <token>'

/**
 * JWT_DECODE_AUDIENCE, JWT_DECODE_ISSUER and JWT_DECODE_LEEWAY set to the page's expectations;
 * the audience is checked only when one is configured (verify_aud = audience is not None).
 */
function extendedExpectations(e: Expectations): Expectations {
  return { algorithms: e.algorithms, audience: e.audience, issuer: e.issuer, leeway: e.leeway ?? 0, now: e.now, verifyAud: e.audience !== undefined }
}

/** fresh is True, or a NumericDate still in the future (create_access_token(fresh=timedelta)). */
function isFresh(fresh: unknown, now: number): boolean {
  if (typeof fresh === 'number') return now < fresh
  return fresh === true
}

function extendedOutcomes(payload: Payload, py: LibraryOutcome, now: number): FrameworkOutcome[] {
  const endpoints = ['@jwt_required()', '@jwt_required(fresh=True)', '@jwt_required(refresh=True)'] as const
  if (py.outcome === 'raises') return endpoints.map((endpoint) => fromPyJwt(EXTENDED, endpoint, EXTENDED_HEADER, py))
  // JWT_IDENTITY_CLAIM is "sub" by default; type defaults to "access", fresh to False.
  if (!('sub' in payload)) {
    return endpoints.map((endpoint) => rejects(EXTENDED, endpoint, EXTENDED_HEADER, 'JWTDecodeError', 'Missing claim: sub', say('framework.extended-no-sub', {}, 'flask-jwt-extended reads the identity from the sub claim (JWT_IDENTITY_CLAIM), and this token has none')))
  }
  const type = 'type' in payload ? payload.type : 'access'
  const typeNote = 'type' in payload ? say('framework.type-is', { type: JSON.stringify(type) ?? String(type) }, `type is ${JSON.stringify(type)}`) : say('framework.no-type', {}, 'there is no type claim, which it reads as "access"')
  const access: FrameworkOutcome =
    type === 'refresh'
      ? rejects(EXTENDED, endpoints[0], EXTENDED_HEADER, 'WrongTokenError', 'Only non-refresh tokens are allowed', say('framework.extended-refresh-token', {}, 'This is a refresh token (type "refresh"): it may only be exchanged for a new access token, never used in its place'))
      : accepts(
          EXTENDED,
          endpoints[0],
          EXTENDED_HEADER,
          say(
            'framework.extended-accepts',
            { type: typeNote, csrf: 'csrf' in payload ? 'present' : 'absent' },
            `The signature and claims pass, sub is present, and ${typeNote.text}${'csrf' in payload ? '' : '; sent in a cookie with CSRF protection on, it would fail with "Missing claim: csrf"'}`,
          ),
        )
  const fresh: FrameworkOutcome =
    access.outcome === 'rejects'
      ? { ...access, endpoint: endpoints[1] }
      : isFresh(payload.fresh, now)
        ? accepts(EXTENDED, endpoints[1], EXTENDED_HEADER, say('framework.extended-fresh', {}, 'fresh is true (or a time still ahead): the user logged in with credentials just now'))
        : rejects(
            EXTENDED,
            endpoints[1],
            EXTENDED_HEADER,
            'FreshTokenRequired',
            'Fresh token required',
            say(
              'framework.extended-not-fresh',
              { fresh: 'fresh' in payload ? String(JSON.stringify(payload.fresh)) : '' },
              `fresh is ${'fresh' in payload ? JSON.stringify(payload.fresh) : 'missing (read as False)'}: a token from a refresh is not fresh, and this endpoint asks for a recent login`,
            ),
          )
  const refresh: FrameworkOutcome =
    type === 'refresh'
      ? accepts(EXTENDED, endpoints[2], EXTENDED_HEADER, say('framework.extended-refresh', {}, 'type is "refresh": this endpoint issues new access tokens for it'))
      : rejects(EXTENDED, endpoints[2], EXTENDED_HEADER, 'WrongTokenError', 'Only refresh tokens are allowed', say('framework.extended-refresh-only', { type: typeNote }, `The refresh endpoint takes only type "refresh", and ${typeNote.text}`))
  return [access, fresh, refresh]
}

// -----------------------------------------------------------------------------------------------
// Flask-JWT 0.3 (flask_jwt/__init__.py: _default_request_handler, _default_jwt_decode_handler)
// -----------------------------------------------------------------------------------------------

const FLASK_JWT = 'Flask-JWT 0.3'
const FLASK_JWT_HEADER = 'Authorization: JWT <token>'
/** JWT_LEEWAY defaults to timedelta(seconds=10). */
const FLASK_JWT_LEEWAY = 10

function flaskJwtOutcome(payload: Payload, py: LibraryOutcome): FrameworkOutcome {
  const endpoint = '@jwt_required()'
  if (py.outcome === 'raises') {
    return rejects(FLASK_JWT, endpoint, FLASK_JWT_HEADER, 'JWTError', `Invalid token. ${py.message}`, say('framework.flask-jwt-raises', { error: py.error ?? '', why: py.whySentence }, `Its call to jwt.decode raises ${py.error}: ${py.why}`))
  }
  // The documented identity_handler reads payload['identity'].
  if (!('identity' in payload)) {
    return rejects(FLASK_JWT, endpoint, FLASK_JWT_HEADER, 'KeyError', "'identity'", say('framework.flask-jwt-no-identity', {}, 'The identity handler of its documentation reads payload["identity"], which this token lacks: the request fails with a server error, not a 401'))
  }
  const missing = ['exp', 'iat', 'nbf'].filter((claim) => !(claim in payload))
  // JWT_REQUIRED_CLAIMS becomes options require_exp…, which PyJWT 2 no longer reads.
  const note = missing.length > 0 ? `; it lists ${missing.join(', ')} as required, but passes them as options PyJWT 2 ignores, so their absence goes unnoticed` : ''
  return accepts(FLASK_JWT, endpoint, FLASK_JWT_HEADER, say('framework.flask-jwt-accepts', { missing: missing.join(', ') }, `The signature and claims pass with its 10 s leeway, and identity is present${note}`))
}

// -----------------------------------------------------------------------------------------------
// A hand-written middleware: `Authorization: Bearer`, jwt.decode, and the route's own token rule
// -----------------------------------------------------------------------------------------------

const MIDDLEWARE = 'Authorization header middleware'
const MIDDLEWARE_HEADER = 'Authorization: Bearer <token>'

function middlewareOutcomes(payload: Payload, header: Payload | undefined, py: LibraryOutcome): FrameworkOutcome[] {
  const routes = ['an API route (access tokens)', 'the refresh route'] as const
  const routeSentences = [say('framework.route-api', {}, routes[0]), say('framework.route-refresh', {}, routes[1])] as const
  const named = (outcomes: FrameworkOutcome[]) => outcomes.map((outcome, i) => ({ ...outcome, endpointSentence: routeSentences[i] }))
  if (py.outcome === 'raises') return named(routes.map((route) => fromPyJwt(MIDDLEWARE, route, MIDDLEWARE_HEADER, py)))
  const found = tokenRoleMark(payload, header)
  if (found === undefined) {
    return named([
      accepts(MIDDLEWARE, routes[0], MIDDLEWARE_HEADER, say('framework.middleware-unmarked', {}, 'jwt.decode returns the payload; the token does not say whether it is an access or a refresh token, so a route cannot tell them apart')),
      rejects(
        MIDDLEWARE,
        routes[1],
        MIDDLEWARE_HEADER,
        'Unauthorized',
        say('framework.not-refresh', {}, 'not a refresh token'),
        say('framework.middleware-refresh-unmarked', {}, 'A refresh route should accept only tokens marked as refresh tokens (refresh: true, or type "refresh"); this one carries no mark'),
      ),
    ])
  }
  const { role, mark } = found
  return named(
    role === 'refresh'
      ? [
          rejects(
            MIDDLEWARE,
            routes[0],
            MIDDLEWARE_HEADER,
            'Unauthorized',
            say('framework.refresh-as-access', {}, 'refresh token used as an access token'),
            say('framework.middleware-refresh-as-access', { mark }, `The token says ${mark}: it is only for getting a new access token, never for calling the API`),
          ),
          accepts(MIDDLEWARE, routes[1], MIDDLEWARE_HEADER, say('framework.middleware-refresh-accepts', { mark }, `The token says ${mark}: the refresh route exchanges it for a new access token`)),
        ]
      : [
          accepts(MIDDLEWARE, routes[0], MIDDLEWARE_HEADER, say('framework.middleware-access-accepts', { mark }, `jwt.decode returns the payload, and the token says ${mark}`)),
          rejects(
            MIDDLEWARE,
            routes[1],
            MIDDLEWARE_HEADER,
            'Unauthorized',
            say('framework.access-as-refresh', {}, 'access token used as a refresh token'),
            say('framework.middleware-access-as-refresh', { mark }, `The token says ${mark}: a short-lived access token must not buy a new one`),
          ),
        ],
  )
}

/**
 * What flask-jwt-extended, Flask-JWT and a plain Authorization-header middleware would do with the
 * token, configured with the page's algorithm, key and expectations.
 */
export async function predictFrameworks(token: string, key: KeyInput, expectations: Expectations, decoded: { payload?: Payload; header?: Payload }): Promise<FrameworkOutcome[]> {
  const now = expectations.now ?? Date.now() / 1000
  const payload = decoded.payload ?? {}
  const [plain, extended, flaskJwt] = await Promise.all([
    predictPyJwt(token, key, expectations),
    predictPyJwt(token, key, extendedExpectations(expectations)),
    predictPyJwt(token, key, { algorithms: expectations.algorithms, audience: expectations.audience, leeway: FLASK_JWT_LEEWAY, now: expectations.now }),
  ])
  return [...extendedOutcomes(payload, extended, now), flaskJwtOutcome(payload, flaskJwt), ...middlewareOutcomes(payload, decoded.header, plain)]
}
