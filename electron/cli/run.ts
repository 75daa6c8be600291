// The `valija` command: parses arguments, opens the store, and calls the same API the app uses (the commands
// themselves are in commands.ts).
export type { CliIo } from './commands.js';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalJson } from '../../db/canonical.js';
import { ValijaError, isValijaError } from '../../domain/errors.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { openStore, type Store } from '../../db/store.js';
import type { MethodName } from '../api/contract.js';
import { dispatch } from '../api/dispatch.js';
import { createHandlers } from '../api/handlers.js';
import { loadDemo } from '../demo.js';
import { makePrivateDir } from '../files.js';
import { defaultStoreFile } from '../paths.js';
import { COMMANDS, UsageError, type CliIo, type Command } from './commands.js';
import { forTerminal } from './terminal.js';
import { USAGE } from './usage.js';

/** The error's sentence; for a package's signer, the name it claims, quoted and labelled as its claim. */
function withSigner(error: ValijaError): string {
  const signer = error.details?.signer;
  if (!signer) return error.message;
  const claim = signer.claimedName
    ? `the signer calls itself ${JSON.stringify(signer.claimedName)} (its own claim, not checked)`
    : 'the signer gives no name';
  return `${error.message}; ${claim}`;
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
  const positionals = parsed.positionals;
  const all = command.positionalsFor?.(parsed.values) ?? command.positionals;
  // An optional last argument (extract-text [<document-id>]) may be left out.
  const names = command.optionalLast && positionals.length === all.length - 1 ? all.slice(0, -1) : all;
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
  makePrivateDir(dirname(file));
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
    io.stderr(forTerminal(`error[${code}]: ${message.replace(/\s+/g, ' ').trim()}`) + '\n');
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
      if (!answer.ok) throw new ValijaError(answer.error.code, answer.error.message, answer.error.details);
      return answer.value;
    };
    const value = await command.run!({ args, options, file, io, call });
    io.stdout(forTerminal(name === 'dump' ? canonicalJson(value) : JSON.stringify(value, null, 2)) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail('E_USAGE', `${error.message}; see \`valija --help\``, 2);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return fail('E_USAGE', `${(error as Error).message}; see \`valija --help\``, 2);
    }
    if (isValijaError(error)) return fail(error.code, withSigner(error), 1);
    return fail('E_INTERNAL', `unexpected failure: ${(error as Error)?.message ?? String(error)}`, 1);
  } finally {
    store?.close();
  }
}
