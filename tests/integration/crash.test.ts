// Crash safety: `valija import` killed with SIGKILL at random moments leaves a store that passes
// integrity_check and holds either none or all of the package; importing again completes it.
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../db/canonical.js';
import { sharedState } from '../../db/reader.js';
import { openStore } from '../../db/store.js';
import { putRecords } from '../../db/writer.js';
import { exportPackage } from '../../electron/sync/exporter.js';
import { tempDir, valija, VALIJA_BIN } from '../helpers.js';

const KILLS = Number(process.env.VALIJA_CRASH_RUNS ?? 20);

function importUntilKilled(db: string, pkg: string, killAfterMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VALIJA_BIN, '--db', db, 'import', pkg, '--trust'], {
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(
        signal === 'SIGKILL'
          ? 'killed'
          : code === 0
            ? 'finished'
            : reject(new Error(`import failed: ${code}`))!,
      );
    });
  });
}

function inspect(file: string): { integrity: string; changes: number; dump: string } {
  const store = openStore(file);
  try {
    return {
      integrity: store.db.pragma('integrity_check', { simple: true }) as string,
      changes: (store.db.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n,
      dump: canonicalJson(sharedState(store.db)),
    };
  } finally {
    store.close();
  }
}

describe('an import killed at any moment', () => {
  it(`leaves none or all of the package, ${KILLS} times`, { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const source = openStore(join(dir, 'source.db'), { create: true });
    const parties = Array.from({ length: 1500 }, (_, i) => ({
      name: `Contraparte ${i}`,
      profile: 'Perfil '.repeat(20),
    }));
    putRecords(source.writer, 'party', parties);
    const pkg = join(dir, 'big.valija');
    const { changes } = exportPackage(source, pkg);
    const expected = canonicalJson(sharedState(source.db));
    source.close();

    const base = join(dir, 'base.db');
    expect(valija(['--db', base, 'init']).code).toBe(0);
    const baseChanges = inspect(base).changes;

    const timed = join(dir, 'timed.db');
    copyFileSync(base, timed);
    const started = performance.now();
    expect(await importUntilKilled(timed, pkg, 60_000)).toBe('finished');
    const duration = performance.now() - started;

    const outcomes = { none: 0, all: 0 };
    for (let run = 0; run < KILLS; run++) {
      const file = join(dir, `crash-${run}.db`);
      copyFileSync(base, file);
      await importUntilKilled(file, pkg, ((run + 0.5) / KILLS) * duration * 1.1);
      const after = inspect(file);
      expect(after.integrity).toBe('ok');
      expect([baseChanges, baseChanges + changes]).toContain(after.changes);
      outcomes[after.changes === baseChanges ? 'none' : 'all']++;
      const again = valija(['--db', file, 'import', pkg, '--trust']);
      expect(again.code, again.stderr).toBe(0);
      expect(inspect(file).dump).toBe(expected);
    }
    console.log(
      `crash test: import of ${changes} changes took ${duration.toFixed(0)} ms; after SIGKILL the store held none ${outcomes.none}×, all ${outcomes.all}×`,
    );
  });
});
