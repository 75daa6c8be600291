// "Add to calendar": a meeting written as an iCalendar (.ics) file. In a browser the bridge writes it and the
// page downloads it; in the desktop app it is saved where the user chooses, as a document's version is.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, bridgeFiles } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';

/** A file name from the meeting's title, without the characters file systems refuse. */
export function calendarFileName(title: string): string {
  const name = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${name || 'meeting'}.ics`;
}

export function AddToCalendar({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useTranslation();
  const files = bridgeFiles();
  const run = useApiMutation(async () => {
    const name = calendarFileName(title);
    if (files) {
      const result = await files.call('calendarExport', { meetingId });
      await files.save(result.download, name);
      return true;
    }
    const { file } = await api().chooseSaveFile({ defaultName: name });
    if (!file) return false;
    await api().calendarExport({ meetingId, file });
    return true;
  });
  return (
    <>
      <Button size="xs" variant="default" loading={run.isPending} onClick={() => run.mutate()}>
        {t('calendar.add')}
      </Button>
      {run.error && <ErrorMessage error={run.error} />}
    </>
  );
}
