import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KINDS } from '../../../../db/kinds.js';
import { api } from '../../api/client.js';
import { call } from '../../api/queries.js';
import { openRecord } from '../../app/openRecord.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';

/** The ten records changed last, of every kind a user lists. */
export function RecentlyChanged() {
  const { t, i18n } = useTranslation();
  const recent = useQuery({
    queryKey: ['list', 'recent'],
    queryFn: () => call(() => api().recent({ limit: 10 })),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-recent">
      <Title order={2} size="h4" id="home-recent" mb="sm">
        {t('home.recent')}
      </Title>
      {recent.error && <ErrorMessage error={recent.error} />}
      <Stack gap={6} component="ul" className="plain-list">
        {(recent.data ?? []).map(({ kind, record }) => (
          <li key={record.id} className="home-row">
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" color="gray">
                {t(`kinds.${kind}`)}
              </Badge>
              <Anchor
                component="button"
                type="button"
                size="sm"
                className="link-button"
                onClick={() => void openRecord(kind, record.id)}
              >
                {String(record[KINDS[kind].titleField] ?? '')}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {formatDate(String(record.updatedAt ?? ''), i18n.language)}
            </Text>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
