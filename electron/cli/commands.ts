// The `valija` commands: how each is written (its help line), what it calls in the API contract, and how
// its arguments become a call. `run.ts` parses and dispatches; `usage.ts` prints the help from this table.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { ValijaError } from '../../domain/errors.js';
import type { MethodName } from '../api/contract.js';
import type { DocumentInfo } from '../../domain/results.js';
import { encryptStore, rekeyStore } from '../keys/convert.js';
import { parsePort, runServe } from '../serve/server.js';
import { distributeBook } from './distribution.js';
import { initStore } from './init.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  env: NodeJS.ProcessEnv;
  /** Set only on a terminal: a progress line that redraws itself (not when piped). */
  progress?: (text: string) => void;
  /** Set only on a terminal: asks for a passphrase without echoing it. */
  askSecret?: (prompt: string) => Promise<string>;
}

/** A command line that does not say what it means: exit 2, with a pointer to `valija --help`. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  /** Its line(s) in `valija --help` and the README: how it is written, and what it does. */
  synopsis: string[];
  summary: string[];
  /** The contract methods it calls (a test holds every method to a command or to APP_ONLY_METHODS). */
  calls: MethodName[];
  options?: Options;
  /** Positional arguments: their names, and whether the last one takes the rest. */
  positionals: string[];
  /** When an option changes which positionals a command takes (attach --replace). */
  positionalsFor?: (options: Record<string, unknown>) => string[];
  rest?: boolean;
  /** Whether the last positional may be left out. */
  optionalLast?: boolean;
  notYetAvailable?: boolean;
  run?: (ctx: CommandContext) => Promise<unknown> | unknown;
  /** A long-running command that opens the store itself and writes its own output; answers the exit code. */
  serve?: (ctx: StoreContext) => Promise<number>;
  /** A command about the store file itself (init, encrypt, rekey): it opens the store; its answer is printed. */
  own?: (ctx: StoreContext) => Promise<unknown> | unknown;
}

/** What a command that opens the store itself gets: how to unlock it the way the command line says. */
export interface StoreContext extends Omit<CommandContext, 'call'> {
  /** The page key of the store (undefined when plaintext), from --unlock-env VAR or a prompt; E_LOCKED else. */
  unlock: () => Promise<Buffer | undefined>;
  /** The recovery passphrase from --unlock-env VAR or a prompt, when the store is encrypted. */
  passphrase: () => Promise<string | undefined>;
}

export interface CommandContext {
  args: Record<string, string>;
  options: Record<string, string | boolean | undefined>;
  file: string;
  io: CliIo;
  call: (method: MethodName, input: unknown) => Promise<unknown>;
}

const kindArgs = ['kind', 'id'];

