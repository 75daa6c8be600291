// A screen that throws while rendering shows what happened instead of a blank window; the rest of the
// shell (navigation, search) keeps working.
import { Alert, Button, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import i18next from '../i18n/index.js';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" role="alert" title={i18next.t('errors.crash')} m="md">
        <Text size="sm" mb="sm">
          {this.state.error.message}
        </Text>
        <Button size="xs" variant="default" onClick={() => this.setState({ error: null })}>
          {i18next.t('errors.retry')}
        </Button>
      </Alert>
    );
  }
}
