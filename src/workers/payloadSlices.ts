/**
 * A decoded payload carries its text and the value parsed from it; a long string member (an
 * 8 MB `data` claim) is in both. Cloning it twice from the worker costs the page's thread tens of
 * milliseconds, so the worker leaves such strings out of the value and says where the text holds
 * them; the page slices them back (a slice shares the text's memory, so it costs nothing).
 *
 * Both walks use explicit stacks (a payload may nest far deeper than the call stack allows) and
 * look only MAX_DEPTH levels down, so a hostile payload costs no more than a plain one.
 */
import { parseJson, type JsonNode } from '../jwt'
import type { PayloadSlice } from './protocol'

/** Strings at least this long are left out of the reply when the text holds them verbatim. */
export const LONG_STRING = 64 * 1024
/** Strings nested deeper are sent as they are. */
const MAX_DEPTH = 32

type Container = Record<string, unknown> | unknown[]
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null

function hasLongString(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (typeof next.value === 'string' && next.value.length >= LONG_STRING) return true
    if (isContainer(next.value) && next.depth < MAX_DEPTH) for (const child of Object.values(next.value)) stack.push({ value: child, depth: next.depth + 1 })
  }
  return false
}

/** Long strings written without escapes, with their path; for duplicate names, the last one (as JSON.parse keeps). */
function verbatimLongStrings(root: JsonNode): PayloadSlice[] {
  const found: PayloadSlice[] = []
  const stack: { node: JsonNode; path: readonly (string | number)[] }[] = [{ node: root, path: [] }]
  while (stack.length > 0) {
    const { node, path } = stack.pop()!
    if (node.kind === 'string') {
      // No escapes: the text between the quotes is exactly as long as the string.
      const [start, end] = node.range
      if (node.value.length >= LONG_STRING && end - start - 2 === node.value.length) found.push({ path, range: [start + 1, end - 1] })
    } else if (path.length >= MAX_DEPTH) {
      continue
    } else if (node.kind === 'array') {
      node.items.forEach((item, i) => isContainerOrString(item) && stack.push({ node: item, path: [...path, i] }))
    } else if (node.kind === 'object') {
      const seen = new Set<string>()
      for (let i = node.members.length - 1; i >= 0; i--) {
        const member = node.members[i]!
        if (seen.has(member.key)) continue
        seen.add(member.key)
        if (isContainerOrString(member.value)) stack.push({ node: member.value, path: [...path, member.key] })
      }
    }
  }
  return found
}

const isContainerOrString = (node: JsonNode) => node.kind === 'string' || node.kind === 'object' || node.kind === 'array'

/** Own data property, so a member named `__proto__` stays a member. */
function setMember(container: Container, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true })
}

const copyOf = (container: Container): Container => (Array.isArray(container) ? [...container] : { ...container })

/**
 * Worker side: the value with each long verbatim string replaced by '' (the containers on the
 * way copied, the value itself untouched), and where the text holds each one.
 */
export function leaveOutLongStrings(text: string, value: unknown): { value: unknown; slices: PayloadSlice[] } {
  if (!isContainer(value) || !hasLongString(value)) return { value, slices: [] }
  const root = parseJson(text, { tree: true }).root
  if (!root) return { value, slices: [] }
  const slices: PayloadSlice[] = []
  const copy = copyOf(value)
  for (const slice of verbatimLongStrings(root)) {
    let original: unknown = value
    let copied: Container = copy
    const keys = slice.path
    for (let i = 0; i < keys.length - 1; i++) {
      original = (original as Record<string | number, unknown>)[keys[i]!]
      const child = (copied as Record<string | number, unknown>)[keys[i]!] as Container
      // Copy each container once, the first time a slice passes through it.
      const childCopy = child === original ? copyOf(child) : child
      setMember(copied, keys[i]!, childCopy)
      copied = childCopy
    }
    const last = keys[keys.length - 1]!
    // The value must hold exactly this text at this path; anything else is sent as it is.
    if ((original as Record<string | number, unknown>)[last] !== text.slice(...slice.range)) continue
    setMember(copied, last, '')
    slices.push(slice)
  }
  return slices.length > 0 ? { value: copy, slices } : { value, slices }
}

/** Page side: puts each left-out string back, sliced from the payload text. */
export function putBackLongStrings(text: string, value: unknown, slices: readonly PayloadSlice[]): void {
  for (const { path, range } of slices) {
    let container = value as Container
    for (const key of path.slice(0, -1)) container = (container as Record<string | number, unknown>)[key] as Container
    setMember(container, path[path.length - 1]!, text.slice(...range))
  }
}
