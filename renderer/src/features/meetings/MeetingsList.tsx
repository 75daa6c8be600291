// Every meeting, filtered by counterpart, kind and dates and sorted by date — by the store, which hands the
// list one page at a time; the list is virtualized (only the rows in view are in the page and only their
// pages are read), so a store with thousands of meetings scrolls as one with three.
import { Anchor, Badge, Group, NativeSelect, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS } from '../../../../domain/kinds.js';
import { api } from '../../api/client.js';
import type { ListQuery } from '../../api/pages.js';
import { useApiMutation } from '../../api/queries.js';
import type { Meeting } from '../../api/records.js';
import { href, navigate } from '../../app/router.js';
import { AddText } from '../../components/AddText.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { formatDate } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { enumOptions } from '../../components/options.js';
import { usePartyNames, usePartyOptions } from '../../components/parties.js';
import { usePagedList } from '../../components/usePagedList.js';

const ROW_HEIGHT = 64;

/** The day after an ISO date: the date range's end is inclusive, the store's `to` is not. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function MeetingsList() {
  const { t, i18n } = useTranslation();
  const [partyId, setPartyId] = useState('');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const create = useApiMutation((title: string) => api().put({ kind: 'meeting', record: { title } }));
  const partyName = usePartyNames();
  const partyOptions = usePartyOptions();
  // The store filters and sorts; the list reads only the pages in view.
  const query: ListQuery = {
    kind: 'meeting',
    order,
    ...(partyId && { partyId }),
    ...(kind && { meetingKind: kind as (typeof MEETING_KINDS)[number] }),
    ...(ISO_DATE.test(from) && { from }),
    ...(ISO_DATE.test(to) && { to: dayAfter(to) }),
  };
  const {
    head,
    total,
    scroller,
    virtualizer,
    items,
    recordAt: meetingAt,
  } = usePagedList<Meeting>(query, ROW_HEIGHT, 8);

  return (
    <Page
      title={t('meetings.title')}
      aside={
        <Text size="sm" c="dimmed">
          {t('meetings.count', { count: total })}
        </Text>
      }
    >
      <Group gap="sm" mb="sm" align="end">
        <FilterSelect
          label={t('meetings.filterCounterpart')}
          value={partyId}
          onChange={setPartyId}
          options={partyOptions}
        />
        <FilterSelect
          label={t('meetings.filterKind')}
          value={kind}
          onChange={setKind}
          options={enumOptions(MEETING_KINDS, 'meetingKind', t)}
        />
        <TextInput
          type="date"
          label={t('meetings.filterFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          className="filter-date"
        />
        <TextInput
          type="date"
          label={t('meetings.filterTo')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          className="filter-date"
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
      {head.error && <ErrorMessage error={head.error} />}
      {head.isPending && <Loading />}
      {head.isSuccess && total === 0 && <Text c="dimmed">{t('meetings.none')}</Text>}
      <Paper withBorder className="virtual-scroller" ref={scroller}>
        <div role="list" className="virtual-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((row) => {
            const meeting = meetingAt(row.index);
            if (!meeting) {
              return (
                <div
                  role="listitem"
                  key={`row-${row.index}`}
                  className="meeting-row"
                  aria-busy="true"
                  style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  <Text c="dimmed">…</Text>
                </div>
              );
            }
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
    </Page>
  );
}
