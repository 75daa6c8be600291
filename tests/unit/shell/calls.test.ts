// How the desktop shell and the bridge answer calls: jobs run in a worker, known by id while they run, so
// cancelJob stops the one a window shows — a cancelled book leaves no file and no history row (the
// compiled worker in dist/ is used, as the app uses it: `npm run build` first).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/api/handlers.js';
import type { ProgressEvent } from '../../../electron/api/progress.js';
import { createCaller } from '../../../electron/jobs/calls.js';
import { openStore } from '../../../db/store.js';
import { ROOT, tempDir, valija } from '../../helpers.js';

const workerFile = join(ROOT, 'dist', 'electron', 'jobs', 'worker.js');
const MEETING = '0195a000-0000-7000-8000-000004000001';

/** A demo store whose Ecuador meeting has enough points to make a book of a few hundred pages. */
function storeWithLongBook() {
  const file = join(tempDir(), 'demo.db');
  expect(valija(['--db', file, 'init', '--demo']).code).toBe(0);
  const store = openStore(file);
  const words = 'cooperación fronteriza desarrollo integración binacional seguimiento compromiso'.split(' ');
  const points = Array.from({ length: 300 }, (_, i) => ({
    meetingId: MEETING,
    kind: 'certain',
    text: `Punto ${i}: ${Array.from({ length: 250 }, (_, j) => words[(i + j) % words.length]).join(' ')}.`,
  }));
  createHandlers(store).put({ kind: 'talkingPoint', record: points });
  return store;
}

describe('calls', () => {
  it('cancel a running book by the id its progress carries: no file, no history row', async () => {
    expect(existsSync(workerFile), 'run `npm run build` first').toBe(true);
    const store = storeWithLongBook();
    const events: ProgressEvent[] = [];
    let cancelled: Promise<unknown> | undefined;
    const { call, running } = createCaller({
      handlers: createHandlers(store),
      storeFile: store.file,
      workerFile,
      onProgress: (event) => {
        events.push(event);
        // At the worker's first report of real work (the runner's own 'running' report carries 0), ask the job
        // to stop: it is running then, and has a few hundred pages left, each a point where it meets the cancel.
        if (!cancelled && event.phase === 'running' && event.done > 0)
          cancelled = call('cancelJob', { jobId: event.jobId });
      },
    });
    const out = join(tempDir(), 'book.pdf');
    const answer = await call('book', { meetingId: MEETING, file: out });
    expect(await cancelled).toEqual({ ok: true, value: { jobId: events[0]!.jobId, cancelled: true } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'E_CANCELLED' } });
    expect(events.at(-1)).toMatchObject({ phase: 'cancelled', jobId: events[0]!.jobId });
    // It stopped part-way: no report of a finished book.
    expect(
      Math.max(...events.map((e) => (e.phase === 'running' && e.total > 0 ? e.done / e.total : 0))),
    ).toBeLessThan(1);
    expect(existsSync(out)).toBe(false);
    expect(await call('bookHistory', { meetingId: MEETING })).toEqual({ ok: true, value: [] });
    expect(running()).toEqual([]);
    store.close();
  }, 60_000);

  it('cancel an import as it starts: the store is left as it was', async () => {
    const demo = join(tempDir(), 'demo.db');
    expect(valija(['--db', demo, 'init', '--demo']).code).toBe(0);
    const pkg = join(tempDir(), 'demo.valija');
    expect(valija(['--db', demo, 'export', '--out', pkg]).code).toBe(0);
    const file = join(tempDir(), 'empty.db');
    expect(valija(['--db', file, 'init']).code).toBe(0);
    const store = openStore(file);
    const before = await createHandlers(store).dump({});
    let cancelled: Promise<unknown> | undefined;
    const { call } = createCaller({
      handlers: createHandlers(store),
      storeFile: file,
      workerFile,
      onProgress: (event) => (cancelled ??= call('cancelJob', { jobId: event.jobId })),
    });
    const { fingerprint } = valija(['--db', demo, 'identity']).json() as { fingerprint: string };
    const answer = await call('applyImport', { file: pkg, trust: { fingerprint } });
    expect(await cancelled).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'E_CANCELLED' } });
    expect(await call('dump', {})).toEqual({ ok: true, value: before });
    expect(await call('packageHistory', {})).toEqual({ ok: true, value: [] });
    expect(await call('trustedKeys', {})).toEqual({ ok: true, value: [] });
    store.close();
  }, 60_000);

  it('answer cancelled: false for a job that is not running, and refuse a malformed request', async () => {
    const file = join(tempDir(), 'demo.db');
    expect(valija(['--db', file, 'init', '--demo']).code).toBe(0);
    const store = openStore(file);
    const { call } = createCaller({ handlers: createHandlers(store), storeFile: file, workerFile });
    expect(await call('cancelJob', { jobId: 'no-such-job' })).toEqual({
      ok: true,
      value: { jobId: 'no-such-job', cancelled: false },
    });
    expect(await call('cancelJob', {})).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
    // Inline, without a job runner (the CLI), there is nothing to cancel.
    expect(await call('list', { kind: 'party' })).toMatchObject({ ok: true });
    store.close();
  });
});
