/**
 * The character under the pointer in a highlighted editor. The textarea is on top (it takes the
 * events), the coloured layer under it lays out the same text in the same box, so the layer's
 * character boxes say where each character is.
 */

/** The text nodes of the layer, each with the offset its text starts at. */
function textNodes(layer: HTMLElement): { node: Text; start: number }[] {
  const found: { node: Text; start: number }[] = []
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT)
  let start = 0
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    found.push({ node: text, start })
    start += text.data.length
  }
  return found
}

/**
 * The offset of the character under (x, y) in the layer's text, by binary search over the
 * characters in reading order (lines top to bottom, then left to right); undefined between
 * characters (past a line's end, in the padding).
 */
export function offsetInLayer(layer: HTMLElement, x: number, y: number): number | undefined {
  const nodes = textNodes(layer)
  const last = nodes.at(-1)
  if (!last) return undefined
  const length = last.start + last.node.data.length
  const range = layer.ownerDocument.createRange()
  if (typeof range.getBoundingClientRect !== 'function') return undefined
  const boxOf = (offset: number) => {
    // The text node holding offset, by binary search over the nodes' starts.
    let low = 0
    let high = nodes.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (nodes[middle]!.start <= offset) low = middle
      else high = middle - 1
    }
    const { node, start } = nodes[low]!
    range.setStart(node, offset - start)
    range.setEnd(node, offset - start + 1)
    return range.getBoundingClientRect()
  }
  let low = 0
  let high = length - 1
  while (low <= high) {
    let middle = (low + high) >> 1
    let box = boxOf(middle)
    // A line break has no box of its own: compare with the next character that has one.
    while (box.width === 0 && box.height === 0 && middle < high) box = boxOf(++middle)
    if (box.width === 0 && box.height === 0) {
      high = ((low + high) >> 1) - 1
      continue
    }
    if (y < box.top) high = ((low + high) >> 1) - 1
    else if (y >= box.bottom) low = middle + 1
    else if (x < box.left) high = ((low + high) >> 1) - 1
    else if (x >= box.right) low = middle + 1
    else return middle
  }
  return undefined
}

interface CaretPosition {
  readonly offsetNode: Node
  readonly offset: number
}

/**
 * The character under (x, y) in a textarea: from its layer when it has one, else from the
 * browser's caret position (CSSOM View: over a textarea it names the textarea and an offset in
 * its value), which is the caret nearest the point.
 */
export function offsetAtPoint(textarea: HTMLTextAreaElement, layer: HTMLElement | null, x: number, y: number): number | undefined {
  if (layer) return offsetInLayer(layer, x, y)
  const doc = textarea.ownerDocument as Document & { caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null }
  const position = doc.caretPositionFromPoint?.(x, y)
  return position?.offsetNode === textarea ? position.offset : undefined
}
