// Beside an initiative, a party or a person, what relates to it (the API's `related`), each entry a link to its
// page. Documents are left to the documents panel on the same page.
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Related, RelatedKind, RelatedList, RelatedRecord } from '../../../../domain/results.js';
import { api } from '../../api/client.js';
import { call } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';
import { href } from '../../app/router.js';

const LISTS: Record<RelatedKind, (keyof Related)[]> = {
  initiative: ['meetings', 'commitments'],
  party: ['people', 'meetings', 'initiatives', 'commitments'],
  person: ['meetings'],
};

const STATUS_GROUP: Partial<Record<string, string>> = {
  commitment: 'commitmentStatus',
  initiative: 'initiativeStatus',
};

function linkTo(item: RelatedRecord): string {
  return item.kind === 'meeting'
    ? href({ section: 'meetings', id: item.id, tab: 'overview' })
    : href({ section: 'record', kind: item.kind, id: item.id });
}

export function RelatedLists({ kind, id }: { kind: RelatedKind; id: string }) {
  const { t, i18n } = useTranslation();
  const related = useQuery({
    queryKey: ['related', kind, id],
    queryFn: () => call(() => api().related({ kind, id, limit: 50 })),
  });
  if (related.error) return <ErrorMessage error={related.error} />;
  if (!related.data) return null;
  const data = related.data;
  return (
    <section aria-labelledby="related-title" className="related-lists">
      <Title order={2} size="h4" id="related-title" mb="xs">
        {t('documents.related.title')}
      </Title>
      <Stack gap="sm">
        {LISTS[kind].map((name) => {
          const list = data[name] as RelatedList | undefined;
          if (!list) return null;
          const heading =
            kind === 'party' && name === 'commitments'
              ? t('documents.related.openCommitments')
              : t(`documents.related.${name}`);
          return (
            <div key={name} aria-label={heading} role="group">
              <Text fw={600} size="sm">
                {heading} ({list.total})
              </Text>
              {list.items.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('documents.related.none')}
                </Text>
              ) : (
                <ul className="plain-list">
                  {list.items.map((item) => (
                    <li key={item.id}>
                      <Group gap={6} wrap="nowrap">
                        <Anchor href={linkTo(item)} size="sm">
                          {item.title || t('common.untitled')}
                        </Anchor>
                        {item.date && (
                          <Text size="xs" c="dimmed">
                            {formatDate(item.date, i18n.language)}
                          </Text>
                        )}
                        {item.status && STATUS_GROUP[item.kind] && (
                          <Badge size="xs" variant="light">
                            {t(`enums.${STATUS_GROUP[item.kind]}.${item.status}`)}
                          </Badge>
                        )}
                      </Group>
                    </li>
                  ))}
                </ul>
              )}
              {list.total > list.items.length && (
                <Text size="xs" c="dimmed">
                  {t('documents.related.more', { count: list.total - list.items.length })}
                </Text>
              )}
            </div>
          );
        })}
      </Stack>
    </section>
  );
}
