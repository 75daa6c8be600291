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
      'meetings from an iCalendar file (Outlook, Google, Apple,',
      'Thunderbird): new events created, newer invitations change',
      'only what the calendar carries, cancellations marked; repeats',
      'expanded from --from to --to (default: a year from today);',
      '--dry-run reports what it would do and writes nothing',
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
    summary: ['a meeting, or the meetings starting in those days (UTC),', 'as an iCalendar file'],
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
      const { meeting, from, to } = options as Record<string, string | undefined>;
      // The contract checks the rest: dates, and a meeting or a range, not both (E_INVALID).
      if (meeting === undefined && from === undefined && to === undefined)
        throw new UsageError('calendar export needs --meeting ID, or --from DATE and --to DATE');
      return call('calendarExport', { file: resolve(options.out), meetingId: meeting, from, to });
    },
  },
  'contacts import': {
    synopsis: ['contacts import FILE.vcf [--dry-run]'],
    summary: [
      'people from a vCard file (3.0 or 4.0): found by e-mail, then by',
      'name, else created; a card adds e-mails, telephones, languages',
      'and sets role, party (ORG, when one has that name), biography',
      '(NOTE); --dry-run reports what it would do and writes nothing',
    ],
    calls: ['contactsImport'],
    options: { 'dry-run': { type: 'boolean' } },
    positionals: ['file'],
    run: ({ call, args, options }) =>
      call('contactsImport', { file: resolve(args.file!), dryRun: options['dry-run'] === true }),
  },
  'contacts export': {
    synopsis: ['contacts export --out FILE.vcf (--meeting ID | --party ID)'],
    summary: ["a meeting's participants or a party's people, as vCards"],
    calls: ['contactsExport'],
    options: { out: { type: 'string' }, meeting: { type: 'string' }, party: { type: 'string' } },
    positionals: [],
    run: ({ call, options }) => {
      if (typeof options.out !== 'string') throw new UsageError('contacts export needs --out FILE.vcf');
      const { meeting, party } = options as Record<string, string | undefined>;
      if (meeting === undefined && party === undefined)
        throw new UsageError('contacts export needs --meeting ID or --party ID');
      return call('contactsExport', { file: resolve(options.out), meetingId: meeting, partyId: party });
    },
  },
};
