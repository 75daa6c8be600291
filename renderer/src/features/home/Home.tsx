// Home: the next meetings, then the latest past ones; open commitments (overdue first) and what changed
// lately — a few of each, read from the store already sorted, so Home costs the same with 10,000 meetings.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment, Meeting } from '../../api/records.js';
import { useState } from 'react';
import { usePage } from '../../api/pages.js';
import { href } from '../../app/router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate, today } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { usePartyNames } from '../../components/parties.js';
import { ChangedSinceNoted, RecentlyChanged } from './ChangedRecords.js';

/** How many meetings and open commitments Home shows; the full lists are a click away. */
const SHOWN = 8;

/** Now, to the minute, fixed while Home is on screen (the queries' keys must not change each render). */
function useNow(): string {
  const [now] = useState(() => new Date().toISOString().slice(0, 16) + ':00Z');
  return now;
}

export function Home() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')}>
      <div className="home-grid">
        <HomeMeetings />
        <OpenCommitments />
        <RecentlyChanged />
        <ChangedSinceNoted />
      </div>
    </Page>
  );
}

/** The next meetings (soonest first), the latest past ones (newest first), then a few without a date. */
function HomeMeetings() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const upcoming = usePage<Meeting>({ kind: 'meeting', from: now, order: 'oldest', limit: SHOWN });
  const past = usePage<Meeting>({ kind: 'meeting', to: now, order: 'newest', limit: SHOWN });
  const undated = usePage<Meeting>({ kind: 'meeting', dated: false, order: 'oldest', limit: SHOWN });
  const error = upcoming.error ?? past.error ?? undated.error;
  const meetings = [upcoming, past, undated].flatMap((q) => q.data?.records ?? []);
  const total = [upcoming, past, undated].reduce((n, q) => n + (q.data?.total ?? 0), 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-meetings">
      <Title order={2} size="h4" id="home-meetings" mb="sm">
        {t('home.meetings')}
      </Title>
      {error && <ErrorMessage error={error} />}
      {(upcoming.isPending || past.isPending || undated.isPending) && <Loading />}
      <Stack gap={6} component="ul" className="plain-list">
        {meetings.map((meeting) => (
          <li key={meeting.id} className="home-row">
            <Anchor
              href={href({ section: 'meetings', id: meeting.id, tab: 'overview' })}
              className="meeting-title"
              size="sm"
              fw={600}
            >
              {meeting.title}
            </Anchor>
            <Group gap={6}>
              {meeting.start >= now && (
                <Badge size="xs" variant="light" color="teal">
                  {t('home.upcoming')}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {[meeting.place, meeting.start ? formatDate(meeting.start, i18n.language) : t('home.undated')]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
      <Anchor href={href({ section: 'meetings' })} size="sm" mt="sm" display="block">
        {t('home.allMeetings', { count: total })}
      </Anchor>
    </Paper>
  );
}

/** Open commitments, due soonest first (so overdue ones first), undated last: the store's order. */
function OpenCommitments() {
  const { t, i18n } = useTranslation();
  const commitments = usePage<Commitment>({ kind: 'commitment', status: 'open', limit: SHOWN });
  const partyName = usePartyNames();
  const day = today();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-commitments">
      <Title order={2} size="h4" id="home-commitments" mb="sm">
        {t('home.commitments')}
      </Title>
      {commitments.error && <ErrorMessage error={commitments.error} />}
      {commitments.isPending && <Loading />}
      <Stack gap={6} component="ul" className="plain-list">
        {(commitments.data?.records ?? []).map((c) => (
          <li key={c.id} className="home-row">
            <Anchor href={href({ section: 'record', kind: 'commitment', id: c.id })} size="sm">
              {c.text}
            </Anchor>
            <Group gap={6}>
              {c.dueDate && c.dueDate < day && (
                <Badge size="xs" color="red" variant="filled">
                  {t('home.overdue')}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {[
                  c.owingPartyId ? partyName.get(c.owingPartyId) : '',
                  c.dueDate ? t('home.due', { date: formatDate(c.dueDate, i18n.language) }) : t('home.noDue'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
      {(commitments.data?.total ?? 0) > SHOWN && (
        <Anchor href={href({ section: 'commitments' })} size="sm" mt="sm" display="block">
          {t('home.moreCommitments', { count: commitments.data?.total ?? 0 })}
        </Anchor>
      )}
    </Paper>
  );
}