export const COMMANDS: Record<string, Command> = {
  init: {
    synopsis: ['init [--demo] [--new-passphrase-env VAR]'],
    summary: [
      'create the store; --demo loads the demo data; with a recovery',
      'passphrase (from the variable VAR) the store is encrypted',
    ],
    calls: [],
    options: { demo: { type: 'boolean' }, 'new-passphrase-env': { type: 'string' } },
    positionals: [],
    own: ({ file, options, io, unlock }) =>
      initStore({
        file,
        demo: options.demo === true,
        passphrase: newPassphraseFrom(options, io, false),
        warn: (line) => io.stderr(`${line}\n`),
        unlock,
      }),
  },
  encrypt: {
    synopsis: ['encrypt --new-passphrase-env VAR'],
    summary: [
      'encrypt a plaintext store and its backups (one crash-safe step);',
      'VAR holds the recovery passphrase to set',
    ],
    calls: [],
    options: { 'new-passphrase-env': { type: 'string' } },
    positionals: [],
    own: ({ file, options, io }) => encryptStore(file, { passphrase: newPassphraseFrom(options, io, true)! }),
  },
  rekey: {
    synopsis: ['rekey --new-passphrase-env VAR'],
    summary: [
      "change an encrypted store's key and recovery passphrase",
      '(unlocked with --unlock-env OLD); crash-safe like encrypt',
    ],
    calls: [],
    options: { 'new-passphrase-env': { type: 'string' } },
    positionals: [],
    own: async ({ file, options, io, unlock }) => {
      const passphrase = newPassphraseFrom(options, io, true)!;
      const key = await unlock();
      if (!key) {
        throw new ValijaError('E_CONFLICT', `${file} is not encrypted; encrypt it with \`valija encrypt\``);
      }
      return rekeyStore(file, key, { passphrase });
    },
  },
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
  book: {
    synopsis: [
      'book <meeting-id> --out FILE.pdf [--lang es|en] [--classification LEVEL]',
      '     [--annotations none|shared|mine] [--copy-for NAME] [--paper a4|letter] [--date YYYY-MM-DD]',
      '     [--documents all|none|ID,ID…] [--clearance LEVEL] [--portion-marks]',
      '     [--protect --passphrase-env VAR]',
      'book <meeting-id> --distribution FILE --out-dir DIR [same options]',
    ],
    summary: [
      'the briefing book; prints pages, sha256, sections and annexes;',
      "--documents: the meeting's documents printed as annexes (default all),",
      'none, or these in this order; --clearance: a copy for a reader cleared',
      'to LEVEL (what is above it left out, counted); --portion-marks: each',
      'paragraph, point and row marked (P) (R) (C) (S); --protect: encrypted',
      '(AES-256) with the passphrase in VAR, printing allowed, copying not;',
      '--distribution: one numbered copy per recipient (CSV or JSON: name,',
      'post, clearance), each recorded in the history',
    ],
    calls: ['book', 'bookHistory'],

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
        protect: passphrase === undefined ? undefined : { passphrase },
      };
      if (options.distribution !== undefined) {
        if (options['out-dir'] === undefined) throw new UsageError('--distribution needs --out-dir DIR');
        if (options.out !== undefined || options['copy-for'] !== undefined) {
          throw new UsageError('a distribution names its own files and recipients: no --out or --copy-for');
        }
        return distributeBook(call, {
          meetingId: args.meetingId!,
          distribution: options.distribution as string,
          outDir: options['out-dir'] as string,
          book,
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

/** --new-passphrase-env VAR: the recovery passphrase to set (required when `required`). */
function newPassphraseFrom(
  options: CommandContext['options'],
  io: CliIo,
  required: boolean,
): string | undefined {
  const variable = options['new-passphrase-env'] as string | undefined;
  if (variable === undefined) {
    if (required) throw new UsageError('--new-passphrase-env VAR is required (VAR holds the passphrase)');
    return undefined;
  }
  const value = io.env[variable];
  if (!value) {
    throw new UsageError(`the environment variable ${variable} named by --new-passphrase-env is empty`);
  }
  return value;
}

function passphraseFrom(options: CommandContext['options'], io: CliIo): string | undefined {
  const variable = options['passphrase-env'];
  if (variable === undefined) return undefined;
  const value = io.env[variable as string];
  if (!value)
    throw new UsageError(`the environment variable ${String(variable)} named by --passphrase-env is empty`);
  return value;
}

/** The contract's methods that only the app's screens use, and why the command line has no command for them. */
export const APP_ONLY_METHODS: Partial<Record<MethodName, string>> = {
  listPage: 'a screen reads long lists a page at a time; `list` prints them whole',
  recent: "Home's list of the records changed last",
  changedSinceNoted: "Home's list of annotated records that changed since",
  cancelJob: "the Cancel button on a job's progress; on the command line, Ctrl+C",
  bookPdf: 'the in-app preview of a printed book (the command line has the file)',
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

/** `--documents all|none|ID,ID…` as the book's annex choice (ids in the order given). */
function annexChoiceFrom(value: string | undefined): 'all' | 'none' | string[] | undefined {
  if (value === undefined || value === 'all' || value === 'none') return value;
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}
