// The `valija` command: parses arguments, opens the store, and calls the same API the app uses.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { canonicalJson } from '../../db/canonical.js';
import { ValijaError, isValijaError } from '../../domain/errors.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { openStore, type Store } from '../../db/store.js';
import type { MethodName } from '../api/contract.js';
import { dispatch } from '../api/dispatch.js';
import { createHandlers } from '../api/handlers.js';
import { loadDemo } from '../demo.js';
import { defaultStoreFile } from '../paths.js';
import { parsePort, runServe } from '../serve.js';
import { USAGE } from './usage.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  env: NodeJS.ProcessEnv;
  /** Set only on a terminal: a progress line that redraws itself (not when piped). */
  progress?: (text: string) => void;
}

class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  options?: Options;
  /** Positional arguments: their names, and whether the last one takes the rest. */
  positionals: string[];
  rest?: boolean;
  notYetAvailable?: boolean;
  run?: (ctx: CommandContext) => Promise<unknown> | unknown;
  /** A long-running command that opens the store itself and writes its own output; answers the exit code. */
  serve?: (ctx: Omit<CommandContext, 'call'>) => Promise<number>;
}

interface CommandContext {
  args: Record<string, string>;
  options: Record<string, string | boolean | undefined>;
  file: string;
  io: CliIo;
  call: (method: MethodName, input: unknown) => Promise<unknown>;
}

const kindArgs = ['kind', 'id'];

