// The calendar and contacts imports read a file twice — the dry run's preview, then the apply. In a browser
// the file is uploaded once for both (the apply consumes the upload, so importing again uploads again); in the
// desktop app only its path crosses.
import { describe, expect, it } from 'vitest';
import type { ValijaBridge } from '../../../electron/api/progress.js';
import type { BridgeFiles } from '../../../renderer/src/api/client.js';
import { fileImporter } from '../../../renderer/src/features/calendar/file-import.js';

const report = { dryRun: true, created: 1, updated: 0, unchanged: 0, cancelled: 0 };

describe('a calendar file imported', () => {
  it('in a browser: uploaded once for its preview and its apply, again for a second import', async () => {
    const calls: unknown[] = [];
    let uploads = 0;
    const files = {
      upload: async (file: File, purpose: string, name: string) => {
        calls.push(['upload', purpose, name]);
        return { upload: `u${++uploads}`, size: file.size };
      },
      call: async (method: string, input: unknown) => (calls.push([method, input]), report),
    } as unknown as BridgeFiles;
    const read = fileImporter('calendarImport', 'calendar', files, {} as ValijaBridge);
    const invitation = new File(['BEGIN:VCALENDAR'], 'invitación.ics');
    expect(await read(invitation, true)).toBe(report);
    await read(invitation, false);
    await read(invitation, true);
    expect(calls).toEqual([
      ['upload', 'calendar', 'invitación.ics'],
      ['calendarImport', { upload: 'u1', dryRun: true }],
      ['calendarImport', { upload: 'u1', dryRun: false }],
      ['upload', 'calendar', 'invitación.ics'],
      ['calendarImport', { upload: 'u2', dryRun: true }],
    ]);
  });

  it('in the desktop app: the path named, nothing uploaded', async () => {
    const calls: unknown[] = [];
    const desktop = {
      contactsImport: async (input: unknown) => (calls.push(['contactsImport', input]), report),
    } as unknown as ValijaBridge;
    const read = fileImporter('contactsImport', 'contacts', null, desktop);
    await read('/home/ana/contactos.vcf', true);
    await read('/home/ana/contactos.vcf', false);
    expect(calls).toEqual([
      ['contactsImport', { file: '/home/ana/contactos.vcf', dryRun: true }],
      ['contactsImport', { file: '/home/ana/contactos.vcf', dryRun: false }],
    ]);
  });
});
