// Reading documents' text as a job (the compiled worker in dist/: `npm run build` first): its own thread,
// progress of kind 'text', and queued by the app after a file is attached, so search finds it shortly after.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/api/handlers.js';
import type { ProgressEvent } from '../../../electron/api/progress.js';
import { createCaller } from '../../../electron/jobs/calls.js';
import { jobKindOf, runJob } from '../../../electron/jobs/runner.js';
import { pendingFiles } from '../../../db/document-text.js';
import { search } from '../../../db/search.js';
import { openStore } from '../../../db/store.js';
import { ROOT, tempDir, valija } from '../../helpers.js';

const workerFile = join(ROOT, 'dist', 'electron', 'jobs', 'worker.js');
const DECLARATION = new URL('../../fixtures/documents/declaration.pdf', import.meta.url).pathname;
const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';

function demoStore() {
  const file = join(tempDir(), 'demo.db');
  expect(valija(['--db', file, 'init', '--demo']).code).toBe(0);
  return file;
}

describe('the text job', () => {
  it('runs in a worker, reports progress of kind text, and leaves the pages searchable', async () => {
    expect(jobKindOf('extractDocumentText')).toBe('text');
    const storeFile = demoStore();
    const store = openStore(storeFile);
    const doc = await createHandlers(store).attachDocument({
      targetKind: 'meeting',
      targetId: ECUADOR_MEETING,
      file: DECLARATION,
    });
    store.close();
    const events: ProgressEvent[] = [];
    const answer = await runJob(
      'extractDocumentText',
      {},
      { storeFile, workerFile, onProgress: (e) => events.push(e) },
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { files: [{ text: 'indexed', pages: 3, documentIds: [doc.id] }] },
    });
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['text']));
    expect(events.at(-1)!.phase).toBe('done');
    const after = openStore(storeFile);
    expect(search(after.db, 'pagina 2 de la declaracion')).toMatchObject([{ id: doc.id, page: 2 }]);
    after.close();
  });

  it('is queued by the app after a file is attached', async () => {
    const storeFile = demoStore();
    const store = openStore(storeFile);
    let finished: () => void;
    const textDone = new Promise<void>((resolve) => (finished = resolve));
    const { call } = createCaller({
      handlers: createHandlers(store),
      storeFile,
      workerFile,
      onProgress: (event) => event.kind === 'text' && event.phase === 'done' && finished(),
    });
    const attached = await call('attachDocument', {
      targetKind: 'meeting',
      targetId: ECUADOR_MEETING,
      file: DECLARATION,
    });
    expect(attached).toMatchObject({ ok: true, value: { current: { text: 'pending' } } });
    await textDone;
    expect(search(store.db, 'pagina 3 de la declaracion')).toMatchObject([{ kind: 'document', page: 3 }]);
    store.close();
  });

  it('reads at start the files a store holds unread (an upgraded store, or a run stopped before it finished)', async () => {
    const storeFile = demoStore();
    const store = openStore(storeFile);
    const doc = await createHandlers(store).attachDocument({
      targetKind: 'meeting',
      targetId: ECUADOR_MEETING,
      file: DECLARATION,
    });
    expect(pendingFiles(store.db)).toHaveLength(1);
    let finished: () => void;
    const textDone = new Promise<void>((resolve) => (finished = resolve));
    createCaller({
      handlers: createHandlers(store),
      storeFile,
      workerFile,
      textPending: () => pendingFiles(store.db).length > 0,
      onProgress: (event) => event.kind === 'text' && event.phase === 'done' && finished(),
    });
    await textDone;
    expect(pendingFiles(store.db)).toEqual([]);
    expect(search(store.db, 'pagina 2 de la declaracion')).toMatchObject([{ id: doc.id, page: 2 }]);
    store.close();
  });
});
