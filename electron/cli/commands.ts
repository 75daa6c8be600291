// The `valija` commands: how each is written (its help line), what it calls in the API contract, and how
// its arguments become a call. `run.ts` parses and dispatches; `usage.ts` prints the help from this table.
// The store's own commands are in store-commands.ts, the book's in book-commands.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ValijaError } from '../../domain/errors.js';
import type { MethodName } from '../api/contract.js';
import type { DocumentInfo } from '../../domain/results.js';
import { parsePort, runServe } from '../serve/server.js';
import { BOOK_COMMANDS } from './book-commands.js';
import { passphraseFrom, UsageError, type CliIo, type Command } from './command.js';
import { STORE_COMMANDS } from './store-commands.js';
import { CALENDAR_COMMANDS } from './calendar-commands.js';

export { UsageError, type CliIo, type Command, type CommandContext, type StoreContext } from './command.js';

const kindArgs = ['kind', 'id'];

export const COMMANDS: Record<string, Command> = {
  ...STORE_COMMANDS,
  identity: {
    synopsis: ['identity [--name NAME] [--post POST]'],
    summary: ["show or set this device's author identity"],
    calls: ['identity'],

    options: { name: { type: 'string' }, post: { type: 'string' } },
    positionals: [],
    run: ({ call, options }) => call('identity', { name: options.name, post: options.post }),
  },
  list: {
    synopsis: ['list <kind>'],
    summary: [
      'kind: party | person | initiative | meeting | commitment | annotation',
      '(also the parts of a meeting: agendaItem | talkingPoint | participant)',
    ],
    calls: ['list'],
    positionals: ['kind'],
    run: ({ call, args }) => call('list', { kind: args.kind }),
  },
  get: {
    synopsis: ['get <kind> <id>'],
    summary: ['one record'],
    calls: ['get'],
    positionals: kindArgs,
    run: ({ call, args }) => call('get', args),
  },
  put: {
    synopsis: ['put <kind> [--file F]'],
    summary: [
      'JSON record (or array) from F or stdin; no id = create;',
      'with id = change only the fields given; prints the record(s)',
    ],
    calls: ['put'],

    options: { file: { type: 'string' } },
    positionals: ['kind'],
    run: ({ call, args, options, io }) =>
      call('put', { kind: args.kind, record: readJson(options.file as string | undefined, io) }),
  },
  delete: {
    synopsis: ['delete <kind> <id>'],
    summary: ['delete a record; restore brings it back'],
    calls: ['delete'],
    positionals: kindArgs,
    run: ({ call, args }) => call('delete', args),
  },
  restore: {
    synopsis: ['restore <kind> <id>'],
    summary: ['bring back a deleted record'],
    calls: ['restore'],
    positionals: kindArgs,
    run: ({ call, args }) => call('restore', args),
  },
  annotate: {
    synopsis: [
      'annotate <kind> <id> --text TEXT [--private] [--field FIELD]',
      '     [--page N] [--quote PASSAGE]',
    ],
    summary: [
      'a note on a record (--private: it never leaves this computer);',
      'on a document, --page and --quote say which passage it is about',
      '(found again, page and all, in a new version)',
    ],
    calls: ['annotate'],

    options: {
      text: { type: 'string' },
      private: { type: 'boolean' },
      field: { type: 'string' },
      page: { type: 'string' },
      quote: { type: 'string' },
    },
    positionals: kindArgs,
    run: ({ call, args, options }) => {
      if (options.text === undefined) throw new UsageError('annotate needs --text TEXT');
      const page = options.page === undefined ? undefined : Number(options.page);
      if (page !== undefined && !(Number.isInteger(page) && page >= 1))
        throw new UsageError('--page needs a page number (1 is the first)');
      return call('annotate', {
        ...args,
        text: options.text,
        private: options.private === true,
        field: options.field,
        page,
        quote: options.quote,
      });
    },
  },
  search: {
    synopsis: ['search <query>'],
    summary: [
      'full-text search, accent- and case-insensitive; a hit inside',
      "a document's text names the document and the page",
    ],
    calls: ['search'],

    positionals: ['query'],
    rest: true,
    run: ({ call, args }) => call('search', { query: args.query }),
  },
  dump: {
    synopsis: ['dump'],
    summary: ['the shared state as canonical JSON: equal stores print equal bytes'],
    calls: ['dump'],
    positionals: [],
    run: ({ call }) => call('dump', {}),
  },
  ...BOOK_COMMANDS,
  export: {
    synopsis: ['export --out FILE [--passphrase-env VAR] [--full]'],
    summary: [
      'a signed package of everything shared (--full: the default, said',
      'explicitly); VAR names an environment variable holding a passphrase',
    ],
    calls: ['exportPackage'],

    options: { out: { type: 'string' }, 'passphrase-env': { type: 'string' }, full: { type: 'boolean' } },
    positionals: [],
    run: ({ call, options, io }) => {
      if (options.out === undefined) throw new UsageError('export needs --out FILE');
      return call('exportPackage', { file: options.out, passphrase: passphraseFrom(options, io) });
    },
  },
  import: {
    synopsis: ['import FILE [--dry-run] [--trust FINGERPRINT] [--passphrase-env VAR]'],
    summary: [
      '--dry-run previews (counts, conflicts) and writes nothing;',
      '--trust trusts the signer with exactly that fingerprint, once',
      'you checked it with its sender (any other signer is refused)',
    ],
    calls: ['previewImport', 'applyImport', 'extractDocumentText'],

    options: {
      'dry-run': { type: 'boolean' },
      trust: { type: 'string' },
      'passphrase-env': { type: 'string' },
    },
    positionals: ['file'],
    run: async ({ call, args, options, io }) => {
      const request = {
        file: args.file,
        passphrase: passphraseFrom(options, io),
        trust: typeof options.trust === 'string' ? { fingerprint: options.trust } : undefined,
      };
      if (options['dry-run']) return call('previewImport', request);
      const report = await call('applyImport', request);
      // The documents' files it brought are read into search at once, as attach does.
      await call('extractDocumentText', {});
      return report;
    },
  },
  ...CALENDAR_COMMANDS,
  attach: {
    synopsis: [
      'attach <kind> <id> FILE [--title T] [--doc-kind K] [--classification L] [--lang es|en]',
      'attach --replace <document-id> FILE',
    ],
    summary: [
      'attach a file to a meeting, initiative, party, person or commitment',
      '(PDF, image or any file; kept in the store, synced); --replace adds',
      'a new version of a document, keeping the earlier ones',
    ],
    calls: ['attachDocument', 'replaceDocument', 'extractDocumentText', 'documents'],
    options: {
      replace: { type: 'string' },
      title: { type: 'string' },
      'doc-kind': { type: 'string' },
      classification: { type: 'string' },
      lang: { type: 'string' },
    },
    positionals: ['kind', 'id', 'file'],
    positionalsFor: (options) => (options.replace === undefined ? ['kind', 'id', 'file'] : ['file']),
    run: async ({ call, args, options }) => {
      const file = resolve(args.file!);
      let attached: DocumentInfo;
      if (typeof options.replace === 'string') {
        const extra = ['title', 'doc-kind', 'classification', 'lang'].filter((o) => options[o] !== undefined);
        if (extra.length)
          throw new UsageError(`--replace takes only the file; change --${extra[0]} with put`);
        attached = (await call('replaceDocument', { documentId: options.replace, file })) as DocumentInfo;
      } else {
        attached = (await call('attachDocument', {
          targetKind: args.kind,
          targetId: args.id,
          file,
          title: options.title,
          docKind: options['doc-kind'],
          classification: options.classification,
          language: options.lang,
        })) as DocumentInfo;
      }
      // Read its text at once, so a search right after finds it (the app does this in the background).
      await call('extractDocumentText', {});
      const documents = (await call('documents', {
        targetKind: attached.targetKind,
        targetId: attached.targetId,
      })) as DocumentInfo[];
      return (Array.isArray(documents) ? documents : []).find((d) => d.id === attached.id) ?? attached;
    },
  },
  documents: {
    synopsis: ['documents <kind> <id>'],
    summary: ["a record's documents, each with its versions (JSON)"],
    calls: ['documents'],
    positionals: kindArgs,
    run: ({ call, args }) => call('documents', { targetKind: args.kind, targetId: args.id }),
  },
  document: {
    synopsis: ['document <document-id> --out FILE [--version N]'],
    summary: ["write a document's file (its latest version, or version N)"],
    calls: ['saveDocument'],
    options: { out: { type: 'string' }, version: { type: 'string' } },
    positionals: ['documentId'],
    run: ({ call, args, options }) => {
      if (options.out === undefined) throw new UsageError('document needs --out FILE');
      const version = options.version === undefined ? undefined : Number(options.version);
      if (version !== undefined && !(Number.isInteger(version) && version >= 1))
        throw new UsageError('--version needs a version number (1 is the first)');
      return call('saveDocument', {
        documentId: args.documentId,
        file: resolve(options.out as string),
        version,
      });
    },
  },
  'document-notes': {
    synopsis: ['document-notes <document-id>'],
    summary: [
      "a document's notes, each on the page its passage is on in the current",
      "version (status found), or 'notFound' when a new version lost it",
    ],
    calls: ['documentNotes'],
    positionals: ['documentId'],
    run: ({ call, args }) => call('documentNotes', { documentId: args.documentId }),
  },
  'extract-text': {
    synopsis: ['extract-text [<document-id>]'],
    summary: [
      "read documents' PDF text into search (every file not read yet, or",
      "that document's versions again); scanned PDFs have none",
    ],
    calls: ['extractDocumentText'],
    positionals: ['documentId'],
    optionalLast: true,
    run: ({ call, args }) =>
      call('extractDocumentText', args.documentId === undefined ? {} : { documentId: args.documentId }),
  },
  related: {
    synopsis: ['related <kind> <id> [--limit N]'],
    summary: [
      "what a record's page lists beside it (JSON); kind: initiative (meetings,",
      'commitments, documents) | party (people, meetings, initiatives, open',
      'commitments, documents) | person (the meetings they took part in)',
    ],
    calls: ['related'],
    options: { limit: { type: 'string' } },
    positionals: kindArgs,
    run: ({ call, args, options }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && !Number.isInteger(limit)) throw new UsageError('--limit needs a number');
      return call('related', { kind: args.kind, id: args.id, limit });
    },
  },
  keys: {
    synopsis: ['keys [--remove FINGERPRINT]'],
    summary: ['the package signers this computer trusts'],
    calls: ['trustedKeys', 'untrustKey'],

    options: { remove: { type: 'string' } },
    positionals: [],
    run: ({ call, options }) =>
      options.remove === undefined
        ? call('trustedKeys', {})
        : call('untrustKey', { fingerprint: options.remove }),
  },
  serve: {
    synopsis: ['serve [--port N]'],
    summary: [
      'the app in a local browser (127.0.0.1 only); prints',
      'http://127.0.0.1:PORT/#token=TOKEN as its first line',
    ],
    calls: [],

    options: { port: { type: 'string' } },
    positionals: [],
    serve: async ({ options, file, io, passphrase }) => {
      const port = parsePort(options.port as string | undefined);
      if (port === null) throw new UsageError('--port needs a number from 0 to 65535');
      return runServe({ file, port, io, passphrase: await passphrase() });
    },
  },
};

