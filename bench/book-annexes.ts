/**
 * `npm run bench book` (annexes part): a 40-page book with 10 attached PDFs of 40 pages each, against what
 * the same work costs without Valija around it — the 40-page book alone plus a bare script that merges the
 * same 10 PDFs with the same library (@cantoo/pdf-lib: load, copy every page, save). Each is run in its own
 * Node process, so its peak memory (maxRSS) is its own: the time is the best of the runs in that process
 * after one warm-up, the memory the process's peak. Goal: time and peak memory within 1.3× of the baseline
 * (the book's time plus the merge's; the larger of their two peaks).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ParseSpeeds, PDFDocument } from '@cantoo/pdf-lib';
import PDFKitDocument from 'pdfkit';
import type { BookAnnex, BookModel } from '../electron/book/model.js';
import { renderBook } from '../electron/book/render.js';
import { rng, sentence, syntheticBook } from '../electron/book/synthetic.js';

const DOCUMENTS = 10;
const PAGES_PER_DOCUMENT = 40;
const RUNS = 5;

type Mode = 'pipeline' | 'book' | 'merge';

interface ChildFigures {
  ms: number;
  peakMb: number;
  pages: number;
}

/** Ten text PDFs of 40 pages each, as a desk officer's scanned-free drafts would be (pdfkit, fixed dates). */
async function writeDocuments(dir: string): Promise<void> {
  const next = rng(7);
  for (let d = 0; d < DOCUMENTS; d++) {
    const doc = new PDFKitDocument({ size: 'A4', info: { CreationDate: new Date('2026-11-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    for (let p = 0; p < PAGES_PER_DOCUMENT; p++) {
      if (p > 0) doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(14)
        .text(`Documento ${d + 1}, página ${p + 1}`);
      doc.font('Helvetica').fontSize(10);
      for (let k = 0; k < 6; k++) doc.moveDown().text(sentence(next, 60));
    }
    const ended = new Promise((done) => doc.on('end', done));
    doc.end();
    await ended;
    writeFileSync(join(dir, `document-${String(d).padStart(2, '0')}.pdf`), Buffer.concat(chunks));
  }
}

function readDocuments(dir: string): Uint8Array[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

function bookWithAnnexes(documents: Uint8Array[]): BookModel {
  const annexes: BookAnnex[] = documents.map((content, i) => ({
    documentId: `0195a000-0000-7000-8000-0000000000${String(i).padStart(2, '0')}`,
    title: `Documento ${i + 1}`,
    fileName: `documento-${i + 1}.pdf`,
    mediaType: 'application/pdf',
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    classification: 'restricted',
    content,
  }));
  return { ...syntheticBook(40), annexes };
}

/**
 * The baseline's second half: the same PDFs merged the plain pdf-lib way, with the speed options the book
 * uses too (no pause for a timer tick every 100 objects read and 50 written), so neither side waits.
 */
async function bareMerge(documents: Uint8Array[]): Promise<number> {
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const bytes of documents) {
    const source = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  }
  await out.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return out.getPageCount();
}

async function runOnce(mode: Mode, documents: Uint8Array[]): Promise<number> {
  if (mode === 'merge') return bareMerge(documents);
  const model = mode === 'pipeline' ? bookWithAnnexes(documents) : syntheticBook(40);
  return (await renderBook(model)).pages;
}

/** In the child process: one warm-up, then the best of RUNS; prints the figures as JSON. */
async function child(mode: Mode, dir: string): Promise<void> {
  const documents = readDocuments(dir);
  await runOnce(mode, documents);
  let best = Infinity;
  let pages = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    pages = await runOnce(mode, documents);
    best = Math.min(best, performance.now() - start);
  }
  const figures: ChildFigures = { ms: best, peakMb: process.resourceUsage().maxRSS / 1024, pages };
  process.stdout.write(JSON.stringify(figures));
}

function measure(mode: Mode, dir: string): ChildFigures {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'child', mode, dir], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (run.status !== 0) throw new Error(`the ${mode} run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildFigures;
}

export async function runBookAnnexesBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-annexes-'));
  try {
    await writeDocuments(dir);
    const pipeline = measure('pipeline', dir);
    const book = measure('book', dir);
    const merge = measure('merge', dir);
    const baselineMs = book.ms + merge.ms;
    const baselineMb = Math.max(book.peakMb, merge.peakMb);
    const timeRatio = pipeline.ms / baselineMs;
    const memoryRatio = pipeline.peakMb / baselineMb;
    console.log(
      `Book with annexes: a 40-page book and ${DOCUMENTS} PDFs of ${PAGES_PER_DOCUMENT} pages (best of ${RUNS} runs, each kind in its own process)`,
    );
    console.table([
      {
        run: 'book with annexes',
        pages: pipeline.pages,
        ms: pipeline.ms.toFixed(0),
        'peak MB': pipeline.peakMb.toFixed(0),
      },
      { run: 'book alone', pages: book.pages, ms: book.ms.toFixed(0), 'peak MB': book.peakMb.toFixed(0) },
      {
        run: 'bare pdf-lib merge',
        pages: merge.pages,
        ms: merge.ms.toFixed(0),
        'peak MB': merge.peakMb.toFixed(0),
      },
    ]);
    console.log(
      `annexes: time ${timeRatio.toFixed(2)}× (book + merge), peak memory ${memoryRatio.toFixed(2)}× (the larger peak); ` +
        `goal ≤ 1.3×: time ${timeRatio <= 1.3 ? 'met' : 'MISSED'}, memory ${memoryRatio <= 1.3 ? 'met' : 'MISSED'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// node dist/bench/book-annexes.js [child MODE DIR]
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [, , role, mode, dir] = process.argv;
  const work = role === 'child' ? child(mode as Mode, dir!) : runBookAnnexesBench();
  work.then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
