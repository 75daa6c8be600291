/**
 * `npm run bench book` (reissue part): a book of some 500 pages printed again after ten of its points were
 * edited, its changes marked against the first copy (bars, the changes page, the revision on the cover),
 * against the same book printed without comparison — timed in pairs on the same store, which goes first
 * alternating, the medians compared. Goal: within 1.2×.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { buildBook } from '../electron/book/service.js';
import { rng, sentence } from '../electron/book/synthetic.js';
import { loadDemo } from '../electron/demo.js';

const MEETING = '0195a000-0000-7000-8000-000004000001';
const DATE = '2026-12-01';
const PAIRS = 3;

/** The demo store with the Ecuador meeting grown to a book of about 500 pages; the points' ids. */
function bigStore(file: string): { store: Store; points: string[] } {
  const store = openStore(file, { create: true });
  loadDemo(store.db);
  const next = rng(9);
  const points = putRecords(
    store.writer,
    'talkingPoint',
    Array.from({ length: 2000 }, () => ({ meetingId: MEETING, text: sentence(next, 45) })),
  ).map((p) => p.id);
  putRecords(
    store.writer,
    'annotation',
    Array.from({ length: 1000 }, () => ({
      targetKind: 'meeting',
      targetId: MEETING,
      body: sentence(next, 60),
    })),
  );
  return { store, points };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runBookReissueBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-reissue-'));
  try {
    const { store, points } = bigStore(join(dir, 'store.db'));
    const first = await buildBook(store, { meetingId: MEETING, file: join(dir, 'first.pdf'), date: DATE });
    const next = rng(3);
    for (const id of points.filter((_, i) => i % 200 === 7)) {
      putRecords(store.writer, 'talkingPoint', [{ id, text: sentence(next, 40) }]);
    }
    const time = async (changes: string, file: string) => {
      const start = performance.now();
      const summary = await buildBook(store, {
        meetingId: MEETING,
        file: join(dir, file),
        date: DATE,
        changes,
      });
      return { ms: performance.now() - start, summary };
    };
    const marked: number[] = [];
    const plain: number[] = [];
    let pages = 0;
    let changed = 0;
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 === 0 ? (['marked', 'plain'] as const) : (['plain', 'marked'] as const);
      for (const kind of order) {
        const run = await time(kind === 'marked' ? first.id : 'none', `${kind}-${i}.pdf`);
        (kind === 'marked' ? marked : plain).push(run.ms);
        if (kind === 'marked') {
          pages = run.summary.pages;
          changed = run.summary.changes?.changed.length ?? 0;
        }
      }
    }
    store.close();
    const ratio = median(marked) / median(plain);
    console.log(
      `\nBook reissue: a ${first.pages}-page book, ${changed} points edited, reissued (${pages} pages)`,
    );
    console.table([
      { run: 'reissued, changes marked against copy 1', ms: median(marked).toFixed(0) },
      { run: 'printed without comparison', ms: median(plain).toFixed(0) },
    ]);
    console.log(
      `reissue: ${ratio.toFixed(2)}× the book without comparison; goal ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'MISSED'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
