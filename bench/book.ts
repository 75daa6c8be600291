/**
 * `npm run bench` (book part): times renderBook on synthetic 40- and 500-page books against two
 * baselines measured in the same run — bare pdfkit writing the same text with the same fonts, and
 * Chromium printing the same content as HTML to PDF — and prints the figures and their ratios.
 * Goals: pipeline ≤ 1.1× bare pdfkit, ≥ 4× faster than Chromium, first progress event < 200 ms.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { FONT_FILES, loadFonts, registerFonts } from '../electron/book/fonts.js';
import type { BookModel } from '../electron/book/model.js';
import { renderBook } from '../electron/book/render.js';
import { resourcesDir } from '../electron/book/resources.js';
import { flattenForBaseline, syntheticBook } from '../electron/book/synthetic.js';
import { t, classificationMarking } from '../electron/book/strings.js';
import { pageGeometry } from '../electron/book/theme.js';
import { CHROMIUM_ARGS, CHROMIUM_BIN } from './chromium.js';

export interface BookBenchRow {
  name: string;
  pages: number;
  /** Best of the repetitions (wall clock), and the CPU time of that same kind of run. */
  pipelineMs: number;
  pipelineCpuMs: number;
  firstProgressMs: number;
  peakRssMb: number;
  bareMs: number;
  bareCpuMs: number;
  barePages: number;
  /** Median over the repetitions of pipeline/bare, each pair run back to back (robust to load). */
  pairedRatio: number;
  chromiumMs: number | null;
  repetitions: number;
}

/** Samples the resident set size while `work` runs (timer samples plus explicit calls to `sample`). */
async function withPeakRss<T>(
  work: (sample: () => void) => Promise<T>,
): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 25);
  try {
    const value = await work(sample);
    sample();
    return { value, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** One pipeline run; with `sampleRss`, also its peak resident set size (sampling costs a little). */
async function timePipeline(model: BookModel, sampleRss: boolean) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let first = -1;
  const run = (sample: () => void) =>
    renderBook(model, {
      onProgress: () => {
        if (first < 0) first = performance.now() - start;
        sample();
      },
    });
  const { value, peakMb } = sampleRss
    ? await withPeakRss(run)
    : { value: await run(() => undefined), peakMb: 0 };
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
    first,
    pages: value.pages,
    peakMb,
  };
}

/**
 * The baseline: the same text with the same fonts, written the plain pdfkit way — its own line
 * wrapping, buffered pages, then header and footer drawn on each page with switchToPage. No
 * widow/orphan control, keeps, table rules or links: the work the pipeline adds on top of it.
 */
