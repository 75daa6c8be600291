// "Import from calendar": an invitation or calendar file (.ics) previewed as meetings — what would be new,
// updated, unchanged or cancelled, each at its local time, the events skipped and why, the invited people the
// store does not know — then imported, or discarded.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Results } from '../../../../electron/api/contract.js';
import { formatDate } from '../../components/format.js';
import { useFileImport } from './file-import.js';
import { ImportFileForm } from './ImportFileForm.js';
import { ImportCounts, ReportList } from './ImportReport.js';

type Report = Results['calendarImport'];

export function CalendarImport() {
  const { t } = useTranslation();
  const state = useFileImport('calendarImport', 'calendar');
  const report = state.apply.data ?? state.preview.data;
  return (
    <ImportFileForm
      title={t('calendar.import')}
      fileLabel={t('calendar.file')}
      accept=".ics,text/calendar"
      previewLabel={t('calendar.review')}
      applyLabel={t('calendar.apply')}
      state={state}
      applied={t('calendar.applied', {
        created: state.apply.data?.created,
        updated: state.apply.data?.updated,
      })}
    >
      {report && <CalendarReport report={report} />}
    </ImportFileForm>
  );
}

const COUNTS = ['created', 'updated', 'unchanged', 'cancelled'] as const;

function CalendarReport({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" className="calendar-report">
      <ImportCounts dryRun={report.dryRun} counts={Object.fromEntries(COUNTS.map((c) => [c, report[c]]))} />
      <Title order={3} size="h5">
        {t('calendar.meetings')}
      </Title>
      {report.meetings.length === 0 && <Text size="sm">{t('calendar.noMeetings')}</Text>}
      {report.meetings.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t('calendar.meetings')} tabIndex={0}>
          <Table withTableBorder striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('calendar.title')}</Table.Th>
                <Table.Th scope="col">{t('calendar.starts')}</Table.Th>
                <Table.Th scope="col">{t('calendar.timeZone')}</Table.Th>
                <Table.Th scope="col">{t('calendar.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.meetings.map((meeting) => (
                <Table.Tr key={meeting.uid}>
                  <Table.Td dir="auto">{meeting.title}</Table.Td>
                  <Table.Td>{formatDate(meeting.startsAt, i18n.language)}</Table.Td>
                  <Table.Td>{meeting.timeZone}</Table.Td>
                  <Table.Td>{t(`calendar.actions.${meeting.action}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <ReportList title={t('calendar.skipped')}>
        {report.skipped.map((skip, i) => (
          <li key={`${skip.uid}:${i}`}>
            <Text size="sm" span className="import-uid">
              {skip.uid}
            </Text>
            : {skip.reason}
          </li>
        ))}
      </ReportList>
      <ReportList title={t('calendar.unknownAttendees')} hint={t('calendar.unknownHint')}>
        {report.unknownAttendees.map((person) => (
          <li key={`${person.uid}:${person.email || person.name}`}>
            <span dir="auto">{person.name}</span>
            {person.email && ` <${person.email}>`}
          </li>
        ))}
      </ReportList>
    </Stack>
  );
}
