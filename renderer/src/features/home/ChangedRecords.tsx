// Home's two lists of changed records: those changed last, and those changed since I annotated them.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KINDS, type KindName, type StoredRecord } from '../../../../domain/kinds.js';
import { api } from '../../api/client.js';
import { call } from '../../api/queries.js';
import { openRecord } from '../../app/openRecord.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';

/** The ten records changed last, of every kind a user lists. */
export function RecentlyChanged() {
  const recent = useQuery({
    queryKey: ['list', 'recent'],
    queryFn: () => call(() => api().recent({ limit: 10 })),
  });
  return <ChangedList id="home-recent" title="home.recent" empty="home.nothingRecent" query={recent} />;
}

/** Records I wrote a note on that moved on since: worth reading again before a meeting. */
export function ChangedSinceNoted() {
  const noted = useQuery({
    queryKey: ['list', 'changedSinceNoted'],
    queryFn: () => call(() => api().changedSinceNoted({ limit: 10 })),
  });
  return <ChangedList id="home-noted" title="home.sinceNoted" empty="home.nothingNoted" query={noted} />;
}

function ChangedList({
  id,
  title,
  empty,
  query,
}: {
  id: string;
  title: string;
  empty: string;
  query: { data?: { kind: KindName; record: StoredRecord }[]; error: Error | null };
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {t(title)}
      </Title>
      {query.error && <ErrorMessage error={query.error} />}
      {query.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(empty)}
        </Text>
      )}
      <Stack gap={6} component="ul" className="plain-list">
        {(query.data ?? []).map(({ kind, record }) => (
          <li key={record.id} className="home-row">
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" color="gray" className="kind-badge">
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
