// `npm run bench text`: reading 1,000 PDF pages into the store and its search index (extractDocumentText),
// against pdf.js reading the same pages' text alone — the baseline, measured in the same run. Median of 3.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { attachDocument } from '../db/documents.js';
import { search } from '../db/search.js';
import { openStore } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { extractDocumentText } from '../electron/documents/extract.js';

const PAGES = 1_000;
const RUNS = 3;
/** Indexing may cost at most this much more than pdf.js reading the text alone. */
const GOAL_RATIO = 1.5;

/** A PDF of PAGES pages of running text, each naming its page. */
function makePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const paragraph =
    'Las partes acuerdan fortalecer la cooperación fronteriza, el comercio y la integración, ' +
    'y revisarán el plan de acción en la próxima reunión del gabinete binacional. ';
  for (let page = 1; page <= PAGES; page++) {
    doc.addPage().text(`Página ${page} — marcador${page}`);
    doc.text(paragraph.repeat(6));
  }
  doc.end();
  return done;
}

/** The baseline: pdf.js reading every page's text, nothing kept. */
async function pdfjsAlone(content: Buffer): Promise<number> {
  const start = performance.now();
  const task = getDocument({
    data: new Uint8Array(content),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  await task.destroy();
  return performance.now() - start;
}

/** Extraction into a fresh store: read, kept page by page, indexed. */
async function intoStore(content: Buffer, dir: string, run: number): Promise<number> {
  const store = openStore(join(dir, `text-${run}.db`), { create: true });
  try {
    const meeting = putRecords(store.writer, 'meeting', { title: 'Gabinete binacional' })[0]!.id;
    attachDocument(
      store.writer,
      { kind: 'meeting', id: meeting },
      { title: 'Acta' },
      { content, fileName: 'acta.pdf', mediaType: 'application/pdf', pages: PAGES },
    );
    const start = performance.now();
    const result = await extractDocumentText(store.db, {});
    const ms = performance.now() - start;
    const hit = search(store.db, `marcador${PAGES - 1}`)[0];
    if (result.files[0]?.pages !== PAGES || hit?.page !== PAGES - 1)
      throw new Error(`text bench: expected ${PAGES} pages indexed and page ${PAGES - 1} found`);
    return ms;
  } finally {
    store.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runTextBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-text-'));
  try {
    const content = await makePdf();
    const alone: number[] = [];
    const indexed: number[] = [];
    // One read unmeasured, so neither side pays for pdf.js's first load and warm-up.
    await pdfjsAlone(content);
    // Interleaved, so a slow moment of the machine falls on both.
    for (let run = 0; run < RUNS; run++) {
      alone.push(await pdfjsAlone(content));
      indexed.push(await intoStore(content, dir, run));
    }
    const base = median(alone);
    const ours = median(indexed);
    const rate = (ms: number) => ((PAGES / ms) * 1000).toFixed(0);
    const ratio = ours / base;
    console.log(
      `\ntext benchmark (${PAGES} PDF pages, ${(content.length / 2 ** 20).toFixed(1)} MiB; median of ${RUNS})`,
    );
    console.log(`  pdf.js text alone (baseline): ${(base / 1000).toFixed(2)} s, ${rate(base)} pages/s`);
    console.log(`  extracted into store + index: ${(ours / 1000).toFixed(2)} s, ${rate(ours)} pages/s`);
    console.log(
      `goal: ≤ ${GOAL_RATIO}× the baseline → ${ratio.toFixed(2)}× (${ratio <= GOAL_RATIO ? 'met' : 'NOT met'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
