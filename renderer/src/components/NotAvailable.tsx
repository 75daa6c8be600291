import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An honest placeholder for a screen not built yet. */
export function NotAvailable({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <Title order={1} id="page-title" className="page-title">
        {title}
      </Title>
      <Paper withBorder p="lg" mt="md">
        <Text fw={600}>{t('app.notAvailable')}</Text>
        <Text size="sm" c="dimmed">
          {t('app.notAvailableHint')}
        </Text>
      </Paper>
    </section>
  );
}
