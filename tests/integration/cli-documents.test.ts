// `valija attach`, `documents` and `document` as a user types them: a real PDF attached to the demo's Ecuador
// meeting, replaced, listed and written back byte for byte; refusals with their codes and exit statuses.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { tempDir, valija } from '../helpers.js';

const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';

async function pdfFile(name: string, pages: number): Promise<string> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  for (let page = 1; page <= pages; page++) doc.addPage().text(`${name}, página ${page}`);
  doc.end();
  await done;
  const path = join(tempDir(), name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('valija attach / documents / document', () => {
  function demoStore(): string {
    const db = join(tempDir(), 'demo.db');
    expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
    return db;
  }

  it('attaches, replaces, lists and writes back every version', async () => {
    const db = demoStore();
    const first = await pdfFile('declaracion.pdf', 3);
    const attached = valija([
      '--db',
      db,
      'attach',
      'meeting',
      ECUADOR_MEETING,
      first,
      '--title',
      'Declaración',
      '--doc-kind',
      'draft',
      '--lang',
      'es',
    ]);
    expect(attached.code, attached.stderr).toBe(0);
    const doc = attached.json() as {
      id: string;
      sha256: string;
      bytes: number;
      pages: number;
      version: number;
    };
    expect(doc).toMatchObject({
      sha256: sha256(first),
      pages: 3,
      version: 1,
      bytes: readFileSync(first).length,
    });

    const second = await pdfFile('declaracion-v2.pdf', 5);
    const replaced = valija(['--db', db, 'attach', '--replace', doc.id, second]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.json()).toMatchObject({ id: doc.id, version: 2, pages: 5, sha256: sha256(second) });

    const listed = valija(['--db', db, 'documents', 'meeting', ECUADOR_MEETING]).json() as {
      title: string;
      versions: { version: number; fileName: string }[];
    }[];
    expect(listed.map((d) => [d.title, d.versions.map((v) => v.fileName)])).toEqual([
      ['Declaración', ['declaracion.pdf', 'declaracion-v2.pdf']],
    ]);

    const out1 = join(tempDir(), 'v1.pdf');
    expect(valija(['--db', db, 'document', doc.id, '--out', out1, '--version', '1']).code).toBe(0);
    expect(readFileSync(out1).equals(readFileSync(first))).toBe(true);
    const out2 = join(tempDir(), 'latest.pdf');
    expect(valija(['--db', db, 'document', doc.id, '--out', out2]).json()).toMatchObject({ version: 2 });
    expect(readFileSync(out2).equals(readFileSync(second))).toBe(true);

    // Books do not merge annexes yet: the summary names the document as not printed, never silently.
    const book = valija(['--db', db, 'book', ECUADOR_MEETING, '--out', join(tempDir(), 'book.pdf')]);
    expect(book.code, book.stderr).toBe(0);
    expect((book.json() as { warnings: string[] }).warnings).toEqual([
      expect.stringMatching(
        /^document "Declaración" \(declaracion-v2\.pdf, .* is not printed: annexes in books are not yet available$/,
      ),
    ]);
  });

  it('refuses with a code: too large, unreadable, unknown record, and a wrong command line', async () => {
    const db = demoStore();
    const big = join(tempDir(), 'big.bin');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 7));
    const tooLarge = valija(['--db', db, 'attach', 'meeting', ECUADOR_MEETING, big], {
      env: { VALIJA_MAX_DOCUMENT_MB: '1' },
    });
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toMatch(/^error\[E_TOO_LARGE\]/);
    const missing = valija(['--db', db, 'attach', 'meeting', ECUADOR_MEETING, join(tempDir(), 'nada.pdf')]);
    expect(missing.stderr).toMatch(/^error\[E_IO\]/);
    const noRecord = valija([
      '--db',
      db,
      'attach',
      'meeting',
      '0195a000-0000-7000-8000-0000000000ff',
      await pdfFile('x.pdf', 1),
    ]);
    expect(noRecord.stderr).toMatch(/^error\[E_INVALID\].*no meeting with id/);
    const usage = valija(['--db', db, 'attach', '--replace', 'x', 'a.pdf', '--title', 'T']);
    expect(usage.code).toBe(2);
    expect(valija(['--db', db, 'document', 'x']).code).toBe(2);
  });
});
