// Writes the document corpus the annex and document tests print (tests/fixtures/documents/): real PDF files
// with the structures found in the wild — object streams, an incremental update, a broken xref table,
// encryption (with and without a user password), rotated pages, mixed page sizes, no text layer, an outline,
// a damaged file — plus a PNG, a JPEG and a file of another format. Every file is generated here from text
// written for the project (see LICENCE.md there), so the corpus is ours to publish.
//
// Needs `qpdf` (Debian: apt-get install qpdf) for object streams, rotation and encryption, and libjpeg's
// `cjpeg` for the JPEG (Debian: libjpeg-turbo-progs); the files are committed,
// so tests and CI never run this. Run: node scripts/make-document-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const OUT = new URL('../tests/fixtures/documents/', import.meta.url).pathname;
const DATE = new Date('2026-11-02T09:00:00Z');
const FONT = new URL('../resources/fonts/NotoSans-Regular.ttf', import.meta.url).pathname;

/** A PDF from pdfkit: `pages` is a list of { size, text[] , layout }, drawn one after another. */
function pdfkit(pages, { outline = [], compress = true } = {}) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      compress,
      info: { Title: 'Fixture', Producer: 'Valija fixtures', CreationDate: DATE, ModDate: DATE },
    });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('body', FONT);
    pages.forEach((page, i) => {
      doc.addPage({ size: page.size ?? 'A4', layout: page.layout ?? 'portrait', margin: 56 });
      doc.font('body').fontSize(page.fontSize ?? 12);
      for (const line of page.text) doc.text(line, { paragraphGap: 6 });
      for (const entry of outline.filter((o) => o.page === i)) {
        const item = doc.outline.addItem(entry.title);
        for (const child of entry.children ?? []) item.addItem(child);
      }
    });
    doc.end();
  });
}

const paragraph = (n) =>
  `Artículo ${n}. Las Partes cooperarán en materia de comercio, inversión y movilidad académica, ` +
  `con respeto a la soberanía y a los principios del derecho internacional.`;

const qpdf = (args, input, output) => {
  writeFileSync(join(OUT, '.in.pdf'), input);
  execFileSync('qpdf', [...args, join(OUT, '.in.pdf'), join(OUT, output)], { stdio: 'inherit' });
  rmSync(join(OUT, '.in.pdf'));
};

/** The band pattern, as RGB bytes. */
function pattern(w, h, x, y) {
  return Math.floor((x + y) / 16) % 2 ? [0x1f, 0x4e, 0x79] : [0xe8, 0xee, 0xf4];
}

/** A binary PPM of the pattern (the JPEG encoder's input). */
function ppm(w, h) {
  const pixels = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels.set(pattern(w, h, x, y), (y * w + x) * 3);
  return Buffer.concat([Buffer.from(`P6\n${w} ${h}\n255\n`, 'ascii'), pixels]);
}