const COMMANDS: Record<string, Command> = {
  init: { options: { demo: { type: 'boolean' } }, positionals: [] },
  identity: {
    options: { name: { type: 'string' }, post: { type: 'string' } },
    positionals: [],
    run: ({ call, options }) => call('identity', { name: options.name, post: options.post }),
  },
  list: { positionals: ['kind'], run: ({ call, args }) => call('list', { kind: args.kind }) },
  get: { positionals: kindArgs, run: ({ call, args }) => call('get', args) },
  put: {
    options: { file: { type: 'string' } },
    positionals: ['kind'],
    run: ({ call, args, options, io }) =>
      call('put', { kind: args.kind, record: readJson(options.file as string | undefined, io) }),
  },
  delete: { positionals: kindArgs, run: ({ call, args }) => call('delete', args) },
  restore: { positionals: kindArgs, run: ({ call, args }) => call('restore', args) },
  annotate: {
    options: { text: { type: 'string' }, private: { type: 'boolean' }, field: { type: 'string' } },
    positionals: kindArgs,
    run: ({ call, args, options }) => {
      if (options.text === undefined) throw new UsageError('annotate needs --text TEXT');
      return call('annotate', {
        ...args,
        text: options.text,
        private: options.private === true,
        field: options.field,
      });
    },
  },
  search: {
    positionals: ['query'],
    rest: true,
    run: ({ call, args }) => call('search', { query: args.query }),
  },
  dump: { positionals: [], run: ({ call }) => call('dump', {}) },
  book: {
    options: {
      out: { type: 'string' },
      lang: { type: 'string' },
      classification: { type: 'string' },
      annotations: { type: 'string' },
      'copy-for': { type: 'string' },
      paper: { type: 'string' },
      date: { type: 'string' },
    },
    positionals: ['meetingId'],
    run: ({ call, args, options }) => {
      if (options.out === undefined) throw new UsageError('book needs --out FILE.pdf');
      return call('book', {
        meetingId: args.meetingId,
        file: options.out,
        lang: options.lang,
        classification: options.classification,
        annotations: options.annotations,
        copyFor: options['copy-for'],
        paper: options.paper,
        date: options.date,
      });
    },
  },
  export: {
    options: { out: { type: 'string' }, 'passphrase-env': { type: 'string' }, full: { type: 'boolean' } },
    positionals: [],
    run: ({ call, options, io }) => {
      if (options.out === undefined) throw new UsageError('export needs --out FILE');
      return call('exportPackage', { file: options.out, passphrase: passphraseFrom(options, io) });
    },
  },
  import: {
    options: {
      'dry-run': { type: 'boolean' },
      trust: { type: 'boolean' },
      'passphrase-env': { type: 'string' },
    },
    positionals: ['file'],
    run: ({ call, args, options, io }) =>
      call(options['dry-run'] ? 'previewImport' : 'applyImport', {
        file: args.file,
        passphrase: passphraseFrom(options, io),
        trust: options.trust === true,
      }),
  },
  keys: {
    options: { remove: { type: 'string' } },
    positionals: [],
    run: ({ call, options }) =>
      options.remove === undefined
        ? call('trustedKeys', {})
        : call('untrustKey', { fingerprint: options.remove }),
  },
  serve: {
    options: { port: { type: 'string' } },
    positionals: [],
    serve: ({ options, file, io }) => {
      const port = parsePort(options.port as string | undefined);
      if (port === null) throw new UsageError('--port needs a number from 0 to 65535');
      return runServe({ file, port, io });
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

function passphraseFrom(options: CommandContext['options'], io: CliIo): string | undefined {
  const variable = options['passphrase-env'];
  if (variable === undefined) return undefined;
  const value = io.env[variable as string];
  if (!value)
    throw new UsageError(`the environment variable ${String(variable)} named by --passphrase-env is empty`);
  return value;
}

function splitGlobal(argv: string[]): { db?: string; help: boolean; rest: string[] } {
  let db: string | undefined;
  let help = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      db = argv[++i];
      if (db === undefined) throw new UsageError('--db needs a FILE');
    } else if (arg.startsWith('--db=')) db = arg.slice(5);
    else if (arg === '--help' || arg === '-h') help = true;
    else break;
  }
  return { db, help, rest: argv.slice(i) };
}

function parseCommand(command: Command, argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    options: { ...command.options, db: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const names = command.positionals;
  const positionals = parsed.positionals;
  if (command.rest ? positionals.length < names.length : positionals.length !== names.length) {
    throw new UsageError(`expected ${names.map((n) => `<${n}>`).join(' ') || 'no arguments'}`);
  }
  const args: Record<string, string> = {};
  names.forEach(
    (name, i) =>
      (args[name] =
        i === names.length - 1 && command.rest ? positionals.slice(i).join(' ') : positionals[i]!),
  );
  return { args, options: parsed.values as Record<string, string | boolean | undefined> };
}

function initStore(file: string, demo: boolean) {
  const existed = existsSync(file);
  mkdirSync(dirname(file), { recursive: true });
  const store = openStore(file, { create: true });
  try {
    const loaded = demo ? loadDemo(store.db) : 0;
    return {
      file,
      created: !existed,
      demoRecords: loaded,
      schemaVersion: SCHEMA_VERSION,
      deviceId: store.device.deviceId,
    };
  } finally {
    store.close();
  }
}

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const fail = (code: string, message: string, exit: number) => {
    io.stderr(`error[${code}]: ${message.replace(/\s+/g, ' ').trim()}\n`);
    return exit;
  };
  let store: Store | undefined;
  try {
    const global = splitGlobal(argv);
    const [name, ...rest] = global.rest;
    if (global.help || name === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (!name) throw new UsageError('no command given');
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
    if (command.notYetAvailable) {
      return fail('E_NOT_AVAILABLE', `\`valija ${name}\` is not yet available in this version`, 1);
    }
    const { args, options } = parseCommand(command, rest);
    const file = (options.db as string | undefined) ?? global.db ?? defaultStoreFile(io.env);
    if (command.serve) return await command.serve({ args, options, file, io });
    if (name === 'init') {
      io.stdout(JSON.stringify(initStore(file, options.demo === true), null, 2) + '\n');
      return 0;
    }
    store = openStore(file);
    const handlers = createHandlers(store, {
      onProgress:
        io.progress &&
        ((done, total, message) =>
          io.progress!(`${Math.round((100 * done) / Math.max(total, 1))}% ${message ?? ''}`)),
    });
    const call = async (method: MethodName, input: unknown) => {
      const answer = await dispatch(handlers, method, input);
      if (!answer.ok) throw new ValijaError(answer.error.code, answer.error.message);
      return answer.value;
    };
    const value = await command.run!({ args, options, file, io, call });
    io.stdout((name === 'dump' ? canonicalJson(value) : JSON.stringify(value, null, 2)) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail('E_USAGE', `${error.message}; see \`valija --help\``, 2);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return fail('E_USAGE', `${(error as Error).message}; see \`valija --help\``, 2);
    }
    if (isValijaError(error)) return fail(error.code, error.message, 1);
    return fail('E_INTERNAL', `unexpected failure: ${(error as Error)?.message ?? String(error)}`, 1);
  } finally {
    store?.close();
  }
}
