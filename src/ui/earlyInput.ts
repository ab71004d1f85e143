/**
 * What a person does in the prerendered page before React has taken it over. The HTML arrives
 * with working fields: a token may be pasted, an algorithm chosen or a box ticked before the
 * scripts have run or while React hydrates, and hydration sets each field back to the state it
 * was rendered from. This keeps each field's latest value (as found when the script starts, then
 * from every input and change event) and, once hydrated, enters it again as a person would, so
 * the page reads it like any other input.
 */
type Field = HTMLTextAreaElement | HTMLInputElement | HTMLSelectElement

const isField = (element: unknown): element is Field =>
  element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement || element instanceof HTMLSelectElement

const isToggle = (field: Field): field is HTMLInputElement => field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')

/** A field's value as a person left it: its text, its choice, or whether it is ticked. */
const valueOf = (field: Field) => (isToggle(field) ? String(field.checked) : field.value)

/** What the HTML rendered it with. */
function renderedValueOf(field: Field): string {
  if (isToggle(field)) return String(field.defaultChecked)
  if (field instanceof HTMLSelectElement) return [...field.options].find((option) => option.defaultSelected)?.value ?? field.options[0]?.value ?? ''
  return field.defaultValue
}

/**
 * Enters a value the way the browser does for a person, so React's onChange sees it. React skips
 * an input event whose value it already knows, and hydration may have learnt the entered one from
 * the field itself; so the field is first set back to what was rendered, through React's own
 * tracking of the value, and then given the entered value as typing does.
 */
function enter(field: Field, value: string, rendered: string): void {
  if (isToggle(field)) {
    field.checked = value !== 'true'
    field.click()
    return
  }
  field.value = rendered
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set?.call(field, value)
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
}

/** Kept by field id: the value entered, and the value the HTML was rendered with. */
const kept = new Map<string, { value: string; rendered: string }>()

/** The attribute deferredPanel.tsx marks a part of the page with that hydrates later than the rest. */
const DEFERRED = 'data-deferred'

/** Where React handles input itself by now: the page once hydrated, and each later part once it has. */
let pageOwned = false
const ownedParts = new WeakSet<Element>()

const partOf = (field: Element) => field.closest(`[${DEFERRED}]`)
const isOwned = (field: Element) => {
  const part = partOf(field)
  return part ? ownedParts.has(part) : pageOwned
}

function keep(field: Field): void {
  const value = valueOf(field)
  const rendered = renderedValueOf(field)
  if (value === rendered) kept.delete(field.id)
  else kept.set(field.id, { value, rendered })
}

/**
 * Hydrating a <textarea>, React sets its default text to the text it already has, and Chromium
 * then moves the caret to the start: a person who has just selected the token to paste over it
 * would paste in front of it instead. Until React owns the field, a default text that changes
 * nothing on screen leaves the selection where the person put it.
 */
function keepSelection(field: HTMLTextAreaElement): void {
  const own = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'defaultValue')!
  Object.defineProperty(field, 'defaultValue', {
    configurable: true,
    get: () => own.get!.call(field) as string,
    set: (text: string) => {
      const { value, selectionStart, selectionEnd, selectionDirection } = field
      own.set!.call(field, text)
      if (field.value === value && (field.selectionStart !== selectionStart || field.selectionEnd !== selectionEnd)) field.setSelectionRange(selectionStart, selectionEnd, selectionDirection)
    },
  })
}

/** Starts keeping what is entered in the prerendered `container`'s fields, before and while React hydrates it. */
export function keepEarlyInput(container: HTMLElement): void {
  for (const field of container.querySelectorAll('textarea, input, select')) if (isField(field) && field.id) keep(field)
  for (const field of container.querySelectorAll('textarea')) keepSelection(field)
  // Capture, registered before React's own listeners: seen even where React does not handle it yet.
  const record = (event: Event) => {
    if (isField(event.target) && event.target.id && !isOwned(event.target)) keep(event.target)
  }
  container.addEventListener('input', record, true)
  container.addEventListener('change', record, true)
  // React hydrates a waiting part at once for a change made in it, and handles that change itself:
  // the part is owned by the time the event reaches the document, and what was kept of it is
  // not to be entered again. (Entered again, the choice was undone: the select showed the old
  // algorithm until the token was re-signed, and that is the value the second change carried.)
  const handledByReact = (event: Event) => {
    if (isField(event.target) && isOwned(event.target)) kept.delete(event.target.id)
  }
  document.addEventListener('input', handledByReact)
  document.addEventListener('change', handledByReact)
}

/** Marks a part hydrated: React handles what is entered in it from now on. */
export function ownEarlyInput(part: Element): void {
  ownedParts.add(part)
}

/**
 * Enters again what was kept for the fields React now owns: called with the page once it has
 * hydrated (the parts that hydrate later wait), then with each such part once it has.
 */
export function enterEarlyInput(scope: Element): void {
  const part = scope.hasAttribute(DEFERRED) ? scope : undefined
  if (part) ownedParts.add(part)
  else pageOwned = true
  for (const field of scope.querySelectorAll('textarea')) if (partOf(field) === (part ?? null)) Reflect.deleteProperty(field, 'defaultValue')
  // A copy: entering fires input events, which would otherwise be kept again.
  for (const [id, { value, rendered }] of [...kept]) {
    const field = document.getElementById(id)
    if (!isField(field) || !scope.contains(field) || partOf(field) !== (part ?? null)) continue
    kept.delete(id)
    enter(field, value, rendered)
  }
}
