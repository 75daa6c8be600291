// "Add to calendar" on a meeting's page: its .ics downloaded (browser) or saved (desktop app).
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, bridgeFiles } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { saveMeetingCalendar } from './calendar-files.js';

export function AddToCalendar({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useTranslation();
  const run = useApiMutation(() => saveMeetingCalendar({ id: meetingId, title }, bridgeFiles(), api()));
  return (
    <>
      <Button size="xs" variant="default" loading={run.isPending} onClick={() => run.mutate()}>
        {t('calendar.add')}
      </Button>
      {run.error && <ErrorMessage error={run.error} />}
    </>
  );
}
