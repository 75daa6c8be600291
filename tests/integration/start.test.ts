// `npm start` where Electron is not installed: it says why, creates the demo store in the per-user folder,
// and serves the app on 127.0.0.1, printing the address (no display: no browser is opened).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, tempDir, valija } from '../helpers.js';

describe('npm start without the Electron binary', () => {
  it('falls back to valija serve on the demo store and stops cleanly', async () => {
    expect(existsSync(join(ROOT, 'dist', 'electron', 'paths.js')), 'run `npm run build` first').toBe(true);
    const home = tempDir();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      VALIJA_HOME: home,
      VALIJA_DB: '',
      ELECTRON_BIN: join(home, 'no-electron-here'),
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    };
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-build'], { env });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (line.startsWith('http://')) resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${lines.join('\n')}`)));
    });
    const output = lines.join('\n');
    expect(output).toMatch(/ELECTRON_BIN is set to .*no-electron-here, which does not exist/);
    expect(output).toContain('created the demo store');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);

    const meetings = valija(['--db', join(home, 'valija.db'), 'list', 'meeting']);
    expect(meetings.code, meetings.stderr).toBe(0);
    expect(JSON.parse(meetings.stdout)).toHaveLength(3);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it.skipIf(process.platform !== 'linux')(
    'with a display, opens a private launcher file: the token is on no command line, and the file goes when it stops',
    async () => {
      const home = tempDir();
      const bin = tempDir();
      const record = join(home, 'opened.txt');
      writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
      chmodSync(join(bin, 'xdg-open'), 0o755);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        VALIJA_HOME: home,
        VALIJA_DB: '',
        ELECTRON_BIN: join(home, 'no-electron-here'),
        DISPLAY: ':99',
        WAYLAND_DISPLAY: '',
      };
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-build'], { env });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (line.startsWith('http://')) resolve(line);
        });
        child.once('exit', (code) => reject(new Error(`start exited with ${code}`)));
      });
      const token = url.split('#token=')[1]!;
      await vi.waitFor(() => expect(existsSync(record)).toBe(true));
      const [opened] = readFileSync(record, 'utf8').split('\n');
      expect(opened).not.toContain(token);
      expect(statSync(opened!).mode & 0o777).toBe(0o600);
      expect(statSync(join(opened!, '..')).mode & 0o777).toBe(0o700);
      expect(readFileSync(opened!, 'utf8')).toContain(JSON.stringify(url));

      child.kill('SIGTERM');
      await exited;
      expect(existsSync(join(opened!, '..'))).toBe(false);
    },
  );
});
