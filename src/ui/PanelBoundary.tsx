import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Names the panel in the message: "The signature panel failed". */
  name: string
  children: ReactNode
}

interface State {
  error?: Error
  /** Bumped on reset, so the panel mounts afresh. */
  generation: number
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
      return (
        <section className="panel panel-failed" role="alert">
          <p>
            <strong>The {this.props.name} failed</strong>: {error.message}. Your token and keys are kept.
          </p>
          <button type="button" className="small-button" onClick={() => this.setState({ error: undefined, generation: generation + 1 })}>
            Reset the {this.props.name}
          </button>
        </section>
      )
    }
    return <div key={generation} className="panel-slot">{this.props.children}</div>
  }
}
