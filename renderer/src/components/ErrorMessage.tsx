// An API failure in the user's language: the sentence for its code, then the code and the server's own
// words for whoever has to fix it.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fromBridgedError } from '../api/errors.js';

export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const { code } = fromBridgedError(error);
    const key = `errors.${code}`;
    return i18n.exists(key) ? t(key) : t('errors.E_INTERNAL');
  };
}

export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const text = useErrorText();
  const { code, message } = fromBridgedError(error);
  // Stopped on the user's own request: a plain notice, not an alarm.
  const cancelled = code === 'E_CANCELLED';
  return (
    <Alert
      color={cancelled ? 'gray' : 'red'}
      variant="light"
      role={cancelled ? 'status' : 'alert'}
      title={title ?? (cancelled ? t('errors.cancelledTitle') : t('errors.title'))}
      className="error-message"
    >
      <Text size="sm">{text(error)}</Text>
      <Text size="xs" c="dimmed" mt={4} className="error-detail">
        {code}: {message}
      </Text>
    </Alert>
  );
}
