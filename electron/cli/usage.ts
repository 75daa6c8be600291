// The `valija` command line's help text, printed from the command table: the help cannot promise a command
// or an option the parser does not know. The README's command list is held to it by a test.
import { COMMANDS } from './commands.js';

/** Where the summaries start. */
const COLUMN = 39;

/** One command's lines: its synopsis, then what it does from the column (on the next line if it is long). */
function commandLines(synopsis: string[], summary: string[]): string[] {
  const lines = synopsis.map((line) => `  ${line}`);
  const last = lines.length - 1;
  const [first = '', ...more] = summary;
  if (first && lines[last]!.length < COLUMN) lines[last] = `${lines[last]!.padEnd(COLUMN)}${first}`;
  else if (first) lines.push(`${' '.repeat(COLUMN)}${first}`);
  return [...lines, ...more.map((line) => `${' '.repeat(COLUMN)}${line}`)];
}

/** The command list, as `valija --help` prints it and the README shows it. */
export const COMMAND_LIST = [
  'usage: valija [--db FILE] [--unlock-env VAR] <command> [options]',
  '  FILE defaults to $VALIJA_DB, else the per-user data folder;',
  '  VAR names the environment variable that holds the recovery passphrase',
  '  of an encrypted store (else it is asked for on a terminal)',
  '',
  'commands:',
  ...Object.values(COMMANDS).flatMap((command) => commandLines(command.synopsis, command.summary)),
].join('\n');

export const USAGE = `valija — the Valija store from the command line

${COMMAND_LIST}

Output is JSON on stdout. Exit 0 on success, 2 on a usage error, 1 on any other error with one line on
stderr: error[CODE]: what happened and what to do.
`;
