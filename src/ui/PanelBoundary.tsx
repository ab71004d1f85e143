import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useMessages, type Messages } from '../i18n'

export type PanelName = keyof Messages['panels']

interface Props {
  /** Names the panel in the message: "The signature panel failed". */
  name: PanelName
  children: ReactNode
}

interface State {
  error?: Error
  /** Bumped on reset, so the panel mounts afresh. */
  generation: number
}

/** The message shown in place of a failed panel (a function component, to read the catalogue). */
function PanelFailed({ name, error, onReset }: { name: PanelName; error: Error; onReset: () => void }) {
  const t = useMessages()
  const panel = t.panels[name]
  return (
    <section className="panel panel-failed" role="alert">
      <p>
        <strong>{t.boundary.failed(panel)}</strong>
        {t.boundary.rest(error.message)}
      </p>
      <button type="button" className="small-button" onClick={onReset}>
        {t.boundary.reset(panel)}
      </button>
    </section>
  )
}

/**
 * If a panel ever throws while rendering, it alone is replaced by a message with a reset button;
 * the rest of the page, and the token the user typed (kept in the store), stay as they were.
 */
export class PanelBoundary extends Component<Props, State> {
  state: State = { generation: 0 }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for a bug report; nothing is sent anywhere.
    console.warn(`${this.props.name} failed`, error, info.componentStack)
  }

  render() {
    const { error, generation } = this.state
    if (error) {
      return <PanelFailed name={this.props.name} error={error} onReset={() => this.setState({ error: undefined, generation: generation + 1 })} />
    }
    return <div key={generation} className="panel-slot">{this.props.children}</div>
  }
}
