// `npm start` hands the browser a private launcher file, not the bridge's address: the token stays off every
// command line (`ps`), and out of the file's name.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLauncher } from '../../../scripts/launcher.mjs';
import { tempDir } from '../../helpers.js';

const TOKEN = 'Qx7_secret-token-0123456789abcdefghijklmnopq';
const URL = `http://127.0.0.1:43210/#token=${TOKEN}`;

describe('the npm start launcher', () => {
  it('forwards to the address with its token, from a file whose path does not hold the token', () => {
    const launcher = writeLauncher(URL, tempDir());
    try {
      expect(launcher.file).not.toContain(TOKEN);
      expect(launcher.file).not.toContain('token');
      expect(dirname(launcher.file)).toBe(launcher.dir);
      expect(basename(launcher.file)).toMatch(/\.html$/);
      expect(readFileSync(launcher.file, 'utf8')).toContain(`location.replace(${JSON.stringify(URL)})`);
    } finally {
      launcher.remove();
    }
    expect(existsSync(launcher.dir)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('is a 0600 file in a fresh 0700 folder', () => {
    const launcher = writeLauncher(URL, tempDir());
    try {
      expect(statSync(launcher.dir).mode & 0o777).toBe(0o700);
      expect(statSync(launcher.file).mode & 0o777).toBe(0o600);
    } finally {
      launcher.remove();
    }
  });

  it('cannot be made to close its script by the address', () => {
    const launcher = writeLauncher('http://127.0.0.1:1/#token=</script><b>', tempDir());
    try {
      expect(readFileSync(launcher.file, 'utf8')).not.toContain('</script><b>');
    } finally {
      launcher.remove();
    }
  });
});
