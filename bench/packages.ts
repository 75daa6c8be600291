// `npm run bench packages` (also part of `sync`): export and import of a store holding 200 MB of documents'
// files, plain and encrypted, against a plain copy of the package file (copied and flushed) and a bare
// SQLite insert of the same files' bytes, all measured in this run. Each phase runs in its own process so its peak memory (maxRSS) is its
// own: streaming shows as a peak well under the package's size.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachDocument } from '../db/documents.js';
import { openStore } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { exportPackage } from '../electron/sync/exporter.js';
import { withPackageFile } from '../electron/sync/files.js';
import { applyImport } from '../electron/sync/importer.js';

interface PhaseResult {
  ms: number;
  peakRssMb: number;
  detail?: Record<string, unknown>;
}

/** The run with the median time. */
const median = (results: PhaseResult[]): PhaseResult =>
  [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)]!;

const FILES = 20;
const FILE_MB = 10;
const PASSPHRASE = 'tortuga-galápagos-1835-Darwin';

/** Twenty files of 10 MB on one meeting: random bytes, incompressible like the PDFs and scans they stand for. */
function generate(file: string): Record<string, unknown> {
  const store = openStore(file, { create: true });
  const meeting = putRecords(store.writer, 'meeting', { title: 'Gabinete binacional Ecuador' })[0]!.id;
  for (let i = 0; i < FILES; i++) {
    attachDocument(
      store.writer,
      { kind: 'meeting', id: meeting },
      { title: `Anexo ${i + 1}` },
      {
        content: randomBytes(FILE_MB * 2 ** 20),
        fileName: `anexo-${i + 1}.bin`,
        mediaType: 'application/octet-stream',
        pages: 0,
      },
    );
  }
  store.close();
  return { files: FILES, megabytes: FILES * FILE_MB };
}

/**
 * The second baseline: the same files' bytes, read from the source store, inserted bare into a new
 * better-sqlite3 table in one transaction — what keeping them in any SQLite store costs at least.
 */
function bareInsert(from: string, to: string): void {
  const source = new Database(from, { readonly: true });
  const target = new Database(to);
  target.pragma('journal_mode = WAL');
  target.exec('CREATE TABLE file (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL)');
  const insert = target.prepare('INSERT INTO file (sha256, content) VALUES (?, ?)');
  target.transaction(() => {
    for (const row of source.prepare('SELECT sha256, content FROM document_file').iterate())
      insert.run((row as { sha256: string }).sha256, (row as { content: Buffer }).content);
  })();
  target.close();
  source.close();
}

/** The baseline: the package file copied as any file would be, and flushed to disk like an export. */
function plainCopy(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

async function phase(name: string, args: string[]): Promise<PhaseResult> {
  const started = performance.now();
  const passphrase = args[2] ? PASSPHRASE : undefined;
  switch (name) {
    case 'generate':
      return { ms: 0, peakRssMb: 0, detail: generate(args[0]!) };
    case 'copy':
      plainCopy(args[0]!, args[1]!);
      break;
    case 'bare':
      bareInsert(args[0]!, args[1]!);
      break;
    case 'export': {
      const store = openStore(args[0]!);
      exportPackage(store, args[1]!, { passphrase });
      store.close();
      break;
    }
    case 'import': {
      const store = openStore(args[0]!, { create: true });
      const report = await withPackageFile(args[1]!, (bytes) =>
        applyImport(store, bytes, { trust: true, passphrase }),
      );
      store.close();
      if (report.files.new !== FILES) throw new Error(`imported ${report.files.new} files, not ${FILES}`);
      break;
    }
    default:
      throw new Error(`unknown phase ${name}`);
  }
  return {
    ms: performance.now() - started,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function runPhase(name: string, ...args: string[]): PhaseResult {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'phase', name, ...args], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

export function runPackagesBench(repeat = Number(process.env.VALIJA_BENCH_REPEAT ?? 3)): void {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-packages-'));
  try {
    const source = join(dir, 'source.db');
    runPhase('generate', source);
    const runs: Record<string, PhaseResult[]> = {};
    const add = (name: string, result: PhaseResult) => (runs[name] ??= []).push(result);
    const plain = join(dir, 'plain.valija');
    const sealed = join(dir, 'sealed.valija');
    // Interleaved, so a slow spell of the machine hits every phase alike; the median run counts.
    for (let i = 0; i < repeat; i++) {
      add('export', runPhase('export', source, plain));
      add('export, encrypted', runPhase('export', source, sealed, 'sealed'));
      add('plain file copy (baseline)', runPhase('copy', plain, join(dir, `copy-${i}.valija`)));
      add('bare SQLite insert of the files', runPhase('bare', source, join(dir, `bare-${i}.db`)));
      add('import into an empty store', runPhase('import', join(dir, `target-${i}.db`), plain));
      add('import, encrypted', runPhase('import', join(dir, `sealed-${i}.db`), sealed, 'sealed'));
      for (const file of [`copy-${i}.valija`, `bare-${i}.db`, `target-${i}.db`, `sealed-${i}.db`]) {
        rmSync(join(dir, file), { force: true });
        rmSync(join(dir, `${file}-wal`), { force: true });
      }
    }
    const megabytes = statSync(plain).size / 2 ** 20;
    const copy = median(runs['plain file copy (baseline)']!);
    console.log(
      `\npackages benchmark: ${FILES} documents of ${FILE_MB} MB, a package of ${megabytes.toFixed(0)} MB (median of ${repeat} runs)`,
    );
    console.log('phase                          time (s)      MB/s   × copy time   peak RSS (MB)');
    for (const [name, results] of Object.entries(runs)) {
      const r = median(results);
      console.log(
        `${name.padEnd(30)} ${(r.ms / 1000).toFixed(2).padStart(8)} ${(megabytes / (r.ms / 1000)).toFixed(0).padStart(9)}` +
          `   ${(r.ms / copy.ms).toFixed(2).padStart(11)}   ${String(r.peakRssMb).padStart(13)}`,
      );
    }
    const bare = median(runs['bare SQLite insert of the files']!);
    for (const name of ['import into an empty store', 'import, encrypted'])
      console.log(
        `${name}: ${(median(runs[name]!).ms / bare.ms).toFixed(2)}× the bare SQLite insert of the same bytes`,
      );
    const peak = Math.max(...Object.values(runs).flatMap((r) => r.map((p) => p.peakRssMb)));
    console.log(
      `memory: the highest peak of any phase is ${peak} MB for a ${megabytes.toFixed(0)} MB package (streamed: one ${FILE_MB} MB file at a time)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'phase') {
  const [, , , name, ...args] = process.argv;
  console.log(JSON.stringify(await phase(name!, args)));
}
