// One meeting: its tabs (overview, programme, points to make, participants, commitments, notes, book) and,
// beside them, the notes on the meeting.
import { Anchor, Badge, Group, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRecord } from '../../api/queries.js';
import type { Meeting } from '../../api/records.js';
import { href, MEETING_TABS, navigate, type MeetingTab } from '../../app/router.js';
import { DeleteRecord } from '../../components/DeleteRecord.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { BookBuilder } from '../book/BookBuilder.js';
import { AddToCalendar } from '../calendar/AddToCalendar.js';
import { CommitmentsTab } from './CommitmentsTab.js';
import { OverviewTab } from './OverviewTab.js';
import { ParticipantsTab } from './ParticipantsTab.js';
import { PointsTab } from './PointsTab.js';
import { ProgrammeTab } from './ProgrammeTab.js';

export function MeetingPage({ id, tab }: { id: string; tab: MeetingTab }) {
  const { t } = useTranslation();
  const meeting = useRecord<Meeting>('meeting', id);
  if (meeting.error) return <ErrorMessage error={meeting.error} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  const withSidePanel = tab !== 'notes';
  return (
    <div className={withSidePanel ? 'with-side-panel' : undefined}>
      <section aria-labelledby="page-title" className="meeting-main">
        <Anchor href={href({ section: 'meetings' })} size="sm">
          ← {t('meetings.back')}
        </Anchor>
        <Title order={1} id="page-title" className="page-title" mt={4}>
          {m.title}
        </Title>
        <Group gap="xs" mb="md">
          <Badge variant="light" color="indigo">
            {t(`enums.meetingKind.${m.kind}`)}
          </Badge>
          <Badge variant="outline" color="gray">
            {t(`enums.classification.${m.classification}`)}
          </Badge>
          {m.place && (
            <Text size="sm" c="dimmed">
              {m.place}
            </Text>
          )}
          <span className="spacer" />
          <AddToCalendar meetingId={id} title={m.title} />
          <DeleteRecord
            kind="meeting"
            id={id}
            title={m.title}
            afterDelete={() => navigate({ section: 'meetings' })}
          />
        </Group>
        <Tabs
          value={tab}
          onChange={(value) => value && navigate({ section: 'meetings', id, tab: value as MeetingTab })}
          keepMounted={false}
        >
          <Tabs.List>
            {MEETING_TABS.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {t(`meetings.tabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <OverviewTab meeting={m} />
          </Tabs.Panel>
          <Tabs.Panel value="programme" pt="md">
            <ProgrammeTab meetingId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="points" pt="md">
            <PointsTab meeting={m} />
          </Tabs.Panel>
          <Tabs.Panel value="participants" pt="md">
            <ParticipantsTab meetingId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="commitments" pt="md">
            <CommitmentsTab meetingId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="documents" pt="md">
            <DocumentsPanel kind="meeting" id={id} />
          </Tabs.Panel>
          <Tabs.Panel value="notes" pt="md">
            <AnnotationsPanel kind="meeting" id={id} targetVersion={m.version} headingLevel={2} />
          </Tabs.Panel>
          <Tabs.Panel value="book" pt="md">
            <BookBuilder meeting={m} />
          </Tabs.Panel>
        </Tabs>
      </section>
      {withSidePanel && (
        <aside className="side-panel" aria-label={t('notes.title')}>
          <AnnotationsPanel kind="meeting" id={id} targetVersion={m.version} headingLevel={2} compact />
        </aside>
      )}
    </div>
  );
}
