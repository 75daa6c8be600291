/**
 * `npm run bench encryption`: the encrypted store beside the plaintext one, in the same run. Import of a
 * 100,000-record package into an empty store (each run in its own process, alternating), search p95 over
 * those stores (queries alternating between them), and a 500-page briefing book collected and rendered from
 * each. Goal: every ratio (encrypted / plaintext) ≤ 1.25×.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { search } from '../db/search.js';
import { openStore, type Store } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { rng, sentence } from '../electron/book/synthetic.js';
import { loadDemo } from '../electron/demo.js';
import { newKeyFile, writeKeyFile } from '../electron/keys/keyfile.js';
import { wrapWithPassphrase } from '../electron/keys/wrap.js';
import { timeBook } from './book-store.js';
import { median, runPhase, type PhaseResult } from './sync.js';

const GOAL = 1.25;
const PASSPHRASE = 'bench passphrase: correct horse battery staple';
const MEETING = '0195a000-0000-7000-8000-000004000001';
/** Talking points added to the demo meeting so that its book has some 500 pages. */
const TALKING_POINTS = 2_150;
const QUERIES = 400;
const BOOK_RUNS = 3;

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;
const verdict = (ratio: number) =>
  `${ratio.toFixed(2)}× (goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'met' : 'MISSED'})`;

function searchTimes(stores: [Store, Store]): [number[], number[]] {
  const next = rng(7);
  const words = [
    'Iniciativa',
    'Persona',
    'Reunión',
    'cooperación',
    'integración',
    'comercio',
    'Lima',
    'País',
  ];
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < QUERIES; i++) {
    const query = `${words[Math.floor(next() * words.length)]} ${Math.floor(next() * 10_000)}`;
    for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      search(stores[which]!.db, query);
      times[which]!.push(performance.now() - start);
    }
  }
  return times;
}

function addLongMeeting(store: Store): void {
  loadDemo(store.db);
  const next = rng(3);
  putRecords(
    store.writer,
    'talkingPoint',
    Array.from({ length: TALKING_POINTS }, (_, i) => ({
      meetingId: MEETING,
      kind: 'certain',
      text: `Punto ${i}. ${sentence(next, 90)}`,
    })),
  );
}

export async function runEncryptionBench(
  repeat = Number(process.env.VALIJA_BENCH_REPEAT ?? 3),
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-encryption-'));
  try {
    const key = randomBytes(32);
    const source = join(dir, 'source.db');
    const pkg = join(dir, 'store.valija');
    runPhase('generate', source, '1');
    runPhase('export', source, pkg);
    const runs: Record<'plain' | 'encrypted', PhaseResult[]> = { plain: [], encrypted: [] };
    for (let i = 0; i < repeat; i++) {
      const order = i % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
      for (const which of order) {
        const target = join(dir, `${which}-${i}.db`);
        // Its key file, as `valija init --new-passphrase-env` writes it (an import's backup copies it).
        if (which === 'encrypted') writeKeyFile(target, newKeyFile([wrapWithPassphrase(key, PASSPHRASE)]));
        runs[which].push(
          runPhase('import', target, pkg, ...(which === 'encrypted' ? [key.toString('hex')] : [])),
        );
      }
    }
    const imported = { plain: median(runs.plain), encrypted: median(runs.encrypted) };
    const importRatio = imported.encrypted.ms / imported.plain.ms;
    // CPU time as well: steadier than wall time on a machine busy with other work.
    const cpu = (r: PhaseResult) => r.cpuMs ?? r.ms;
    const importCpuRatio = cpu(imported.encrypted) / cpu(imported.plain);

    const stores: [Store, Store] = [
      openStore(join(dir, 'plain-0.db')),
      openStore(join(dir, 'encrypted-0.db'), { key }),
    ];
    try {
      searchTimes(stores); // warm up: statements, page cache
      const [plainTimes, encryptedTimes] = searchTimes(stores);
      const searchRatio = p95(encryptedTimes) / p95(plainTimes);

      for (const store of stores) addLongMeeting(store);
      await timeBook(stores[0]); // warm up: fonts, JIT
      const books: [number[], number[]] = [[], []];
      let pages = 0;
      for (let i = 0; i < BOOK_RUNS; i++) {
        for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
          const result = await timeBook(stores[which]!);
          books[which]!.push(result.totalMs);
          pages = result.pages;
        }
      }
      const bookRatio = medianOf(books[1]) / medianOf(books[0]);

      console.log(
        `\nencrypted store beside the plaintext one (same run; import median of ${repeat} runs each)`,
      );
      console.table([
        {
          measure: `import of ${String(imported.plain.detail?.newChanges)} changes (100,000 records)`,
          'plaintext ms': imported.plain.ms.toFixed(0),
          'encrypted ms': imported.encrypted.ms.toFixed(0),
          ratio: importRatio.toFixed(2),
        },
        {
          measure: `search p95 over ${QUERIES} queries`,
          'plaintext ms': p95(plainTimes).toFixed(2),
          'encrypted ms': p95(encryptedTimes).toFixed(2),
          ratio: searchRatio.toFixed(2),
        },
        {
          measure: `${pages}-page book (collect + render, median of ${BOOK_RUNS})`,
          'plaintext ms': medianOf(books[0]).toFixed(0),
          'encrypted ms': medianOf(books[1]).toFixed(0),
          ratio: bookRatio.toFixed(2),
        },
      ]);
      console.log(
        `encrypted / plaintext: import ${verdict(importRatio)} (CPU ${importCpuRatio.toFixed(2)}×); search p95 ${verdict(searchRatio)}; book ${verdict(bookRatio)}`,
      );
    } finally {
      for (const store of stores) store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
