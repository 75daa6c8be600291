// The calendar and contacts commands (two words: `valija calendar import FILE.ics`): meetings from and to
// iCalendar files, people from and to vCards.
import { resolve } from 'node:path';
import { UsageError, type Command } from './command.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DATE.test(value))
    throw new UsageError(`--${name} needs a date, YYYY-MM-DD`);
  return value;
}

export const CALENDAR_COMMANDS: Record<string, Command> = {
  'calendar import': {
    synopsis: ['calendar import FILE.ics [--dry-run] [--from DATE] [--to DATE]'],
    summary: [
      'meetings from an iCalendar file (Outlook, Google, Apple, Thunderbird):',
      'new events created, newer invitations applied to what the calendar',
      'carries, cancellations marked; recurring events expanded from --from',
      'to --to (YYYY-MM-DD; default a year from today); --dry-run writes nothing',
    ],
    calls: ['calendarImport'],
    options: { 'dry-run': { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' } },
    positionals: ['file'],
    run: ({ call, args, options }) =>
      call('calendarImport', {
        file: resolve(args.file!),
        dryRun: options['dry-run'] === true,
        from: dateOption(options.from, 'from'),
        to: dateOption(options.to, 'to'),
      }),
  },
  'calendar export': {
    synopsis: ['calendar export --out FILE.ics (--meeting ID | --from DATE --to DATE)'],
    summary: ['a meeting, or the meetings starting in those days, as an iCalendar file'],
    calls: ['calendarExport'],
    options: {
      out: { type: 'string' },
      meeting: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    positionals: [],
    run: ({ call, options }) => {
      if (typeof options.out !== 'string') throw new UsageError('calendar export needs --out FILE.ics');
      const from = dateOption(options.from, 'from');
      const to = dateOption(options.to, 'to');
      const meeting = options.meeting as string | undefined;
      if ((meeting === undefined) === (from === undefined || to === undefined) || (meeting && (from || to)))
        throw new UsageError('calendar export needs --meeting ID, or --from DATE and --to DATE');
      return call('calendarExport', { file: resolve(options.out), meetingId: meeting, from, to });
    },
  },
};
