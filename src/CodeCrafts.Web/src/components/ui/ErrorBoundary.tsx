import { Component, type ErrorInfo, type ReactNode } from 'react';
import styles from './ui.module.css';

interface State {
  failed: boolean;
}

/** A screen that throws while rendering shows this instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the learner sees the message below.
    console.warn('Screen failed to render', error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className={`card ${styles.crash}`} role="alert">
        <h1>This screen hit a snag</h1>
        <p>Reloading usually fixes it. Your progress is saved.</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
