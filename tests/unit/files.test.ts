// The files Valija writes are the user's alone, whatever the process's umask: folders it creates 0700, files
// 0600; a folder that was already there keeps its mode.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOwnDir, makePrivateDir, writeFileAtomically } from '../../electron/files.js';
import { saveWindowState } from '../../electron/main/windowState.js';
import { tempDir } from '../helpers.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('makePrivateDir makes every folder it creates 0700 and leaves the one that existed as it was', () => {
    const parent = join(tempDir(), 'existing');
    mkdirSync(parent);
    chmodSync(parent, 0o755);
    makePrivateDir(join(parent, 'a', 'b'));
    expect([mode(join(parent, 'a')), mode(join(parent, 'a', 'b'))]).toEqual([0o700, 0o700]);
    expect(mode(parent)).toBe(0o755);
    makePrivateDir(parent);
    expect(mode(parent)).toBe(0o755);
  });

  it('writeFileAtomically writes a 0600 file, also over an existing 0644 one', () => {
    const file = join(tempDir(), 'a.valija');
    writeFileSync(file, 'old', { mode: 0o644 });
    chmodSync(file, 0o644);
    writeFileAtomically(file, Buffer.from('new'));
    expect(mode(file)).toBe(0o600);
  });

  it("the window's remembered place is a 0600 file in a 0700 folder", () => {
    const file = join(tempDir(), 'Valija', 'window-state.json');
    saveWindowState(file, { width: 1000, height: 700, maximized: false });
    expect(mode(join(file, '..'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it("makeOwnDir accepts the user's own folder that others cannot write into, as it is", () => {
    const dir = join(tempDir(), 'backups');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    expect(() => makeOwnDir(dir)).not.toThrow();
    expect(mode(dir)).toBe(0o755);
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    expect(() => makeOwnDir(file)).toThrow(expect.objectContaining({ code: 'E_UNSAFE_PATH' }));
  });
});