function readJson(file: string | undefined, io: CliIo): unknown {
  let text: string;
  try {
    text = file === undefined || file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValijaError('E_IO', `cannot read ${file ?? 'standard input'}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValijaError('E_INVALID', `the input is not valid JSON: ${(error as Error).message}`);
  }
}

/** The contract's methods that only the app's screens use, and why the command line has no command for them. */
export const APP_ONLY_METHODS: Partial<Record<MethodName, string>> = {
  listPage: 'a screen reads long lists a page at a time; `list` prints them whole',
  recent: "Home's list of the records changed last",
  changedSinceNoted: "Home's list of annotated records that changed since",
  cancelJob: "the Cancel button on a job's progress; on the command line, Ctrl+C",
  bookPdf: 'the in-app preview of a printed book (the command line has the file)',
  documentBytes: 'the in-app preview of a document (on the command line, `document ID --out FILE`)',
  chooseFile: "the desktop app's file dialog for a document to attach (the command line names the file)",
  chooseSaveFile: "the desktop app's dialog for where to save a document (the command line names the file)",
  packageHistory: "the Sync screen's list of imported packages",
  about: 'the banner that says a store holds the demo data',
  storage: 'the Settings screen: where the store and its backups are',
  backUp: "the Settings screen's Back up now (on the command line, copy the file)",
  session:
    'the app asks whether its store is open, locked or to be set up (the command line unlocks each run)',
  setUpStore: "the app's first run; on the command line, `init --new-passphrase-env VAR`",
  unlockStore: "the app's unlock screen; on the command line, `--unlock-env VAR` or the prompt",
  lockStore: "the app's Lock (Ctrl+L); a command holds the store only while it runs",
  setIdleLock: "the Settings screen's idle lock",
};