/** A PNG of w×h pixels: a two-colour band pattern, written by hand (zlib only). */
function png(w, h) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      row.set(pattern(w, h, x, y), 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An incremental update appended to an uncompressed PDF: page 1's content is replaced by a new stream
 * (the old one stays in the file, as editors leave it), with a new xref section and a trailer with /Prev.
 */
function withIncrementalUpdate(pdf, newText) {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)[1]);
  const size = Number(/\/Size (\d+)/.exec(text.slice(startxref))[1]);
  const root = /\/Root (\d+ 0 R)/.exec(text.slice(startxref))[1];
  const info = /\/Info (\d+ 0 R)/.exec(text.slice(startxref))[1];
  // The first page object: the first "/Type /Page" dictionary that is not /Pages.
  const pageMatch = /(\d+) 0 obj\s*<<([^]*?)>>\s*endobj/g;
  let page;
  for (let m; (m = pageMatch.exec(text));) {
    if (/\/Type \/Page\b(?!s)/.test(m[2])) {
      page = m;
      break;
    }
  }
  const contentNum = size;
  const stream = `BT /F1 18 Tf 72 700 Td (${newText}) Tj ET`;
  const font = size + 1;
  const pageDict = page[2]
    .replace(/\/Contents \d+ 0 R/, `/Contents ${contentNum} 0 R`)
    .replace(/\/Resources \d+ 0 R/, `/Resources << /Font << /F1 ${font} 0 R >> >>`);
  const objects = [
    [Number(page[1]), `<<${pageDict}>>`],
    [contentNum, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`],
    [font, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ];
  let out = text.endsWith('\n') ? text : text + '\n';
  const offsets = [];
  for (const [num, body] of objects) {
    offsets.push([num, out.length]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = out.length;
  out += 'xref\n';
  for (const [num, offset] of offsets.sort((a, b) => a[0] - b[0])) {
    out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${font + 1} /Root ${root} /Info ${info} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The same PDF with every xref offset pointing at the wrong place (readers must rebuild it). */
function withBrokenXref(pdf) {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('\nxref');
  const tail = text
    .slice(at)
    .replace(
      /^(\d{10}) (\d{5}) n/gm,
      (_, offset, gen) => `${String(Number(offset) + 7).padStart(10, '0')} ${gen} n`,
    );
  return Buffer.from(text.slice(0, at) + tail, 'latin1');
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const write = (name, bytes) => writeFileSync(join(OUT, name), bytes);

  // The Ecuador declaration: three pages of text, with its own outline.
  const declaration = await pdfkit(
    [1, 2, 3].map((p) => ({
      text: [
        p === 1 ? 'Declaración conjunta Ecuador–Argentina' : `Página ${p} de la declaración`,
        ...[1, 2, 3, 4].map((n) => paragraph((p - 1) * 4 + n)),
      ],
    })),
    {
      outline: [
        { page: 0, title: 'Preámbulo', children: ['Considerandos'] },
        { page: 1, title: 'Parte dispositiva' },
        { page: 2, title: 'Disposiciones finales' },
      ],
    },
  );
  write('declaration.pdf', declaration);

  // Object streams and a cross-reference stream (PDF 1.5), rewritten by qpdf.
  const plain = await pdfkit([1, 2].map((p) => ({ text: [`Nota verbal, página ${p}`, paragraph(p)] })));
  qpdf(['--object-streams=generate', '--deterministic-id'], plain, 'object-streams.pdf');

  // An incremental update that replaced page 1's text.
  const uncompressed = await pdfkit(
    [1, 2].map((p) => ({ text: [`Borrador original, página ${p}`, paragraph(p)] })),
    { compress: false },
  );
  write(
    'incremental-update.pdf',
    withIncrementalUpdate(uncompressed, 'Borrador revisado tras la ronda de Quito'),
  );

  // A broken xref table.
  write('broken-xref.pdf', withBrokenXref(uncompressed));

  // Encrypted: with a user password (cannot be opened), and with only an owner password (opens for all).
  qpdf(
    ['--static-id', '--static-aes-iv', '--encrypt', 'secreto-usuario', 'secreto-dueno', '256', '--'],
    plain,
    'encrypted-password.pdf',
  );
  qpdf(
    ['--static-id', '--static-aes-iv', '--encrypt', '', 'secreto-dueno', '256', '--'],
    plain,
    'encrypted-owner-only.pdf',
  );

  // Rotated pages: /Rotate 90 on page 1, 270 on page 2, none on page 3.
  const three = await pdfkit(
    [1, 2, 3].map((p) => ({ text: [`Mapa del paso fronterizo, hoja ${p}`, paragraph(p)] })),
  );
  qpdf(['--rotate=+90:1', '--rotate=+270:2', '--deterministic-id'], three, 'rotated.pdf');

  // Mixed page sizes: A4, US letter, A3 landscape, a small card.
  write(
    'mixed-sizes.pdf',
    await pdfkit([
      { size: 'A4', text: ['Hoja A4', paragraph(1)] },
      { size: 'LETTER', text: ['Hoja carta', paragraph(2)] },
      { size: 'A3', layout: 'landscape', text: ['Hoja A3 apaisada', paragraph(3)] },
      { size: [300, 200], fontSize: 9, text: ['Tarjeta pequeña'] },
    ]),
  );

  // No text layer: a page that is only an image (as a scanner writes it).
  const image = png(400, 560);
  write(
    'scanned.pdf',
    await new Promise((resolve) => {
      const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: DATE, ModDate: DATE } });
      const chunks = [];
      doc.on('data', (c) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(image, 0, 0, { fit: [595, 842] });
      doc.end();
    }),
  );

  // Damaged: the declaration cut short in the middle of its objects.
  write('damaged.pdf', declaration.subarray(0, Math.floor(declaration.length * 0.4)));

  // Images and a file of another format.
  write('map.png', image);
  // A landscape JPEG: the same pattern as a PPM, compressed by libjpeg's `cjpeg`.
  write('photo.jpg', execFileSync('cjpeg', ['-quality', '80'], { input: ppm(640, 360) }));
  write(
    'minutes.docx',
    Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('not printable: a word-processor file')]),
  );
}

await main();
