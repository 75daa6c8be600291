// The briefing book from the command line: one book, or one numbered copy per recipient of a distribution
// list, and the meeting's record of printed copies.
import { readRecipients } from './recipients.js';
import { passphraseFrom, UsageError, type Command } from './command.js';

export const BOOK_COMMANDS: Record<string, Command> = {
  book: {
    synopsis: [
      'book <meeting-id> --out FILE.pdf [--lang es|en] [--classification LEVEL]',
      '     [--annotations none|shared|mine] [--copy-for NAME] [--paper a4|letter] [--date YYYY-MM-DD]',
      '     [--documents all|none|ID,ID…] [--clearance LEVEL] [--portion-marks]',
      '     [--changes last|none|BOOK-ID]',
      '     [--protect --passphrase-env VAR]',
      'book <meeting-id> --distribution FILE --out-dir DIR [same options]',
    ],
    summary: [
      'the briefing book; prints pages, sha256, sections and annexes;',
      "--documents: the meeting's documents printed as annexes (default all),",
      'none, or these in this order; --clearance: a copy for a reader cleared',
      'to LEVEL (what is above it left out, counted); --portion-marks: each',
      'paragraph, point and row marked (P) (R) (C) (S); --changes: what changed',
      'since the copy printed last (default), none, or BOOK-ID (see books):',
      'a bar beside each new or changed item, a changes page after the',
      'contents, the revision on the cover; --protect: encrypted',
      '(AES-256) with the passphrase in VAR, printing allowed, copying not;',
      '--distribution: one numbered copy per recipient (CSV or JSON: name,',
      'post, clearance), each recorded in the history',
    ],
    calls: ['book', 'distributeBook'],

    options: {
      out: { type: 'string' },
      lang: { type: 'string' },
      classification: { type: 'string' },
      annotations: { type: 'string' },
      'copy-for': { type: 'string' },
      paper: { type: 'string' },
      date: { type: 'string' },
      documents: { type: 'string' },
      clearance: { type: 'string' },
      'portion-marks': { type: 'boolean' },
      changes: { type: 'string' },
      protect: { type: 'boolean' },
      'passphrase-env': { type: 'string' },
      distribution: { type: 'string' },
      'out-dir': { type: 'string' },
    },
    positionals: ['meetingId'],
    run: ({ call, args, options, io }) => {
      const passphrase = passphraseFrom(options, io);
      if (options.protect === true && passphrase === undefined) {
        throw new UsageError('--protect needs --passphrase-env VAR (VAR holds the passphrase)');
      }
      if (options.protect !== true && passphrase !== undefined) {
        throw new UsageError('--passphrase-env on a book goes with --protect');
      }
      const book = {
        meetingId: args.meetingId,
        lang: options.lang,
        classification: options.classification,
        annotations: options.annotations,
        paper: options.paper,
        date: options.date,
        documents: annexChoiceFrom(options.documents as string | undefined),
        clearance: options.clearance,
        portionMarks: options['portion-marks'] === true || undefined,
        changes: options.changes,
        protect: passphrase === undefined ? undefined : { passphrase },
      };
      if (options.distribution !== undefined) {
        if (options['out-dir'] === undefined) throw new UsageError('--distribution needs --out-dir DIR');
        if (options.out !== undefined || options['copy-for'] !== undefined) {
          throw new UsageError('a distribution names its own files and recipients: no --out or --copy-for');
        }
        // --clearance is the level of every recipient the list gives none.
        const { clearance, ...shared } = book;
        return call('distributeBook', {
          ...shared,
          recipients: readRecipients(options.distribution as string).map((recipient) => ({
            ...recipient,
            ...(recipient.clearance || clearance ? { clearance: recipient.clearance ?? clearance } : {}),
          })),
          outDir: options['out-dir'] as string,
        });
      }
      if (options.out === undefined) throw new UsageError('book needs --out FILE.pdf');
      return call('book', { ...book, file: options.out, copyFor: options['copy-for'] });
    },
  },
  books: {
    synopsis: ['books <meeting-id>'],
    summary: ["the meeting's printed books and copies, newest first (its distribution record)"],
    calls: ['bookHistory'],
    positionals: ['meetingId'],
    run: ({ call, args }) => call('bookHistory', { meetingId: args.meetingId }),
  },
};

/** `--documents all|none|ID,ID…` as the book's annex choice (ids in the order given). */
function annexChoiceFrom(value: string | undefined): 'all' | 'none' | string[] | undefined {
  if (value === undefined || value === 'all' || value === 'none') return value;
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}
