/**
 * The core's contract: what the page and outside checks rely on. Pure TypeScript, no React.
 */
export { decodeToken, type DecodedToken, type DecodedJson, type DecodedPayload, type JweParts } from './decode'
export { parseJson, type JsonNode, type JsonParsed } from './json'
export { ALGORITHMS, ALGORITHM_NAMES, algorithmOf, type Algorithm, type AlgorithmFamily } from './algorithms'
export type { Problem, Part, Range, Severity, Jwk, KeyShape } from './types'