export async function renderBareBaseline(model: BookModel): Promise<{ pdf: Buffer; pages: number }> {
  const geo = pageGeometry(model.paper);
  const doc = new PDFDocument({
    size: [geo.width, geo.height],
    margins: {
      top: geo.bodyTop,
      bottom: geo.height - geo.bodyBottom,
      left: geo.marginLeft,
      right: geo.marginRight,
    },
    bufferPages: true,
    info: { CreationDate: new Date(model.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  registerFonts(doc, loadFonts());
  const width = geo.textWidth;
  const marking = classificationMarking(model.lang, model.classification);
  const blocks = flattenForBaseline(model);

  // Cover and contents.
  doc.font('bold').fontSize(11).text(marking, { width, align: 'center' });
  doc.moveDown(12).fontSize(25).text(model.cover.title, { width });
  doc.font('regular').fontSize(14).text(model.cover.counterpart, { width });
  doc.fontSize(11.5).text([model.cover.dateText, model.cover.place].filter(Boolean).join(' · '), { width });
  doc
    .moveDown(8)
    .fontSize(9)
    .text(`${model.copyFor ?? ''} ${model.copyId ?? ''}`, { width });
  doc.addPage().font('bold').fontSize(15).text(t(model.lang, 'contents.title'), { width });
  for (const b of blocks)
    if (b.kind === 'h1')
      doc
        .font('regular')
        .fontSize(10)
        .text(b.text[0] ?? '', { width });
  doc.addPage();

  for (const block of blocks) {
    const [first = ''] = block.text;
    switch (block.kind) {
      case 'h1':
        doc.moveDown(1).font('bold').fontSize(15).fillColor('#1b1f24').text(first, { width });
        break;
      case 'h2':
        doc.moveDown(0.5).font('bold').fontSize(11.5).fillColor('#1f3a5f').text(first, { width });
        break;
      case 'p':
        doc
          .moveDown(0.4)
          .font('regular')
          .fontSize(10)
          .fillColor('#1b1f24')
          .text(first, { width, lineGap: 0.6 });
        break;
      case 'li':
        doc
          .font('regular')
          .fontSize(10)
          .text(first, geo.marginLeft + 18, undefined, { width: width - 18, lineGap: 0.6 });
        doc.x = geo.marginLeft;
        break;
      case 'row': {
        const cols = block.text.length;
        doc.font('regular').fontSize(8.6);
        const rowHeight = Math.max(
          ...block.text.map((cell) => doc.heightOfString(cell, { width: width / cols - 8 })),
        );
        if (doc.y + rowHeight > doc.page.maxY()) doc.addPage();
        const y = doc.y;
        let bottom = y;
        block.text.forEach((cell, c) => {
          doc
            .font('regular')
            .fontSize(8.6)
            .text(cell, geo.marginLeft + (c * width) / cols, y, { width: width / cols - 8 });
          bottom = Math.max(bottom, doc.y);
        });
        doc.x = geo.marginLeft;
        doc.y = bottom + 4;
        break;
      }
    }
  }
  const range = doc.bufferedPageRange();
  const copy = `${model.copyFor ?? ''} · ${model.copyId ?? ''}`;
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // or pdfkit adds a page for text inside the bottom margin
    const line = { width, lineBreak: false } as const;
    doc
      .font('bold')
      .fontSize(8.5)
      .text(marking, geo.marginLeft, 31, { ...line, align: 'center' });
    doc.font('regular').fontSize(7.6).text(model.cover.title, geo.marginLeft, 48, line);
    doc.text(copy, geo.marginLeft, geo.height - 50, line);
    doc.text(`Página ${i + 1} de ${range.count}`, geo.marginLeft, geo.height - 50, {
      ...line,
      align: 'right',
    });
    doc
      .font('bold')
      .fontSize(8.5)
      .text(marking, geo.marginLeft, geo.height - 33, { ...line, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: range.count };
}

async function timeBarePdfkit(model: BookModel): Promise<{ ms: number; cpuMs: number; pages: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { pages } = await renderBareBaseline(model);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, pages };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function bookHtml(model: BookModel): string {
  const fonts = path.join(resourcesDir(), 'fonts');
  const face = (file: string, weight: number, style: string): string =>
    `@font-face{font-family:Noto;src:url('${pathToFileURL(path.join(fonts, file)).href}');font-weight:${weight};font-style:${style}}`;
  const body: string[] = [];
  let list = false;
  for (const block of flattenForBaseline(model)) {
    if (block.kind !== 'li' && list) {
      body.push('</ol>');
      list = false;
    }
    const text = escapeHtml(block.text[0] ?? '');
    if (block.kind === 'h1') body.push(`<h1>${text}</h1>`);
    else if (block.kind === 'h2') body.push(`<h2>${text}</h2>`);
    else if (block.kind === 'p') body.push(`<p>${text}</p>`);
    else if (block.kind === 'li') {
      if (!list) body.push('<ol>');
      list = true;
      body.push(`<li>${text}</li>`);
    } else
      body.push(`<table><tr>${block.text.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr></table>`);
  }
  if (list) body.push('</ol>');
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><style>
${face(FONT_FILES.regular, 400, 'normal')}${face(FONT_FILES.bold, 700, 'normal')}${face(FONT_FILES.italic, 400, 'italic')}
@page{size:A4;margin:30mm 25mm 27mm 25mm;@bottom-right{content:"Página " counter(page) " de " counter(pages);font:7.6pt Noto}}
body{font:10pt/1.42 Noto;color:#1b1f24}h1{font-size:15pt}h2{font-size:11.5pt;color:#1f3a5f;break-after:avoid}
p{orphans:2;widows:2}table{width:100%;border-collapse:collapse;font-size:8.6pt;break-inside:avoid}td{padding:4px;border-bottom:.5pt solid #ccc}
</style></head><body>${body.join('\n')}</body></html>`;
}

function timeChromium(model: BookModel): number | null {
  const exe = CHROMIUM_BIN;
  if (!exe) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valija-bench-'));
  try {
    const html = path.join(dir, 'book.html');
    fs.writeFileSync(html, bookHtml(model));
    const out = path.join(dir, 'book.pdf');
    const start = performance.now();
    const run = spawnSync(
      exe,
      [
        ...CHROMIUM_ARGS,
        '--no-pdf-header-footer',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        `--print-to-pdf=${out}`,
        pathToFileURL(html).href,
      ],
      { stdio: 'ignore', timeout: 300_000 },
    );
    const ms = performance.now() - start;
    return run.status === 0 && fs.existsSync(out) ? ms : null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the benchmark. Each book is rendered `repetitions` times by the pipeline and by the
 * baseline, alternately, and the best time of each is kept: on a shared machine the best run is
 * the one least disturbed by other work. Chromium, far slower, runs once.
 */
export async function runBookBench(sizes: number[] = [40, 500]): Promise<BookBenchRow[]> {
  // Warm up both paths once (font parsing, JIT) so the figures compare steady-state work.
  await renderBook(syntheticBook(10));
  await timeBarePdfkit(syntheticBook(10));
  const rows: BookBenchRow[] = [];
  for (const size of sizes) {
    const model = syntheticBook(size);
    const repetitions = size <= 100 ? 9 : 5; // the first pipeline run only samples memory
    let pipe: Awaited<ReturnType<typeof timePipeline>> | undefined;
    let bare: Awaited<ReturnType<typeof timeBarePdfkit>> | undefined;
    let peakRssMb = 0;
    let firstProgressMs = Infinity;
    const ratios: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      // Memory is sampled on the first run, before the baseline's buffered pages inflate the process.
      const p = await timePipeline(model, i === 0);
      if (i === 0) peakRssMb = p.peakMb;
      firstProgressMs = Math.min(firstProgressMs, p.first);
      if (i > 0 && (!pipe || p.ms < pipe.ms)) pipe = p;
      const b = await timeBarePdfkit(model);
      if (!bare || b.ms < bare.ms) bare = b;
      if (i > 0) ratios.push(p.ms / b.ms);
    }
    const chromiumMs = process.env.VALIJA_BENCH_NO_CHROMIUM ? null : timeChromium(model);
    rows.push({
      name: `synthetic ${size}`,
      pages: pipe!.pages,
      pipelineMs: pipe!.ms,
      pipelineCpuMs: pipe!.cpuMs,
      firstProgressMs,
      peakRssMb,
      bareMs: bare!.ms,
      bareCpuMs: bare!.cpuMs,
      barePages: bare!.pages,
      pairedRatio: ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!,
      chromiumMs,
      repetitions,
    });
  }
  printRows(rows);
  return rows;
}

function printRows(rows: BookBenchRow[]): void {
  const f = (n: number, d = 0): string => n.toFixed(d);
  const table = rows.map((r) => ({
    book: r.name,
    pages: r.pages,
    'pipeline ms': f(r.pipelineMs),
    'bare pdfkit ms': `${f(r.bareMs)} (${r.barePages} p)`,
    'pipeline/bare': f(r.pipelineMs / r.bareMs, 2) + '×',
    'paired median': f(r.pairedRatio, 2) + '×',
    'cpu pipeline/bare': f(r.pipelineCpuMs / r.bareCpuMs, 2) + '×',
    'chromium ms': r.chromiumMs === null ? 'n/a' : f(r.chromiumMs),
    'chromium/pipeline': r.chromiumMs === null ? 'n/a' : f(r.chromiumMs / r.pipelineMs, 1) + '×',
    'first progress ms': f(r.firstProgressMs, 1),
    'peak RSS MB': f(r.peakRssMb),
  }));
  console.log(
    `Briefing book renderer (best of ${rows.map((r) => r.repetitions).join('/')} runs; Chromium once)`,
  );
  console.table(table);
  for (const r of rows) {
    const goals = [
      `pipeline ≤ 1.1× bare pdfkit (paired median): ${r.pairedRatio <= 1.1 ? 'met' : 'MISSED'}`,
      `≥ 4× faster than Chromium: ${r.chromiumMs === null ? 'not measured' : r.chromiumMs / r.pipelineMs >= 4 ? 'met' : 'MISSED'}`,
      `first progress < 200 ms: ${r.firstProgressMs < 200 ? 'met' : 'MISSED'}`,
    ];
    console.log(`${r.name}: ${goals.join('; ')}`);
  }
}

// Run directly: node dist/bench/book.js [sizes…]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  runBookBench(sizes.length > 0 ? sizes : undefined).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
