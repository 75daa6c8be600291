// Reading a document's text: each page's words where the page has them, a scanned PDF said to be scanned,
// and a damaged one said to be unreadable — never a crash.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageOfPassage } from '../../../domain/passage.js';
import { extractPdfText } from '../../../electron/documents/text.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/documents/${name}`, import.meta.url));

describe('reading the text of a PDF', () => {
  it('a PDF with text: each page its own words', async () => {
    const read = await extractPdfText(fixture('declaration.pdf'));
    expect(read.status).toBe('indexed');
    expect(read.pages).toHaveLength(3);
    expect(read.pages[0]).toContain('Declaración conjunta Ecuador');
    expect(read.pages[1]).toContain('Página 2 de la declaración');
    expect(read.pages[2]).toContain('Página 3 de la declaración');
  });

  it('a PDF that is only an image is scanned: no text to search', async () => {
    expect(await extractPdfText(fixture('scanned.pdf'))).toEqual({
      status: 'scanned',
      pages: [],
      reason: '',
    });
  });

  it('a damaged PDF, a locked one and a file that is no PDF fail with a reason, and nothing throws', async () => {
    for (const name of ['damaged.pdf', 'encrypted-password.pdf', 'minutes.docx']) {
      const read = await extractPdfText(fixture(name));
      expect(read.status, name).toBe('failed');
      expect(read.reason, name).not.toBe('');
    }
  });

  it('stops at the page limit and says so', async () => {
    const read = await extractPdfText(fixture('declaration.pdf'), {
      maxPages: 2,
      maxPageChars: 100_000,
      maxMs: 60_000,
    });
    expect(read.pages).toHaveLength(2);
    expect(read.reason).toMatch(/first 2 of its 3 pages/);
  });

  it('stops once it holds as much text as it may keep in all', async () => {
    const read = await extractPdfText(fixture('declaration.pdf'), {
      maxPages: 100,
      maxPageChars: 100_000,
      maxTotalChars: 10,
      maxMs: 60_000,
    });
    expect(read.pages).toHaveLength(1);
    expect(read.reason).toMatch(/first 1 of its 3 pages/);
  });
});

describe('finding a quoted passage', () => {
  it('ignores accents, case and line breaks', () => {
    const pages = ['Preámbulo', 'La Parte dispositiva\nde la DECLARACIÓN conjunta', 'Final'];
    expect(pageOfPassage('parte dispositiva de la declaracion', pages)).toBe(2);
    expect(pageOfPassage('un texto que no está', pages)).toBe(0);
    expect(pageOfPassage('  ', pages)).toBe(0);
  });
});
