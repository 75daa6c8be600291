// Every meeting, filtered by counterpart and kind and sorted by date; the list is virtualized (only the
// rows in view are in the page), so a store with thousands of meetings scrolls as one with three.
import { Anchor, Badge, Group, NativeSelect, Paper, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS } from '../../../../db/kinds.js';
import { api } from '../../api/client.js';
import { useApiMutation, useList } from '../../api/queries.js';
import type { Meeting, Party } from '../../api/records.js';
import { href, navigate } from '../../app/router.js';
import { AddText } from '../../components/AddText.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { enumOptions } from '../../components/options.js';

const ROW_HEIGHT = 64;

export function filterMeetings(
  meetings: Meeting[],
  filter: { partyId: string; kind: string; order: 'newest' | 'oldest' },
): Meeting[] {
  const kept = meetings.filter(
    (m) =>
      (!filter.partyId || m.partyIds.includes(filter.partyId)) && (!filter.kind || m.kind === filter.kind),
  );
  // Undated meetings last either way.
  const dated = kept.filter((m) => m.start).sort((a, b) => a.start.localeCompare(b.start));
  if (filter.order === 'newest') dated.reverse();
  return [...dated, ...kept.filter((m) => !m.start)];
}

export function MeetingsList() {
  const { t, i18n } = useTranslation();
  const meetings = useList<Meeting>('meeting');
  const parties = useList<Party>('party');
  const [partyId, setPartyId] = useState('');
  const [kind, setKind] = useState('');
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const create = useApiMutation((title: string) => api().put({ kind: 'meeting', record: { title } }));
  const partyName = useMemo(() => new Map((parties.data ?? []).map((p) => [p.id, p.name])), [parties.data]);
  const involved = useMemo(() => {
    const ids = new Set((meetings.data ?? []).flatMap((m) => m.partyIds));
    return [...ids]
      .map((id) => ({ value: id, label: partyName.get(id) ?? id }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [meetings.data, partyName, i18n.language]);
  const shown = useMemo(
    () => filterMeetings(meetings.data ?? [], { partyId, kind, order }),
    [meetings.data, partyId, kind, order],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <section aria-labelledby="page-title">
      <Group justify="space-between" align="baseline">
        <Title order={1} id="page-title" className="page-title">
          {t('meetings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('meetings.count', { count: shown.length })}
        </Text>
      </Group>
      <Group gap="sm" mb="sm" align="end">
        <NativeSelect
          label={t('meetings.filterCounterpart')}
          value={partyId}
          onChange={(e) => setPartyId(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...involved]}
          className="filter"
        />
        <NativeSelect
          label={t('meetings.filterKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...enumOptions(MEETING_KINDS, 'meetingKind', t)]}
          className="filter"
        />
        <NativeSelect
          label={t('common.sortBy')}
          value={order}
          onChange={(e) => setOrder(e.currentTarget.value as 'newest' | 'oldest')}
          data={[
            { value: 'newest', label: t('meetings.sortNewest') },
            { value: 'oldest', label: t('meetings.sortOldest') },
          ]}
          className="filter"
        />
      </Group>
      {meetings.error && <ErrorMessage error={meetings.error} />}
      {meetings.isPending && <Loading />}
      {meetings.isSuccess && shown.length === 0 && <Text c="dimmed">{t('meetings.none')}</Text>}
      <Paper withBorder className="virtual-scroller" ref={scroller}>
        <div role="list" className="virtual-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const meeting = shown[row.index]!;
            return (
              <div
                role="listitem"
                key={meeting.id}
                className="meeting-row"
                style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              >
                <Anchor
                  href={href({ section: 'meetings', id: meeting.id, tab: 'overview' })}
                  fw={600}
                  className="meeting-row-title"
                >
                  {meeting.title}
                </Anchor>
                <Group gap={8}>
                  <Badge size="xs" variant="light" color="indigo">
                    {t(`enums.meetingKind.${meeting.kind}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {[
                      meeting.start ? formatDate(meeting.start, i18n.language) : t('home.undated'),
                      meeting.place,
                      meeting.partyIds.map((id) => partyName.get(id) ?? '').join(', '),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Group>
              </div>
            );
          })}
        </div>
      </Paper>
      <div className="below-list">
        <AddText
          label={t('meetings.new')}
          onAdd={async (title) => {
            const meeting = await create.mutateAsync(title);
            if (!Array.isArray(meeting)) navigate({ section: 'meetings', id: meeting.id, tab: 'overview' });
          }}
        />
      </div>
    </section>
  );
}
