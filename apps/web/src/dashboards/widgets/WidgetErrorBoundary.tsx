import { Component, type ReactNode } from 'react';
import { WidgetError } from './WidgetStates.tsx';

interface Props {
  /** New data (or a new widget config) gives the widget another chance. */
  resetKey: unknown;
  children: ReactNode;
}

/** One widget failing to render shows its own error instead of taking the dashboard down. */
export class WidgetErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (this.state.failed) return <WidgetError message="This widget could not be shown." />;
    return this.props.children;
  }
}
