// The whole main process, wired by startApp, against a fake Electron: first run on the demo store, the
// secure window, the IPC door, the protocol, the session and the menu.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../db/migrations/index.js';
import { startApp } from '../../../electron/main/app.js';
import { tempDir } from '../../helpers.js';
import { FakeBrowserWindow, fakeElectron, fakeEvent, type FakeKeychainOptions } from './fakes.js';

/** The window's one door: a call from its main frame. */
function windowCall(handlers: Map<string, (...args: unknown[]) => unknown>) {
  const window = FakeBrowserWindow.instances.at(-1)!;
  const call = handlers.get('valija:call')!;
  return (method: string, input: unknown = {}) =>
    call({ senderFrame: window.webContents.mainFrame }, method, input) as Promise<Envelope>;
}

/** A first run: the window sets the recovery passphrase, and the store is created. */
async function firstRun(options: { home?: string; keychain?: FakeKeychainOptions } = {}) {
  const started = await start(options);
  const call = windowCall(started.handlers);
  expect((await call('setUpStore', { passphrase: PASSPHRASE })).ok).toBe(true);
  return { ...started, call };
}

function appFolder() {
  const appPath = tempDir();
  mkdirSync(join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Valija</title>');
  return appPath;
}

const PASSPHRASE = 'correct horse battery staple lima';

async function start(
  options: { singleInstance?: boolean; home?: string; keychain?: FakeKeychainOptions } = {},
) {
  const home = options.home ?? tempDir();
  const fake = fakeElectron({
    appPath: appFolder(),
    singleInstance: options.singleInstance,
    keychain: options.keychain,
  });
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
    const { handlers, home } = await firstRun();
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

  it('attaches, saves and previews a document through native dialogs, only the chosen path crossing', async () => {
    const { call, electron, home } = await firstRun();
    const file = join(home, 'nota verbal.pdf');
    writeFileSync(file, '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const dialogs: string[] = [];
    const dialog = electron.dialog as Record<string, unknown>;
    dialog.showOpenDialog = (_window: unknown, options: { title: string }) => {
      dialogs.push(`open:${options.title}`);
      return Promise.resolve({ canceled: false, filePaths: [file] });
    };
    const target = join(home, 'guardado.pdf');
    dialog.showSaveDialog = (_window: unknown, options: { defaultPath: string }) => {
      dialogs.push(`save:${options.defaultPath}`);
      return Promise.resolve({ canceled: false, filePath: target });
    };
    const meeting = ((await call('list', { kind: 'meeting' })).value as { id: string }[])[0]!.id;
    const chosen = await call('chooseFile', { title: 'Adjuntar documento' });
    expect(chosen).toEqual({ ok: true, value: { file } });
    const attached = await call('attachDocument', { targetKind: 'meeting', targetId: meeting, file });
    expect(attached.ok).toBe(true);
    const { id: documentId, sha256 } = attached.value as { id: string; sha256: string };
    // A page may only suggest a name: a path in it is flattened, never followed.
    const where = await call('chooseSaveFile', { defaultName: '../../etc/nota verbal.pdf' });
    expect(where).toEqual({ ok: true, value: { file: target } });
    expect(dialogs).toEqual(['open:Adjuntar documento', 'save:.._.._etc_nota verbal.pdf']);
    expect((await call('saveDocument', { documentId, file: target })).ok).toBe(true);
    expect(readFileSync(target)).toEqual(readFileSync(file));
    const preview = await call('documentBytes', { documentId });
    expect(preview.value).toMatchObject({
      fileName: 'nota verbal.pdf',
      mediaType: 'application/pdf',
      sha256,
    });
    expect(Buffer.from((preview.value as { base64: string }).base64, 'base64')).toEqual(readFileSync(file));
    // Cancelled: null, nothing chosen.
    dialog.showOpenDialog = () => Promise.resolve({ canceled: true, filePaths: [] });
    expect(await call('chooseFile', {})).toEqual({ ok: true, value: { file: null } });
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
    const { electron, calls, home } = await firstRun();
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

describe('the desktop store under the OS keychain (a fake safeStorage: the real keychain is not exercised here)', () => {
  const status = async (call: ReturnType<typeof windowCall>) =>
    (await call('session')).value as { state: string; encrypted: boolean; keychain?: string };
  const keyFile = (home: string) =>
    JSON.parse(readFileSync(join(home, 'valija.db.keys'), 'utf8')) as { entries: { wrap: string }[] };

  it('first run: nothing opens until a recovery passphrase is set; then the store is encrypted', async () => {
    const { handlers, home } = await start();
    const call = windowCall(handlers);
    expect(await status(call)).toMatchObject({ state: 'setup' });
    expect(await call('list', { kind: 'meeting' })).toMatchObject({ ok: false, error: { code: 'E_LOCKED' } });
    expect(await call('setUpStore', { passphrase: 'password123' })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
    expect(existsSync(join(home, 'valija.db'))).toBe(false);
    expect((await call('setUpStore', { passphrase: PASSPHRASE })).value).toMatchObject({
      state: 'open',
      encrypted: true,
    });
    expect(readFileSync(join(home, 'valija.db')).subarray(0, 15).toString('latin1')).not.toBe(
      'SQLite format 3',
    );
    expect(
      keyFile(home)
        .entries.map((entry) => entry.wrap)
        .sort(),
    ).toEqual(['keychain', 'recovery']);
  });

  it('opens with no prompt on the next start, the keychain holding its key', async () => {
    const { home } = await firstRun();
    const again = await start({ home });
    const call = windowCall(again.handlers);
    expect(await status(call)).toMatchObject({ state: 'open', encrypted: true });
    expect((await call('list', { kind: 'meeting' })).value).toHaveLength(3);
  });

  it('a keychain that cannot unwrap (another machine, a new keyring) asks for the recovery passphrase', async () => {
    const { home } = await firstRun();
    const moved = await start({ home, keychain: { keyring: 'another-machine' } });
    const call = windowCall(moved.handlers);
    expect(await status(call)).toMatchObject({
      state: 'locked',
      encrypted: true,
      keychain: expect.stringMatching(/keychain could not open/),
    });
    expect(await call('list', { kind: 'meeting' })).toMatchObject({ ok: false, error: { code: 'E_LOCKED' } });
    const before = readFileSync(join(home, 'valija.db'));
    expect(await call('unlockStore', { passphrase: 'not the passphrase at all' })).toMatchObject({
      ok: false,
      error: { code: 'E_PASSPHRASE' },
    });
    expect(readFileSync(join(home, 'valija.db')).equals(before)).toBe(true);
    expect((await call('unlockStore', { passphrase: PASSPHRASE })).value).toMatchObject({ state: 'open' });
    expect((await call('list', { kind: 'meeting' })).value).toHaveLength(3);
    // The new keychain wrapped the key again: the next start there asks nothing.
    const next = await start({ home, keychain: { keyring: 'another-machine' } });
    expect(await status(windowCall(next.handlers))).toMatchObject({ state: 'open' });
  });

  it('without a keyring (Linux basic_text) it says so and uses the passphrase', async () => {
    const keychain = { backend: 'basic_text' };
    const { home } = await firstRun({ keychain });
    expect(keyFile(home).entries.map((entry) => entry.wrap)).toEqual(['recovery']);
    const again = await start({ home, keychain });
    const call = windowCall(again.handlers);
    expect(await status(call)).toMatchObject({
      state: 'locked',
      keychain: expect.stringMatching(/no keyring/),
    });
    expect((await call('unlockStore', { passphrase: PASSPHRASE })).value).toMatchObject({ state: 'open' });
  });

  it('Lock closes the store; only the recovery passphrase opens it again, not the keychain', async () => {
    const { call, menu } = await firstRun();
    const lock = (menu()!.template as { submenu?: { label?: string; click?: () => void }[] }[])
      .flatMap((item) => item.submenu ?? [])
      .find((item) => item.label === 'Lock')!;
    lock.click!();
    expect(FakeBrowserWindow.instances.at(-1)!.webContents.reloads).toBe(1);
    expect(await status(call)).toMatchObject({ state: 'locked' });
    expect(await call('get', { kind: 'meeting', id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'E_LOCKED' },
    });
    expect(await call('unlockStore', {})).toMatchObject({ ok: false, error: { code: 'E_LOCKED' } });
    expect((await call('unlockStore', { passphrase: PASSPHRASE })).value).toMatchObject({ state: 'open' });
    expect((await call('lockStore')).value).toMatchObject({ state: 'locked' });
  });
});
