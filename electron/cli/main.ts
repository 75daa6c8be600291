// Entry point of the `valija` command (bin/valija.js loads the compiled copy of this file).
import { readFileSync } from 'node:fs';
import { isatty, ReadStream } from 'node:tty';
import { runCli } from './run.js';
import { askSecret } from './secret.js';

// A belt to the explicit modes: anything this process (and `valija serve`) creates is the user's alone.
process.umask(0o077);

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
  env: process.env,
  // isatty(0), not process.stdin.isTTY: touching process.stdin makes a piped stdin non-blocking, and
  // readFileSync(0) then fails with EAGAIN on a large input.
  askSecret:
    isatty(0) && process.stderr.isTTY
      ? (prompt) => askSecret(prompt, process.stdin as ReadStream, process.stderr)
      : undefined,
  progress: process.stderr.isTTY
    ? (text) => process.stderr.write(`\r\x1b[2K${text.slice(0, (process.stderr.columns || 80) - 1)}`)
    : undefined,
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
process.exitCode = code;
