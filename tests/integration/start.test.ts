// `npm start` where Electron is not installed: it says why and serves the app on 127.0.0.1, printing the
// address (no display: no browser is opened), on the per-user folder's store; on first run there is none
// yet, and the page's recovery passphrase creates the encrypted demo store.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, tempDir, valija } from '../helpers.js';

const PASSPHRASE = 'tumbes quito loja cuenca';

describe('npm start without the Electron binary', () => {
  it('falls back to valija serve, where the first run sets a passphrase and gets the encrypted demo store; stops cleanly', async () => {
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
    expect(output).toContain('asks for a recovery passphrase');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    const store = join(home, 'valija.db');
    expect(existsSync(store)).toBe(false);

    // What the page does on first run: the session is to be set up, nothing else answers, then a passphrase.
    const post = async (method: string, input: object) => {
      const response = await fetch(new URL(`/api/${method}`, url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${url.split('#token=')[1]!}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    };
    expect((await post('session', {})).value).toMatchObject({ state: 'setup' });
    expect((await post('list', { kind: 'meeting' })).error?.code).toBe('E_LOCKED');
    expect((await post('setUpStore', { passphrase: PASSPHRASE })).value).toMatchObject({
      state: 'open',
      encrypted: true,
    });
    expect((await post('list', { kind: 'meeting' })).value).toHaveLength(3);

    // The store is the encrypted demo store, under that recovery passphrase.
    const list = (passphrase: string) =>
      valija(['--db', store, '--unlock-env', 'VALIJA_PASS', 'list', 'meeting'], {
        env: { VALIJA_PASS: passphrase },
      });
    const meetings = list(PASSPHRASE);
    expect(meetings.code, meetings.stderr).toBe(0);
    expect(JSON.parse(meetings.stdout)).toHaveLength(3);
    expect(list('not the passphrase at all').stderr).toContain('E_PASSPHRASE');

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
