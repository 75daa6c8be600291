// The real desktop app: runs only where the Electron binary exists (it cannot be downloaded on the build
// machines) and better-sqlite3 has been built for it; elsewhere it skips and says what is missing.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHOD_NAMES } from '../../electron/api/contract.js';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { ROOT } from './fixtures.js';

const binary = findElectronBinary();
const nativeModule = join(ROOT, '.electron-native', 'better_sqlite3.node');

const PASSPHRASE = 'correct horse battery staple lima';

test('the desktop app creates its encrypted demo store on first run and shows its three meetings', async () => {
  const missing =
    'missing' in binary
      ? `${binary.missing}; on a machine with internet run \`npx install-electron\`, or set ELECTRON_BIN to an Electron 45 binary`
      : !existsSync(nativeModule)
        ? `${nativeModule} is missing; run \`node scripts/electron-native.mjs\` (needs internet)`
        : undefined;
  if (missing) console.log(`Electron smoke test skipped: ${missing}.`);
  test.skip(missing !== undefined, `Electron smoke test skipped: ${missing}.`);
  const home = mkdtempSync(join(tmpdir(), 'valija-electron-'));
  const app = await electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
    env: { ...process.env, VALIJA_HOME: home, VALIJA_DB: '' },
  });
  try {
    const page = await app.firstWindow();
    // First run: a recovery passphrase, then the encrypted demo store (the keychain wraps its key).
    await page.getByLabel('Recovery passphrase').fill(PASSPHRASE);
    await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create the encrypted store' }).click();
    await expect(page.locator('.meeting-title')).toHaveCount(3);
    await expect(page.getByRole('note')).toContainText('Demo data');
    expect(page.url()).toBe('app://bundle/');
    // The page sees the contract and nothing of Node.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const exposed = await page.evaluate(() => Object.keys((globalThis as { valija?: object }).valija ?? {}));
    expect(exposed.sort()).toEqual([...METHOD_NAMES, 'onProgress'].sort());
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
