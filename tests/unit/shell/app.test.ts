// The whole main process, wired by startApp, against a fake Electron: first run on the demo store, the
// secure window, the IPC door, the protocol, the session and the menu.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../db/migrations/index.js';
import { startApp } from '../../../electron/main/app.js';
import { tempDir } from '../../helpers.js';
import { FakeBrowserWindow, fakeElectron, fakeEvent } from './fakes.js';

function appFolder() {
  const appPath = tempDir();
  mkdirSync(join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Valija</title>');
  return appPath;
}

async function start(options: { singleInstance?: boolean; home?: string } = {}) {
  const home = options.home ?? tempDir();
  const fake = fakeElectron({ appPath: appFolder(), singleInstance: options.singleInstance });
  const started = await startApp(fake.electron as never, {
    env: { VALIJA_HOME: home, VALIJA_DB: '' },
    platform: 'linux',
    nativeBinding: () => undefined,
  });
  return { ...fake, home, started };
}

type Envelope = { ok: boolean; value?: unknown; error?: { code: string } };

describe('the desktop app, started against a fake Electron', () => {
  it('registers the app:// scheme and the sandbox before it is ready, and uses the per-user folder', async () => {
    const { calls, schemes, home } = await start();
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls).toContain(`setPath:userData:${home}`);
    expect(schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
  });

  it('creates the demo store on first run, marked as demo data, and answers the window over IPC', async () => {
    const { handlers, home } = await start();
    expect(existsSync(join(home, 'valija.db'))).toBe(true);
    const window = FakeBrowserWindow.instances[0]!;
    const call = handlers.get('valija:call')!;
    const frame = window.webContents.mainFrame;
    const meetings = (await call({ senderFrame: frame }, 'list', { kind: 'meeting' })) as Envelope;
    expect(meetings.ok).toBe(true);
    expect(meetings.value).toHaveLength(3);
    expect(await call({ senderFrame: frame }, 'about', {})).toEqual({ ok: true, value: { demo: true } });
    expect(await call({ senderFrame: { url: 'app://bundle/' } }, 'dump', {})).toMatchObject({
      ok: false,
      error: { code: 'E_FORBIDDEN' },
    });
    expect(await call({ senderFrame: frame }, 'get', { kind: 'meeting' })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
  });

  it('opens one secure window on app://bundle/ with the bundled preload, shown when ready', async () => {
    await start();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(window.options.webPreferences.preload).toMatch(/dist[/\\]electron[/\\]preload\.cjs$/);
    expect(window.loadedUrl).toBe('app://bundle/');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    const event = fakeEvent();
    window.webContents.emit('will-navigate', event, 'https://example.org/');
    expect(event.defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
  });

  it('serves the renderer on app://, locks the session and installs the menu', async () => {
    const { protocolHandlers, session, menu } = await start();
    const response = await protocolHandlers.get('app')!({ url: 'app://bundle/', method: 'GET' });
    expect(await response.text()).toContain('<title>Valija</title>');
    let granted: boolean | undefined;
    session.permissionRequest?.({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect((menu()?.template as { label?: string }[]).map((item) => item.label)).toContain('&File');
  });

  it('remembers the window size on close, and quits when the window is closed', async () => {
    const { home, calls } = await start();
    const window = FakeBrowserWindow.instances[0]!;
    window.emit('close');
    expect(JSON.parse(readFileSync(join(home, 'window-state.json'), 'utf8'))).toMatchObject({
      width: 1200,
      height: 800,
    });
    expect(calls).not.toContain('quit');
  });

  it('quits when its window is closed, closing the store', async () => {
    const { electron, calls, home } = await start();
    electron.app.emit('window-all-closed');
    expect(calls).toContain('quit');
    expect(existsSync(join(home, 'valija.db-wal'))).toBe(true);
    electron.app.emit('will-quit');
    // The last connection closed cleanly: SQLite removed the write-ahead log.
    expect(existsSync(join(home, 'valija.db-wal'))).toBe(false);
  });

  it('leaves to the first instance when another one is running', async () => {
    const { calls, started } = await start({ singleInstance: false });
    expect(calls).toContain('quit');
    expect(started).toBeUndefined();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('says why it cannot start (a store from a newer Valija) and exits 1', async () => {
    const home = tempDir();
    const raw = new Database(join(home, 'valija.db'));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const { calls, exitCode } = await start({ home });
    expect(calls.find((c) => c.startsWith('showErrorBox:'))).toMatch(/E_SCHEMA_TOO_NEW|newer Valija/);
    expect(exitCode()).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
