import { Component, lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react'

/** The words of a disclosure panel, from its catalogue section. */
export interface DisclosureText {
  readonly title: string
  readonly hint: string
  readonly loading: string
  readonly loadFailed: (reason: string) => string
}

/**
 * A panel body whose code loads on first use, so the debugger's first load stays small. A failed
 * load (offline, or a newer deploy) is thrown when the body renders, for LazyDisclosure to say.
 */
export function lazyBody<P extends object = object>(load: () => Promise<ComponentType<P>>) {
  return lazy<ComponentType<P>>(() =>
    load().then(
      (Body) => ({ default: Body }),
      (error: unknown) => ({
        default: (): ReactNode => {
          throw error
        },
      }),
    ),
  )
}

/** Says that the body could not be loaded, in place of it, without taking the page down. */
export class LoadBoundary extends Component<{ readonly message: (reason: string) => string; readonly children: ReactNode }, { readonly error?: unknown }> {
  state: { readonly error?: unknown } = {}

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  render() {
    const { error } = this.state
    if (error === undefined) return this.props.children
    return (
      <p className="problem problem-error" role="alert">
        {this.props.message(error instanceof Error ? error.message : String(error))}
      </p>
    )
  }
}

interface Props {
  /** The panel's own class, e.g. `libraries-panel` (the phone layout orders panels by it). */
  readonly className: string
  readonly headingId: string
  readonly text: DisclosureText
  readonly body: ComponentType
  readonly detailsClassName?: string
}

/** A panel closed until asked for; its body loads the first time it is opened. */
export function LazyDisclosure({ className, headingId, text, body: Body, detailsClassName }: Props) {
  const [opened, setOpened] = useState(false)
  const details = useRef<HTMLDetailsElement>(null)
  // Opened in the prerendered page before React had hydrated it: its toggle event went unheard.
  useEffect(() => {
    if (details.current?.open) setOpened(true)
  }, [])
  return (
    <section className={`panel ${className}`} aria-labelledby={headingId}>
      <details ref={details} className={detailsClassName} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="keys-summary">
          <h2 id={headingId} className="panel-title keys-title">
            {text.title}
          </h2>
          <span className="keys-hint">{text.hint}</span>
        </summary>
        {opened && (
          <LoadBoundary message={text.loadFailed}>
            <Suspense fallback={<p className="keys-loading">{text.loading}</p>}>
              <Body />
            </Suspense>
          </LoadBoundary>
        )}
      </details>
    </section>
  )
}
