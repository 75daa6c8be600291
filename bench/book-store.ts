/**
 * `npm run bench book` (store part): a meeting's book costs the same whatever else the store holds. The
 * demo meeting's book (collect + render) from the demo store, and from the demo store plus 100,000
 * initiatives, timed in pairs run back to back (which goes first alternates); each figure is the median of
 * the runs, and the ratio the median of the pairs' ratios, so runs slowed by other work on a shared machine
 * move neither. The book renders in some 20 ms, so a single pair swings by tens of percent. Goal: ≤ 1.1×.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { AREAS, INITIATIVE_STATUSES } from '../domain/kinds.js';
import { collectBook } from '../electron/book/collect.js';
import { renderBook } from '../electron/book/render.js';
import { rng, sentence } from '../electron/book/synthetic.js';
import { loadDemo } from '../electron/demo.js';

/** The demo's binational cabinet with Ecuador (the README's example book). */
const MEETING = '0195a000-0000-7000-8000-000004000001';
const INITIATIVES = 100_000;
const BATCH = 5_000;
const RUNS = 15;

function demoStore(file: string): Store {
  const store = openStore(file, { create: true });
  loadDemo(store.db);
  return store;
}

/** The demo store plus `count` initiatives with the demo's parties, written through the writer in batches. */
function addInitiatives(store: Store, count: number): void {
  const next = rng(11);
  const parties = (store.db.prepare('SELECT id FROM party').pluck().all() as string[]).sort();
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => ({
      title: `Iniciativa ${start + k}: ${sentence(next, 6)}`,
      summary: sentence(next, 20),
      area: AREAS[(start + k) % AREAS.length],
      status: INITIATIVE_STATUSES[(start + k) % INITIATIVE_STATUSES.length],
      partyIds: [parties[(start + k) % parties.length]],
    }));
    putRecords(store.writer, 'initiative', batch);
  }
}

/** The demo meeting's book from `store`, collected and rendered: how long each took, and its pages. */
export async function timeBook(store: Store): Promise<{ collectMs: number; totalMs: number; pages: number }> {
  const ownPartyId = store.db.prepare("SELECT value FROM setting WHERE key = 'ownPartyId'").pluck().get() as
    string | undefined;
  const start = performance.now();
  const model = collectBook(store.db, MEETING, {
    lang: 'es',
    paper: 'a4',
    annotations: 'shared',
    generatedAt: '2026-12-01T12:00:00.000Z',
    ...(ownPartyId ? { ownPartyId } : {}),
  });
  const collectMs = performance.now() - start;
  const { pages } = await renderBook(model);
  return { collectMs, totalMs: performance.now() - start, pages };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface StoreBookBenchRow {
  store: string;
  initiatives: number;
  pages: number;
  collectMs: number;
  totalMs: number;
}

export async function runStoreBookBench(): Promise<StoreBookBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-book-bench-'));
  const demo = demoStore(join(dir, 'demo.db'));
  const big = demoStore(join(dir, 'big.db'));
  try {
    const generating = performance.now();
    addInitiatives(big, INITIATIVES);
    const generatedS = (performance.now() - generating) / 1000;
    const count = (store: Store) =>
      store.db.prepare('SELECT count(*) FROM initiative').pluck().get() as number;
    await timeBook(demo); // warm up (fonts, JIT, statements) on both
    await timeBook(big);
    const runs = {
      demo: [] as Awaited<ReturnType<typeof timeBook>>[],
      big: [] as Awaited<ReturnType<typeof timeBook>>[],
    };
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const first = i % 2 === 0 ? 'demo' : 'big';
      const second = first === 'demo' ? 'big' : 'demo';
      runs[first].push(await timeBook(first === 'demo' ? demo : big));
      runs[second].push(await timeBook(second === 'demo' ? demo : big));
      ratios.push(runs.big.at(-1)!.totalMs / runs.demo.at(-1)!.totalMs);
    }
    const rows = (['demo', 'big'] as const).map((name) => ({
      store: name === 'demo' ? 'demo' : `demo + ${INITIATIVES.toLocaleString('en')} initiatives`,
      initiatives: count(name === 'demo' ? demo : big),
      pages: runs[name][0]!.pages,
      collectMs: median(runs[name].map((r) => r.collectMs)),
      totalMs: median(runs[name].map((r) => r.totalMs)),
    }));
    const ratio = median(ratios);
    console.log(
      `Briefing book from a store (demo meeting; median of ${RUNS} back-to-back pairs; big store generated in ${generatedS.toFixed(0)} s)`,
    );
    console.table(
      rows.map((r) => ({
        store: r.store,
        initiatives: r.initiatives,
        pages: r.pages,
        'collect ms': r.collectMs.toFixed(1),
        'collect + render ms': r.totalMs.toFixed(0),
      })),
    );
    console.log(
      `big/demo (paired median): ${ratio.toFixed(2)}× (medians ${(rows[1]!.totalMs / rows[0]!.totalMs).toFixed(2)}×, collect ${(rows[1]!.collectMs / rows[0]!.collectMs).toFixed(2)}×); goal ≤ 1.1×: ${ratio <= 1.1 ? 'met' : 'MISSED'}`,
    );
    return rows;
  } finally {
    demo.close();
    big.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
