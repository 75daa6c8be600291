// The `valija` command: parses arguments, opens the store, and calls the same API the app uses (the commands
// themselves are in commands.ts).
export type { CliIo } from './commands.js';
import { parseArgs } from 'node:util';
import { canonicalJson } from '../../db/canonical.js';
import { ValijaError, isValijaError } from '../../domain/errors.js';
import type { Store } from '../../db/store.js';
import type { MethodName } from '../api/contract.js';
import { dispatch } from '../api/dispatch.js';
import { createHandlers } from '../api/handlers.js';
import { openKeyedStore } from '../keys/open.js';
import { storeEncryption, unlockStore } from '../keys/unlock.js';
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

interface GlobalOptions {
  db?: string;
  unlockEnv?: string;
  help: boolean;
  rest: string[];
}

/** The options before the command: --db FILE, --unlock-env VAR, --help. */
function splitGlobal(argv: string[]): GlobalOptions {
  const global: GlobalOptions = { help: false, rest: [] };
  const valued = { '--db': 'db', '--unlock-env': 'unlockEnv' } as const;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const name = valued[flag as keyof typeof valued];
    if (name) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      global[name] = value;
    } else if (arg === '--help' || arg === '-h') global.help = true;
    else break;
  }
  global.rest = argv.slice(i);
  return global;
}

function parseCommand(command: Command, argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    options: { ...command.options, db: { type: 'string' }, 'unlock-env': { type: 'string' } },
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

/** The recovery passphrase from --unlock-env VAR, else a no-echo prompt on a terminal, else none. */
async function passphraseFromCli(file: string, variable: string | undefined, io: CliIo) {
  if (variable !== undefined) {
    const passphrase = io.env[variable];
    if (!passphrase)
      throw new UsageError(`the environment variable ${variable} named by --unlock-env is empty`);
    return passphrase;
  }
  return io.askSecret?.(`Recovery passphrase for ${file}: `);
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
    // Two-word commands (`calendar import`) are named by both words.
    const [first, second, ...others] = global.rest;
    const twoWords =
      first !== undefined && second !== undefined && Object.hasOwn(COMMANDS, `${first} ${second}`);
    const name = twoWords ? `${first} ${second}` : first;
    const rest = twoWords ? others : global.rest.slice(1);
    if (global.help || name === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (!name) throw new UsageError('no command given');
    const command = COMMANDS[name];
    if (!command) {
      const words = Object.keys(COMMANDS).filter((key) => key.startsWith(`${name} `));
      if (words.length)
        throw new UsageError(`${name} needs one of: ${words.map((w) => w.split(' ')[1]).join(', ')}`);
      throw new UsageError(`unknown command ${JSON.stringify(name)}`);
    }
    if (command.notYetAvailable) {
      return fail('E_NOT_AVAILABLE', `\`valija ${name}\` is not yet available in this version`, 1);
    }
    const { args, options } = parseCommand(command, rest);
    const file = (options.db as string | undefined) ?? global.db ?? defaultStoreFile(io.env);
    const unlockEnv = (options['unlock-env'] as string | undefined) ?? global.unlockEnv;
    // Asked only of an encrypted store (a plaintext one opens as it is).
    const passphrase = async () =>
      storeEncryption(file) === 'encrypted' ? passphraseFromCli(file, unlockEnv, io) : undefined;
    const unlock = async () => unlockStore(file, { passphrase: await passphrase() }).key;
    const context = { args, options, file, io, unlock, passphrase };
    if (command.serve) return await command.serve(context);
    if (command.own) {
      io.stdout(JSON.stringify(await command.own(context), null, 2) + '\n');
      return 0;
    }
    const key = storeEncryption(file) === 'absent' ? undefined : await unlock();
    store = openKeyedStore(file, key);
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
