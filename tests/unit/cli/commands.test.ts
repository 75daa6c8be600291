// The command line, its help, the README and the API contract say the same thing: every command's help line
// names exactly the options it parses, every contract method is reached by a command or named as the app's
// alone, and the README shows the command list `valija --help` prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../../electron/api/contract.js';
import {
  APP_ONLY_METHODS,
  COMMANDS,
  UsageError,
  type CommandContext,
} from '../../../electron/cli/commands.js';
import { COMMAND_LIST, USAGE } from '../../../electron/cli/usage.js';
import { ROOT } from '../../helpers.js';

const flagsOf = (synopsis: string[]) =>
  [...synopsis.join(' ').matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!).sort();

/** Runs a command's adapter with a recording `call`: which contract methods does it really reach? */
async function methodsCalled(name: string, withOptions: boolean): Promise<MethodName[]> {
  const command = COMMANDS[name]!;
  const called: MethodName[] = [];
  const options: CommandContext['options'] = {};
  for (const [option, spec] of Object.entries(command.options ?? {})) {
    const required = (name === 'annotate' && option === 'text') || option === 'out';
    // `--file -` reads the JSON from standard input, like no --file.
    if (withOptions || required)
      options[option] = spec.type === 'boolean' ? true : option === 'file' ? '-' : 'VALUE';
  }
  // Every option at once may be a usage error (attach --replace with a title): that calls nothing.
  await (async () =>
    command.run?.({
      args: Object.fromEntries(command.positionals.map((p) => [p, 'x'])),
      options,
      file: 'store.db',
      io: { stdout: () => {}, stderr: () => {}, readStdin: () => '{}', env: { VALUE: 'secret' } },
      call: async (method) => {
        called.push(method);
        return {};
      },
    }))().catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
  });
  return called;
}

describe('valija commands, their help and the contract', () => {
  it.each(Object.keys(COMMANDS))('%s: its help line names exactly the options it parses', (name) => {
    const command = COMMANDS[name]!;
    expect(flagsOf(command.synopsis)).toEqual(Object.keys(command.options ?? {}).sort());
    expect(USAGE).toContain(`  ${command.synopsis[0]}`);
  });

  it.each(Object.keys(COMMANDS))('%s: calls only the contract methods it declares', async (name) => {
    const declared = COMMANDS[name]!.calls;
    const called = [...(await methodsCalled(name, false)), ...(await methodsCalled(name, true))];
    for (const method of called) expect(declared).toContain(method);
    if (COMMANDS[name]!.run) expect(called.length).toBeGreaterThan(0);
  });

  it('every contract method is reached by a command or named as one the app alone uses', () => {
    const byCommands = new Set(Object.values(COMMANDS).flatMap((command) => command.calls));
    for (const method of METHOD_NAMES) {
      const appOnly = Object.hasOwn(APP_ONLY_METHODS, method);
      expect(byCommands.has(method) !== appOnly, `${method}: a command's or the app's alone, not both`).toBe(
        true,
      );
    }
    for (const method of Object.keys(APP_ONLY_METHODS)) expect(METHOD_NAMES).toContain(method);
  });

  it('the README shows the command list exactly as `valija --help` prints it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('```text\n' + COMMAND_LIST + '\n```');
  });
});
