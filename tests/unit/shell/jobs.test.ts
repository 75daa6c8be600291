// Heavy work in a worker thread with its own store connection, reporting progress (the compiled worker in
// dist/ is used, as the app uses it: `npm run build` first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../electron/api/progress.js';
import { jobKindOf, runJob } from '../../../electron/jobs/runner.js';
import { ROOT, tempDir, valija } from '../../helpers.js';
import { fingerprintOf } from '../../../db/device.js';
import { openStore } from '../../../db/store.js';
import { putRecords } from '../../../db/writer.js';
import { exportPackage } from '../../../electron/sync/exporter.js';
import { applyImport } from '../../../electron/sync/importer.js';
import { dump } from '../../sync-helpers.js';

const workerFile = join(ROOT, 'dist', 'electron', 'jobs', 'worker.js');

function demoStore() {
  const file = join(tempDir(), 'demo.db');
  expect(valija(['--db', file, 'init', '--demo']).code).toBe(0);
  return file;
}

describe('jobs', () => {
  it('are the package methods', () => {
    expect(jobKindOf('exportPackage')).toBe('export');
    expect(jobKindOf('applyImport')).toBe('import');
    expect(jobKindOf('list')).toBeUndefined();
    expect(jobKindOf('__proto__')).toBeUndefined();
  });

  it('export a package in a worker thread and report running, then done', async () => {
    expect(existsSync(workerFile), 'run `npm run build` first').toBe(true);
    const storeFile = demoStore();
    const out = join(tempDir(), 'out.valija');
    const events: ProgressEvent[] = [];
    const answer = await runJob(
      'exportPackage',
      { file: out },
      { storeFile, workerFile, onProgress: (e) => events.push(e) },
    );
    expect(answer).toMatchObject({ ok: true, value: { file: out } });
    expect(existsSync(out)).toBe(true);
    const phases = events.map((e) => e.phase);
    expect(phases[0]).toBe('running');
    expect(phases.at(-1)).toBe('done');
    expect(new Set(phases.slice(0, -1))).toEqual(new Set(['running']));
    expect(new Set(events.map((e) => e.jobId)).size).toBe(1);
    expect(events[0]!.kind).toBe('export');
  });

  it('refuse invalid input before starting a thread, and a method that is not a job', async () => {
    const events: ProgressEvent[] = [];
    const options = {
      storeFile: '/nonexistent.db',
      workerFile: '/nonexistent.js',
      onProgress: (e: ProgressEvent) => events.push(e),
    };
    expect(await runJob('exportPackage', { file: '' }, options)).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
    expect(await runJob('list', { kind: 'meeting' }, options)).toMatchObject({
      ok: false,
      error: { code: 'E_NOT_AVAILABLE' },
    });
    expect(events).toEqual([]);
  });

  it('report a failure with its code (a missing store)', async () => {
    const events: ProgressEvent[] = [];
    const answer = await runJob(
      'exportPackage',
      { file: join(tempDir(), 'x.valija') },
      { storeFile: join(tempDir(), 'missing.db'), workerFile, onProgress: (e) => events.push(e) },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    expect(events.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'E_NOT_FOUND' } });
  });

  it('cancelled at its first report, before its thread runs, stop there and say so', async () => {
    const storeFile = demoStore();
    const out = join(tempDir(), 'y.valija');
    const abort = new AbortController();
    const events: ProgressEvent[] = [];
    const answer = await runJob(
      'exportPackage',
      { file: out },
      {
        storeFile,
        workerFile,
        signal: abort.signal,
        // The runner reports 'running' before it starts the thread: cancelling there always finds it unstarted.
        onProgress: (e) => {
          events.push(e);
          if (e.phase === 'running') abort.abort();
        },
      },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'E_CANCELLED' } });
    expect(events.map((e) => e.phase)).toEqual(['running', 'cancelled']);
    expect(existsSync(out)).toBe(false);
  });

  it('an import cancelled while it applies stops between records, rolls back, and says so itself', async () => {
    // The target already holds the package's first 2,000 parties, so the job reports 'checking' as it reads
    // past them; while the test holds the store's write lock, the job cannot begin its transaction. The
    // cancel is asked for at the last 'checking' report, then the lock released: the job must meet it at
    // its first 'applying' report (record 3,000 of 5,000), inside its transaction, however fast it runs.
    const source = openStore(join(tempDir(), 'source.db'), { create: true });
    putRecords(
      source.writer,
      'party',
      Array.from({ length: 2_000 }, (_, i) => ({ name: `País ${i}` })),
    );
    const first = join(tempDir(), 'first.valija');
    exportPackage(source, first);
    putRecords(
      source.writer,
      'party',
      Array.from({ length: 3_000 }, (_, i) => ({ name: `País ${2_000 + i}` })),
    );
    const file = join(tempDir(), 'many.valija');
    exportPackage(source, file);
    source.close();
    const storeFile = join(tempDir(), 'target.db');
    const target = openStore(storeFile, { create: true });
    await applyImport(target, readFileSync(first), { trust: true });
    const before = dump(target);

    target.db.exec('BEGIN IMMEDIATE');
    const abort = new AbortController();
    const events: ProgressEvent[] = [];
    const answer = await runJob(
      'applyImport',
      { file, trust: { fingerprint: fingerprintOf(source.device.publicKey) } },
      {
        storeFile,
        workerFile,
        signal: abort.signal,
        onProgress: (e) => {
          events.push(e);
          if (e.message === 'checking' && e.done === 2_000) {
            abort.abort();
            target.db.exec('ROLLBACK');
          }
        },
      },
    );
    // The importer's own answer (not the runner's, which stops a job that does not answer in time).
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'E_CANCELLED', message: expect.stringMatching(/nothing was imported/) },
    });
    expect(target.db.inTransaction).toBe(false);
    const reports = events.filter((e) => e.message).map((e) => `${e.message} ${e.done}`);
    expect(reports).toEqual(['checking 1000', 'checking 2000', 'applying 3000']);
    expect(events.at(-1)?.phase).toBe('cancelled');
    expect(dump(target)).toBe(before);
    expect(target.db.prepare('SELECT count(*) FROM party').pluck().get()).toBe(2_000);
    target.close();
  });
});
