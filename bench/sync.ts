// `npm run bench` (sync part): a generated store of 100,000 records — export, import into an empty store,
// the same import again, and a dry-run preview — against a bare better-sqlite3 insert of the same rows,
// all measured in this run. Each phase runs in its own process so its peak memory can be read.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS, type KindName } from '../domain/kinds.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { openStore } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { exportPackage } from '../electron/sync/exporter.js';
import { applyImport, previewImport } from '../electron/sync/importer.js';
import { withPackageFile } from '../electron/sync/files.js';

export interface PhaseResult {
  ms: number;
  /** CPU time of the measured part (user + system): steadier than wall time on a busy machine. */
  cpuMs?: number;
  peakRssMb: number;
  detail?: Record<string, unknown>;
}

const MIX: [KindName, number][] = [
  ['party', 1_000],
  ['person', 4_000],
  ['initiative', 25_000],
  ['meeting', 10_000],
  ['agendaItem', 20_000],
  ['talkingPoint', 30_000],
  ['commitment', 10_000],
];

function generate(file: string, scale: number): Record<string, unknown> {
  const store = openStore(file, { create: true });
  const ids: Partial<Record<KindName, string[]>> = {};
  const pick = (kind: KindName, i: number) => ids[kind]![i % ids[kind]!.length]!;
  const make: Record<string, (i: number) => Record<string, unknown>> = {
    party: (i) => ({
      name: `País ${i}`,
      region: 'América del Sur',
      profile: `Perfil de la contraparte ${i}.`,
    }),
    person: (i) => ({
      name: `Persona ${i}`,
      role: 'Viceministra',
      partyId: pick('party', i),
      biography: 'Biografía. '.repeat(8),
    }),
    initiative: (i) => ({
      title: `Iniciativa ${i}`,
      summary: `Resumen de la iniciativa ${i}: cooperación, integración y comercio.`,
      area: 'trade',
      partyIds: [pick('party', i)],
      tags: ['comercio', 'integración'],
    }),
    meeting: (i) => ({
      title: `Reunión ${i}`,
      place: 'Lima',
      purpose: 'Propósito de la reunión.',
      partyIds: [pick('party', i)],
    }),
    agendaItem: (i) => ({ meetingId: pick('meeting', i), title: `Punto de agenda ${i}` }),
    talkingPoint: (i) => ({
      meetingId: pick('meeting', i),
      text: `Punto a destacar ${i}: el Perú reafirma su compromiso.`,
    }),
    commitment: (i) => ({
      text: `Compromiso ${i}`,
      owingPartyId: pick('party', i),
      meetingId: pick('meeting', i),
      dueDate: '2026-12-31',
    }),
  };
  let total = 0;
  for (const [kind, count] of MIX) {
    const n = Math.max(1, Math.round(count * scale));
    const created: string[] = [];
    for (let start = 0; start < n; start += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, n - start) }, (_, k) => make[kind]!(start + k));
      for (const record of putRecords(store.writer, kind, batch)) created.push(record.id);
    }
    ids[kind] = created;
    total += n;
  }
  const changes = (store.db.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n;
  store.close();
  return { records: total, changes };
}

/** Wall and CPU time of the part of a phase that is measured. */
interface Timing {
  ms: number;
  cpuMs: number;
}

