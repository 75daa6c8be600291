/**
 * `npm run bench book` (distribution part): twenty numbered copies of a 40-page book for twenty recipients,
 * printed as one distribution, against the same twenty copies printed one by one — as twenty `valija book`
 * runs (how a desk officer would without a distribution) and as twenty prints in one process — all measured
 * in this run on the same store. Goal: the distribution within 0.5× of twenty single prints.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { distributeBook } from '../electron/book/distribution.js';
import { buildBook } from '../electron/book/service.js';
import { rng, sentence } from '../electron/book/synthetic.js';
import { loadDemo } from '../electron/demo.js';

const MEETING = '0195a000-0000-7000-8000-000004000001';
const COPIES = 20;
const DATE = '2026-12-01';
const RECIPIENTS = Array.from({ length: COPIES }, (_, i) => ({
  name: `Destinatario ${i + 1} Pérez`,
  post: i % 2 ? 'Dirección de América del Sur' : 'Despacho ministerial',
}));

/** The demo store with the Ecuador meeting grown to a book of about 40 pages: points and shared notes. */
function bookStore(file: string): Store {
  const store = openStore(file, { create: true });
  loadDemo(store.db);
  const next = rng(5);
  putRecords(
    store.writer,
    'talkingPoint',
    Array.from({ length: 160 }, () => ({ meetingId: MEETING, text: sentence(next, 45) })),
  );
  putRecords(
    store.writer,
    'annotation',
    Array.from({ length: 80 }, () => ({
      targetKind: 'meeting',
      targetId: MEETING,
      body: sentence(next, 60),
    })),
  );
  return store;
}

async function singlePrints(store: Store, dir: string): Promise<number> {
  const start = performance.now();
  for (const [i, recipient] of RECIPIENTS.entries()) {
    await buildBook(store, {
      meetingId: MEETING,
      file: join(dir, `single-${i}.pdf`),
      date: DATE,
      copyFor: `${recipient.name}, ${recipient.post}`,
      copyNumber: 1000 + i,
    });
  }
  return performance.now() - start;
}

/** Separate runs cost seconds each (a process, its modules, the store opened): five are timed, scaled to twenty. */
const SEPARATE = 5;

function separateRuns(db: string, dir: string): number {
  const valija = resolve(fileURLToPath(import.meta.url), '../../../bin/valija.js');
  const start = performance.now();
  for (const [i, recipient] of RECIPIENTS.slice(0, SEPARATE).entries()) {
    execFileSync(process.execPath, [
      valija,
      '--db',
      db,
      'book',
      MEETING,
      '--out',
      join(dir, `run-${i}.pdf`),
      '--date',
      DATE,
      '--copy-for',
      `${recipient.name}, ${recipient.post}`,
    ]);
  }
  return ((performance.now() - start) * COPIES) / SEPARATE;
}

export async function runBookDistributionBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-distribution-'));
  try {
    const db = join(dir, 'store.db');
    bookStore(db).close();
    const runs = separateRuns(db, dir);
    // In this process, the single prints and the distribution alternate, twice each; the best of each counts.
    const single: number[] = [];
    const distributed: number[] = [];
    let pages = 0;
    for (let round = 0; round < 2; round++) {
      const store = openStore(db);
      single.push(await singlePrints(store, dir));
      const start = performance.now();
      const result = await distributeBook(store, {
        meetingId: MEETING,
        date: DATE,
        recipients: RECIPIENTS,
        outDir: join(dir, `distribution-${round}`),
      });
      distributed.push(performance.now() - start);
      pages = result.copies[0]!.pages;
      store.close();
    }
    const best = (values: number[]) => Math.min(...values);
    const d = best(distributed);
    console.log(`\nBook distribution: ${COPIES} numbered copies of a ${pages}-page book`);
    console.table([
      { run: `${COPIES} × valija book (separate runs; ${SEPARATE} timed)`, ms: runs.toFixed(0) },
      { run: `${COPIES} single prints in one process`, ms: best(single).toFixed(0) },
      { run: `one distribution of ${COPIES}`, ms: d.toFixed(0) },
    ]);
    const ratio = d / runs;
    console.log(
      `distribution: ${ratio.toFixed(2)}× ${COPIES} separate runs, ${(d / best(single)).toFixed(2)}× ${COPIES} prints in one process; ` +
        `goal ≤ 0.5× twenty single prints: ${ratio <= 0.5 ? 'met' : 'MISSED'} against separate runs, ${d / best(single) <= 0.5 ? 'met' : 'MISSED'} in one process`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
