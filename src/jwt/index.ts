/**
 * The core's contract: what the page and outside checks rely on. Pure TypeScript, no React.
 *
 * The tools the page loads only on demand are imported from their own modules, not from here:
 * diagnose.ts (run only after a failed verification), keyTools.ts (the key workbench), libraries.ts and frameworks.ts (what PyJWT, jose and the Flask
 * frameworks would say). Re-exported here, the bundler would put them in the first load.
 */
export { decodeToken, decodedIfKnown, rememberDecoded, MAX_TOKEN_LENGTH, jsonRangeToTokenRange, type DecodedToken, type DecodedJson, type DecodedPayload, type JweParts } from './decode'
export { verifyToken, type VerifyOptions, type VerifyResult, type KeyUsed } from './verify'
export { signToken, SigningError, type SigningErrorCode } from './sign'
export { validateClaims, type ClaimOptions, type ClaimsResult, type ClaimCheck, type ClaimStatus } from './claims'
export { generateKey, exportPem, type GeneratedKey, type GenerateOptions } from './generate'
export { readKey, detectKeyFormat, type KeyInput, type KeyFormat, type SecretEncoding, type KeyRead, type KeyCandidate } from './keys'
export { parseJson, type JsonNode, type JsonParsed } from './json'
export { ALGORITHMS, ALGORITHM_NAMES, algorithmOf, type Algorithm, type AlgorithmFamily } from './algorithms'
export { encodeBase64url, decodeBase64url } from './base64url'
export { describeSpan, describeInstant } from './time'
export type { Problem, Part, Range, Severity, Jwk, KeyShape } from './types'
