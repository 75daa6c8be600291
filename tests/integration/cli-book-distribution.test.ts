// A distribution: one numbered copy per recipient, each with its recipient and number on every page and its
// own clearance, all recorded in the meeting's history; the next distribution continues the numbering.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecipients } from '../../electron/cli/recipients.js';
import { tempDir, valija } from '../helpers.js';
import { addInitiative, demoStore, ECUADOR_MEETING, ok } from './book-stores.js';
import { readPdf } from '../unit/book/read-pdf.js';

interface Copy {
  recipient: { name: string; post?: string; clearance?: string };
  copyNumber: number;
  file: string;
  sha256: string;
  pages: number;
  withheld: number;
}

describe('valija book --distribution', () => {
  it('prints one numbered copy per recipient, each named on every page, and records them all', async () => {
    const dir = tempDir();
    const db = demoStore();
    addInitiative(db, { title: 'Negociación limítrofe reservada', classification: 'confidential' });
    const list = join(dir, 'lista.csv');
    writeFileSync(
      list,
      'name,post,clearance\nAna Pérez,"Embajada en Quito, Ecuador",\nLuis Quispe,Dirección de América,restricted\n"María ""Maru"" Soto",Gabinete,confidential\n',
    );
    const out = join(dir, 'copias');
    const { copies } = ok<{ copies: Copy[] }>(db, [
      'book',
      ECUADOR_MEETING,
      '--distribution',
      list,
      '--out-dir',
      out,
      '--lang',
      'en',
    ]);
    expect(copies.map((c) => c.copyNumber)).toEqual([1, 2, 3]);
    expect(new Set(copies.map((c) => c.file)).size).toBe(3);
    expect(copies.map((c) => c.withheld)).toEqual([0, 1, 0]);
    const expectedNames = [
      'Ana Pérez, Embajada en Quito, Ecuador',
      'Luis Quispe, Dirección de América',
      'María "Maru" Soto, Gabinete',
    ];
    for (const [i, copy] of copies.entries()) {
      const read = await readPdf(copy.file);
      expect(read.numPages).toBe(copy.pages);
      for (const page of read.pages.slice(1)) {
        expect(page.text).toContain(`Copy for ${expectedNames[i]}`);
        expect(page.text).toContain(`Copy no. ${copy.copyNumber}`);
      }
      expect(
        read.pages
          .map((p) => p.text)
          .join('\n')
          .includes('limítrofe'),
      ).toBe(i !== 1);
    }

    const history = ok<{ copyFor: string; sha256: string; options: Record<string, string> }[]>(db, [
      'books',
      ECUADOR_MEETING,
    ]);
    expect(history).toHaveLength(3);
    expect(history.map((b) => b.options.copyNumber).sort()).toEqual(['1', '2', '3']);
    expect(new Set(history.map((b) => b.sha256))).toEqual(new Set(copies.map((c) => c.sha256)));
    expect(history.map((b) => b.copyFor).sort()).toEqual([...expectedNames].sort());

    // The next distribution continues the meeting's numbering.
    const json = join(dir, 'lista.json');
    writeFileSync(json, JSON.stringify([{ name: 'Carla Ríos', post: 'Prensa' }]));
    const next = ok<{ copies: Copy[] }>(db, [
      'book',
      ECUADOR_MEETING,
      '--distribution',
      json,
      '--out-dir',
      out,
    ]);
    expect(next.copies.map((c) => c.copyNumber)).toEqual([4]);
  });

  it('a malformed list is E_INVALID naming its line, and nothing is printed', () => {
    const dir = tempDir();
    const bad = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    expect(() => readRecipients(bad('a.csv', 'name,post\nAna,Quito\n,Lima\n'))).toThrow(
      /line 3 of the distribution list: name/,
    );
    expect(() => readRecipients(bad('b.csv', 'name,role\nAna,x\n'))).toThrow(/line 1 .*not "role"/);
    expect(() => readRecipients(bad('c.csv', 'name,clearance\nAna,topsecret\n'))).toThrow(
      /line 2 .*clearance/,
    );
    expect(() => readRecipients(bad('d.json', '[{"name":"Ana","extra":1}]'))).toThrow(/entry 1/);
    expect(() => readRecipients(bad('e.csv', 'name\n"Ana\n'))).toThrow(/not closed/);
    const db = join(dir, 'demo.db');
    expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
    const out = join(dir, 'none');
    const result = valija([
      '--db',
      db,
      'book',
      ECUADOR_MEETING,
      '--distribution',
      join(dir, 'a.csv'),
      '--out-dir',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[E_INVALID\]: line 3/);
    expect(ok<unknown[]>(db, ['books', ECUADOR_MEETING])).toEqual([]);
  });
});
