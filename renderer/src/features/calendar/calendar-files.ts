// A meeting's calendar file (.ics) on its way out. In a browser the bridge writes it and the page downloads
// it; in the desktop app it is saved where the user chooses, as a document's version is.
import type { ValijaBridge } from '../../../../electron/api/progress.js';
import type { BridgeFiles } from '../../api/client.js';

/** A file name from the meeting's title, without the characters file systems refuse. */
export function calendarFileName(title: string): string {
  const name = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${name || 'meeting'}.ics`;
}

/** Writes the meeting's .ics; false when the user cancels the desktop app's save dialog. */
export async function saveMeetingCalendar(
  meeting: { id: string; title: string },
  files: BridgeFiles | null,
  api: ValijaBridge,
): Promise<boolean> {
  const name = calendarFileName(meeting.title);
  if (files) {
    const result = await files.call('calendarExport', { meetingId: meeting.id });
    await files.save(result.download, name);
    return true;
  }
  const { file } = await api.chooseSaveFile({ defaultName: name });
  if (!file) return false;
  await api.calendarExport({ meetingId: meeting.id, file });
  return true;
}
