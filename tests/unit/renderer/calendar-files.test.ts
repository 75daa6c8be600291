// A meeting's "Add to calendar", both ways: the desktop app saves where its dialog says (a cancel writes
// nothing), a browser downloads the bridge's file under the meeting's name; the name is one a disk accepts.
import { describe, expect, it } from 'vitest';
import type { ValijaBridge } from '../../../electron/api/progress.js';
import type { BridgeFiles } from '../../../renderer/src/api/client.js';
import {
  calendarFileName,
  saveMeetingCalendar,
} from '../../../renderer/src/features/calendar/calendar-files.js';

const meeting = { id: 'm1', title: 'Gabinete Binacional: Quito / Lima' };

function fakeDesktop(save: string | null) {
  const calls: [string, unknown][] = [];
  const record = (method: string, value: unknown) => async (input: unknown) => {
    calls.push([method, input]);
    return value;
  };
  const api = {
    chooseSaveFile: record('chooseSaveFile', { file: save }),
    calendarExport: record('calendarExport', { file: save, events: 1 }),
  } as unknown as ValijaBridge;
  return { api, calls };
}

describe('a meeting added to a calendar', () => {
  it('in the desktop app: saved where the dialog says', async () => {
    const { api, calls } = fakeDesktop('/home/ana/gabinete.ics');
    expect(await saveMeetingCalendar(meeting, null, api)).toBe(true);
    expect(calls).toEqual([
      ['chooseSaveFile', { defaultName: 'Gabinete Binacional Quito Lima.ics' }],
      ['calendarExport', { meetingId: 'm1', file: '/home/ana/gabinete.ics' }],
    ]);
  });

  it('in the desktop app: nothing written when the dialog is cancelled', async () => {
    const { api, calls } = fakeDesktop(null);
    expect(await saveMeetingCalendar(meeting, null, api)).toBe(false);
    expect(calls.map(([method]) => method)).toEqual(['chooseSaveFile']);
  });

  it("in a browser: the bridge's file downloaded under the meeting's name", async () => {
    const calls: unknown[] = [];
    const files = {
      call: async (method: string, input: unknown) => {
        calls.push([method, input]);
        return { file: 'valija-2027-05-14.ics', events: 1, download: 'dl1' };
      },
      save: async (download: string, name: string) => void calls.push(['save', download, name]),
    } as unknown as BridgeFiles;
    expect(await saveMeetingCalendar(meeting, files, {} as ValijaBridge)).toBe(true);
    expect(calls).toEqual([
      ['calendarExport', { meetingId: 'm1' }],
      ['save', 'dl1', 'Gabinete Binacional Quito Lima.ics'],
    ]);
  });

  it('names the file after the meeting, without what a disk refuses', () => {
    expect(calendarFileName('Reunión: Perú–Ecuador <2027>?')).toBe('Reunión Perú–Ecuador 2027.ics');
    expect(calendarFileName('  /\\  ')).toBe('meeting.ics');
    expect(calendarFileName('x'.repeat(200))).toBe(`${'x'.repeat(80)}.ics`);
  });
});
