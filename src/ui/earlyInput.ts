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

/** Starts keeping what is entered in `container`'s fields; the function returned enters it again, once. */
export function keepEarlyInput(container: HTMLElement): () => void {
  const entered = new Map<string, { value: string; rendered: string }>()
  const keep = (field: Field) => {
    const value = valueOf(field)
    const rendered = renderedValueOf(field)
    if (value === rendered) entered.delete(field.id)
    else entered.set(field.id, { value, rendered })
  }
  for (const field of container.querySelectorAll('textarea, input, select')) if (isField(field) && field.id) keep(field)
  const record = (event: Event) => {
    if (isField(event.target) && event.target.id) keep(event.target)
  }
  container.addEventListener('input', record, true)
  container.addEventListener('change', record, true)
  return () => {
    container.removeEventListener('input', record, true)
    container.removeEventListener('change', record, true)
    for (const [id, { value, rendered }] of entered) {
      const field = document.getElementById(id)
      if (isField(field)) enter(field, value, rendered)
    }
    entered.clear()
  }
}
