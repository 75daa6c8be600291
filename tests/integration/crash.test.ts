// Crash safety: an import killed with SIGKILL inside its transaction, at every point it reports from, leaves
// a store that passes integrity_check and holds none of the package; importing again completes it. The
// child (crash-import.mjs) reports from inside the transaction and waits there, so each kill provably
// lands while the transaction is open: no timing decides where.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../db/canonical.js';
import { fingerprintOf } from '../../db/device.js';
import { sharedState } from '../../db/reader.js';
import { openStore } from '../../db/store.js';
import { putRecords } from '../../db/writer.js';
import { exportPackage } from '../../electron/sync/exporter.js';
import { ROOT, tempDir, valija } from '../helpers.js';

const KILLS = Number(process.env.VALIJA_CRASH_RUNS ?? 12);
const CHILD = join(ROOT, 'tests', 'integration', 'crash-import.mjs');

/** What the child saw at an 'applying' report, from inside its own connection. */
interface Report {
  done: number;
  total: number;
  inTransaction: boolean;
  changes: number;
}

/** What another connection sees of the store while the child waits at a report. */
interface Probe {
  /** A write transaction could not begin: the child holds the store's write lock. */
  locked: boolean;
  /** The change sets committed (the child's are not yet). */
  changes: number;
  walBytes: number;
}

function probe(file: string): Probe {
  const db = new Database(file, { timeout: 0 });
  try {
    let locked = false;
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
    } catch (error) {
      locked = (error as { code?: string }).code === 'SQLITE_BUSY';
    }
    const changes = db.prepare('SELECT count(*) FROM change_set').pluck().get() as number;
    const wal = `${file}-wal`;
    return { locked, changes, walBytes: existsSync(wal) ? statSync(wal).size : 0 };
  } finally {
    db.close();
  }
}

/** Imports in the child, letting it go on past `killAt - 1` reports, and kills it at report `killAt`. */
function importKilledAt(db: string, pkg: string, killAt: number): Promise<{ report: Report; probe: Probe }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, db, pkg], { stdio: ['pipe', 'pipe', 'inherit'] });
    let seen = 0;
    let output = '';
    let killed: { report: Report; probe: Probe } | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (data: string) => {
      output += data;
      for (let end = output.indexOf('\n'); end >= 0; end = output.indexOf('\n')) {
        const report = JSON.parse(output.slice(0, end)) as Report;
        output = output.slice(end + 1);
        if (++seen < killAt) {
          child.stdin.write('.');
          continue;
        }
        // The child is waiting inside its transaction: look at the store from outside, then kill it there.
        killed = { report, probe: probe(db) };
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve(killed);
      else reject(new Error(`the import was not killed at report ${killAt} (exit ${code}, ${signal})`));
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

describe('an import killed inside its transaction', () => {
  it(`leaves none of the package, ${KILLS} times`, { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const source = openStore(join(dir, 'source.db'), { create: true });
    const parties = Array.from({ length: 3_000 }, (_, i) => ({
      name: `Contraparte ${i}`,
      profile: 'Perfil '.repeat(20),
    }));
    putRecords(source.writer, 'party', parties);
    const pkg = join(dir, 'big.valija');
    const { changes } = exportPackage(source, pkg);
    const expected = canonicalJson(sharedState(source.db));
    const fingerprint = fingerprintOf(source.device.publicKey);
    source.close();
    // The importer reports every 1,000 records, the last at the 3,000th, after which it still indexes,
    // notes the package and commits.
    const reports = Math.floor(parties.length / 1000);

    const base = join(dir, 'base.db');
    expect(valija(['--db', base, 'init']).code).toBe(0);
    const before = inspect(base);

    const outcomes = { none: 0, all: 0 };
    const walBytes: number[] = [];
    for (let run = 0; run < KILLS; run++) {
      const file = join(dir, `crash-${run}.db`);
      copyFileSync(base, file);
      const killAt = 1 + Math.floor((run * reports) / KILLS);
      const { report, probe } = await importKilledAt(file, pkg, killAt);
      // At the kill the transaction was open and had written rows no other connection could see yet.
      expect(report).toMatchObject({ done: killAt * 1000, inTransaction: true });
      expect(report.changes).toBeGreaterThan(before.changes);
      expect(probe).toMatchObject({ locked: true, changes: before.changes });
      walBytes.push(probe.walBytes);

      const after = inspect(file);
      expect(after.integrity).toBe('ok');
      expect([before.dump, expected]).toContain(after.dump);
      expect([before.changes, before.changes + changes]).toContain(after.changes);
      outcomes[after.dump === before.dump ? 'none' : 'all']++;
      const again = valija(['--db', file, 'import', pkg, '--trust', fingerprint]);
      expect(again.code, again.stderr).toBe(0);
      expect(inspect(file).dump).toBe(expected);
    }
    // Every kill landed inside the transaction, so none can have left the package applied.
    expect(outcomes).toEqual({ none: KILLS, all: 0 });
    console.log(
      `crash test: ${KILLS} kills inside the import of ${changes} changes (reports 1–${reports}); the store held none ${outcomes.none}×, all ${outcomes.all}×; -wal at the kill ${Math.min(...walBytes)}–${Math.max(...walBytes)} bytes`,
    );
  });
});
