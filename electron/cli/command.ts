// What a `valija` command is — its help lines, the contract methods it calls, its options and how it runs —
// and the option readers several commands share. commands.ts lists the commands; run.ts parses and runs them.
import type { ParseArgsConfig } from 'node:util';
import type { MethodName } from '../api/contract.js';

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

/** --new-passphrase-env VAR: the recovery passphrase to set (required when `required`). */
export function newPassphraseFrom(
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

export function passphraseFrom(options: CommandContext['options'], io: CliIo): string | undefined {
  const variable = options['passphrase-env'];
  if (variable === undefined) return undefined;
  const value = io.env[variable as string];
  if (!value)
    throw new UsageError(`the environment variable ${String(variable)} named by --passphrase-env is empty`);
  return value;
}
