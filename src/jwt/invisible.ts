/**
 * Characters that change how text looks without showing themselves: controls, zero-width
 * characters and bidirectional overrides (the "Trojan Source" trick, CVE-2021-42574). A claim
 * value holding them can read differently from what a server compares.
 */

// eslint-disable-next-line no-control-regex, no-misleading-character-class -- these characters are exactly what is looked for
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb]/g

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** Where such characters are: the first index, how many, and which. */
export function findInvisible(text: string): { first: number; count: number; codePoints: string[] } | undefined {
  let first = -1
  let count = 0
  const seen = new Set<string>()
  for (const match of text.matchAll(INVISIBLE)) {
    if (first < 0) first = match.index
    count++
    seen.add(codePoint(match[0]))
  }
  return count === 0 ? undefined : { first, count, codePoints: [...seen] }
}

/** The text with each such character replaced by its visible name, e.g. ⟨U+202E⟩. */
export const revealInvisible = (text: string): string => text.replace(INVISIBLE, (char) => `⟨${codePoint(char)}⟩`)
