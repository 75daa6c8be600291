// A copy of a book for a reader cleared to a level: what is above it — an initiative, what hangs from it,
// a document — is not printed at all (text, title, contents entry, annex), the banner follows what is left,
// and one line in the contents says how many items were withheld, without naming them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, valija } from '../helpers.js';
import { addInitiative, demoStore, ECUADOR_MEETING, ok } from './book-stores.js';
import { readPdf } from '../unit/book/read-pdf.js';

const DECLARATION = new URL('../fixtures/documents/declaration.pdf', import.meta.url).pathname;
const SECRET_TITLE = 'Operación Cóndor Azul';

/** The demo store with a SECRET initiative on the Ecuador meeting, a commitment and a note under it, and a
 * SECRET document attached to the meeting. */
function storeWithSecrets(): string {
  const db = demoStore();
  const secret = addInitiative(db, {
    title: SECRET_TITLE,
    summary: 'Plan reservado',
    classification: 'secret',
  });
  ok(db, ['put', 'commitment'], JSON.stringify({ text: 'Entregar el plan Cóndor', initiativeId: secret }));
  ok(db, ['annotate', 'initiative', secret, '--text', 'Nota sobre Cóndor']);
  ok(db, [
    'attach',
    'meeting',
    ECUADOR_MEETING,
    DECLARATION,
    '--title',
    'Anexo reservado',
    '--classification',
    'secret',
  ]);
  return db;
}

describe('valija book --clearance', () => {
  it('leaves out what is above the level, says how many, and the banner follows what is left', async () => {
    const db = storeWithSecrets();
    const full = join(tempDir(), 'full.pdf');
    const fullSummary = ok<{ classification: string; withheld: number; annexes: unknown[] }>(db, [
      'book',
      ECUADOR_MEETING,
      '--out',
      full,
      '--lang',
      'en',
    ]);
    expect(fullSummary).toMatchObject({ classification: 'secret', withheld: 0 });
    expect(fullSummary.annexes).toHaveLength(1);
    const fullText = (await readPdf(full)).pages.map((p) => p.text).join('\n');
    expect(fullText).toContain(SECRET_TITLE);
    expect(fullText).toContain('Anexo reservado');

    const cut = join(tempDir(), 'cut.pdf');
    const summary = ok<{ classification: string; withheld: number; annexes: unknown[]; pages: number }>(db, [
      'book',
      ECUADOR_MEETING,
      '--out',
      cut,
      '--lang',
      'en',
      '--clearance',
      'confidential',
    ]);
    // The initiative, its commitment, the note on it, and the document.
    expect(summary).toMatchObject({ withheld: 4, annexes: [] });
    expect(['public', 'restricted', 'confidential']).toContain(summary.classification);
    const read = await readPdf(cut);
    const text = read.pages.map((p) => p.text).join('\n');
    for (const secret of [SECRET_TITLE, 'Cóndor', 'Anexo reservado', 'Plan reservado', 'SECRET']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('Copy for a reader cleared to CONFIDENTIAL; items above it withheld: 4.');
    expect(read.numPages).toBe(summary.pages);
    expect(read.numPages).toBeLessThan((await readPdf(full)).numPages);
  });

  it('a restricted copy shows a confidential initiative nowhere, not in the outline either: banner RESERVADO', async () => {
    const db = demoStore();
    addInitiative(db, { title: 'Negociación limítrofe reservada', classification: 'confidential' });
    const out = join(tempDir(), 'restricted.pdf');
    const summary = ok<{ classification: string; withheld: number }>(db, [
      'book',
      ECUADOR_MEETING,
      '--out',
      out,
      '--clearance',
      'restricted',
    ]);
    expect(summary).toMatchObject({ classification: 'restricted', withheld: 1 });
    const read = await readPdf(out);
    const outline = JSON.stringify(read.outline);
    expect(outline).not.toContain('limítrofe');
    for (const page of read.pages) {
      expect(page.text).not.toContain('limítrofe');
      if (page.number > 1) expect(page.text).toContain('RESERVADO');
    }
    expect(read.pages.map((p) => p.text).join('\n')).toContain(
      'Copia para acreditación RESERVADO; elementos de nivel superior retenidos: 1.',
    );
  });

  it('refuses a copy whose meeting itself is above the reader: E_INVALID, nothing written', () => {
    const db = storeWithSecrets();
    ok(db, ['put', 'meeting'], JSON.stringify({ id: ECUADOR_MEETING, classification: 'secret' }));
    const out = join(tempDir(), 'refused.pdf');
    const result = valija(['--db', db, 'book', ECUADOR_MEETING, '--out', out, '--clearance', 'restricted']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[E_INVALID\]: the meeting itself is secret/);
    expect(existsSync(out)).toBe(false);
  });
});
