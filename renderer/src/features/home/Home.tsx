// Home: the meetings (next first, then the most recent), open commitments (overdue first) and what changed
// lately.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment, Meeting, Party } from '../../api/records.js';
import { useList } from '../../api/queries.js';
import { href } from '../../app/router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate, today } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { RecentlyChanged } from './RecentlyChanged.js';

/** Upcoming meetings by date ascending, then past ones newest first, then those without a date. */
export function homeOrder(meetings: Meeting[], now = new Date().toISOString()): Meeting[] {
  const upcoming = meetings
    .filter((m) => m.start && m.start >= now)
    .sort((a, b) => a.start.localeCompare(b.start));
  const past = meetings
    .filter((m) => m.start && m.start < now)
    .sort((a, b) => b.start.localeCompare(a.start));
  return [...upcoming, ...past, ...meetings.filter((m) => !m.start)];
}

export function Home() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <Title order={1} id="page-title" className="page-title">
        {t('home.title')}
      </Title>
      <div className="home-grid">
        <HomeMeetings />
        <OpenCommitments />
        <RecentlyChanged />
      </div>
    </section>
  );
}

function HomeMeetings() {
  const { t, i18n } = useTranslation();
  const meetings = useList<Meeting>('meeting');
  const now = new Date().toISOString();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-meetings">
      <Title order={2} size="h4" id="home-meetings" mb="sm">
        {t('home.meetings')}
      </Title>
      {meetings.error && <ErrorMessage error={meetings.error} />}
      {meetings.isPending && <Loading />}
      <Stack gap={6} component="ul" className="plain-list">
        {homeOrder(meetings.data ?? [], now).map((meeting) => (
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
    </Paper>
  );
}

/** Open commitments: overdue first (oldest due date first), then by due date, undated last. */
export function commitmentOrder(items: Commitment[], day = today()): Commitment[] {
  const rank = (c: Commitment) => (c.dueDate && c.dueDate < day ? 0 : c.dueDate ? 1 : 2);
  return items
    .filter((c) => c.status === 'open')
    .sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate));
}

function OpenCommitments() {
  const { t, i18n } = useTranslation();
  const commitments = useList<Commitment>('commitment');
  const parties = useList<Party>('party');
  const partyName = new Map((parties.data ?? []).map((p) => [p.id, p.name]));
  const day = today();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-commitments">
      <Title order={2} size="h4" id="home-commitments" mb="sm">
        {t('home.commitments')}
      </Title>
      {commitments.error && <ErrorMessage error={commitments.error} />}
      {commitments.isPending && <Loading />}
      <Stack gap={6} component="ul" className="plain-list">
        {commitmentOrder(commitments.data ?? [], day).map((c) => (
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
    </Paper>
  );
}