function startTiming(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

/**
 * The baseline: the same rows, read out of the generated store, inserted bare in one transaction into the
 * store's own tables (every migration, so the same indexes) — without the change log or the search index.
 */
function bareInsert(source: string, target: string): Timing {
  const from = new Database(source, { readonly: true });
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const [kind] of MIX)
    rows.set(kind, from.prepare(`SELECT * FROM "${KINDS[kind].table}"`).all() as Record<string, unknown>[]);
  from.close();
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  for (const migration of MIGRATIONS) db.exec(migration.sql);
  const stop = startTiming();
  db.transaction(() => {
    for (const [kind, list] of rows) {
      const columns = Object.keys(list[0]!);
      const insert = db.prepare(
        `INSERT INTO "${KINDS[kind as KindName].table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      for (const row of list) insert.run(...columns.map((c) => row[c]));
    }
  })();
  const timing = stop();
  db.close();
  return timing;
}

async function phase(name: string, args: string[]): Promise<PhaseResult> {
  const stopPhase = startTiming();
  let detail: Record<string, unknown> | undefined;
  let timing: Timing | undefined;
  const store = (file: string) => openStore(file, { create: true });
  // An encrypted store under a random key (bench/encryption.ts): the same import, pages encrypted.
  const keyed = (file: string, hex: string) =>
    openStore(file, { create: true, key: Buffer.from(hex, 'hex') });
  switch (name) {
    case 'generate':
      detail = generate(args[0]!, Number(args[1]));
      break;
    case 'bare':
      timing = bareInsert(args[0]!, args[1]!);
      break;
    case 'export': {
      const s = store(args[0]!);
      const result = exportPackage(s, args[1]!);
      detail = { changes: result.changes, megabytes: +(result.bytes / 2 ** 20).toFixed(1) };
      s.close();
      break;
    }
    case 'import':
    case 'reimport':
    case 'preview': {
      const s = args[2] ? keyed(args[0]!, args[2]) : store(args[0]!);
      const before = (s.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const stop = startTiming();
      // As the app reads a package: its file a range at a time.
      const report = await withPackageFile(args[1]!, (bytes) =>
        name === 'preview'
          ? previewImport(s, bytes, { trust: true })
          : applyImport(s, bytes, { trust: true }),
      );
      timing = stop();
      const wrote = (s.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - before;
      detail = { newChanges: report.newChanges, alreadyImported: report.alreadyImported, rowsWritten: wrote };
      s.close();
      break;
    }
    default:
      throw new Error(`unknown phase ${name}`);
  }
  return {
    ...(timing ?? stopPhase()),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    detail,
  };
}

export function runPhase(name: string, ...args: string[]): PhaseResult {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'phase', name, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

/** The run with the median time. */
export function median(results: PhaseResult[]): PhaseResult {
  return [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)]!;
}

export async function runSyncBench(
  scale = Number(process.env.VALIJA_BENCH_SCALE ?? 1),
  repeat = Number(process.env.VALIJA_BENCH_REPEAT ?? 3),
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-sync-'));
  try {
    const source = join(dir, 'source.db');
    const pkg = join(dir, 'store.valija');
    const generated = runPhase('generate', source, String(scale));
    console.log(
      `sync: generated ${JSON.stringify(generated.detail)} in ${(generated.ms / 1000).toFixed(1)} s`,
    );
    // Each timed phase runs several times, interleaved so a slow spell of the machine hits them alike,
    // and the median run counts (each import into its own empty store).
    const runs: Record<'bare' | 'export' | 'preview' | 'import', PhaseResult[]> = {
      bare: [],
      export: [],
      preview: [],
      import: [],
    };
    for (let i = 0; i < repeat; i++) {
      runs.bare.push(runPhase('bare', source, join(dir, `bare-${i}.db`)));
      runs.export.push(runPhase('export', source, i === 0 ? pkg : join(dir, `export-${i}.valija`)));
      runs.preview.push(runPhase('preview', join(dir, `preview-${i}.db`), pkg));
      runs.import.push(runPhase('import', join(dir, `target-${i}.db`), pkg));
    }
    const [bare, exported, preview, imported] = (['bare', 'export', 'preview', 'import'] as const).map(
      (name) => median(runs[name]),
    ) as [PhaseResult, PhaseResult, PhaseResult, PhaseResult];
    const again = runPhase('reimport', join(dir, 'target-0.db'), pkg);
    // Another package of the same records (a colleague's next full export): every change known, read whole.
    runPhase('export', source, join(dir, 'next.valija'));
    const known = runPhase('reimport', join(dir, 'target-0.db'), join(dir, 'next.valija'));
    for (const [name, results] of Object.entries(runs)) {
      console.log(`sync: ${name} runs ${results.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s`);
    }
    const rows: [string, PhaseResult][] = [
      ['bare better-sqlite3 insert (baseline)', bare],
      ['export', exported],
      ['import into an empty store', imported],
      ['import the same package again', again],
      ['import another package of the same records', known],
      ['dry-run preview', preview],
    ];
    console.log(`\nsync benchmark (median of ${repeat} runs of each timed phase)`);
    console.log(
      'phase                                      time (s)   × baseline   CPU (s)   × baseline   peak RSS (MB)   detail',
    );
    const cpu = (r: PhaseResult) => r.cpuMs ?? r.ms;
    for (const [name, r] of rows) {
      console.log(
        `${name.padEnd(42)} ${(r.ms / 1000).toFixed(2).padStart(8)}   ${(r.ms / bare.ms).toFixed(2).padStart(10)}   ` +
          `${(cpu(r) / 1000).toFixed(2).padStart(7)}   ${(cpu(r) / cpu(bare)).toFixed(2).padStart(10)}   ` +
          `${String(r.peakRssMb).padStart(13)}   ${r.detail ? JSON.stringify(r.detail) : ''}`,
      );
    }
    console.log(
      `goals: import ≤ 4× bare → ${(imported.ms / bare.ms).toFixed(2)}× (CPU ${(cpu(imported) / cpu(bare)).toFixed(2)}×); export ≤ 2 s → ${(exported.ms / 1000).toFixed(2)} s; ` +
        `re-import wrote ${String(again.detail?.rowsWritten)} rows, another package of the same records ${String(known.detail?.rowsWritten)} (its note); preview wrote ${String(preview.detail?.rowsWritten)} rows (besides creating the empty store)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'phase') {
  const result = await phase(process.argv[3]!, process.argv.slice(4));
  process.stdout.write(JSON.stringify(result) + '\n');
}
