// A protected copy of a book, as its reader opens it: nothing without the passphrase; with it every page
// reads as in the unprotected book, printing is allowed and copying text and editing are not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, PermissionFlag } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { tempDir, valija } from '../helpers.js';

const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';
const PASSPHRASE = 'lectura del ministro 2026';

async function open(file: string, password?: string) {
  return getDocument({ data: new Uint8Array(readFileSync(file)), password, isEvalSupported: false }).promise;
}

async function pageText(doc: Awaited<ReturnType<typeof open>>, number: number): Promise<string> {
  const content = await (await doc.getPage(number)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
}

describe('valija book --protect', () => {
  it('needs the passphrase to open; prints, but neither copies nor edits', async () => {
    const dir = tempDir();
    const db = join(dir, 'demo.db');
    expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
    const plainFile = join(dir, 'plain.pdf');
    const plain = valija(['--db', db, 'book', ECUADOR_MEETING, '--out', plainFile]).json() as {
      pages: number;
      protected: boolean;
    };
    const file = join(dir, 'protected.pdf');
    const result = valija(
      [
        ...['--db', db, 'book', ECUADOR_MEETING, '--out', file, '--changes', 'none'],
        ...['--protect', '--passphrase-env', 'READER'],
      ],
      { env: { READER: PASSPHRASE } },
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = result.json() as { pages: number; protected: boolean };
    expect(summary).toMatchObject({ pages: plain.pages, protected: true });
    expect(plain.protected).toBe(false);

    await expect(open(file)).rejects.toMatchObject({ name: 'PasswordException' });
    await expect(open(file, 'not the passphrase')).rejects.toMatchObject({ name: 'PasswordException' });
    const doc = await open(file, PASSPHRASE);
    const unprotected = await open(plainFile);
    expect(doc.numPages).toBe(plain.pages);
    // The same pages but for the copy number each prints (the plain copy was no. 1, this one no. 2).
    for (const page of [1, 2, plain.pages]) {
      const text = await pageText(doc, page);
      expect(text).toMatch(/n\.º\s+2\b/);
      expect(text).toBe((await pageText(unprotected, page)).replace(/(n\.º\s+)1\b/g, '$12'));
    }
    // Its strings are encrypted too, so the title, the bookmarks and the contents' links read as in the plain book.
    const info = async (d: typeof doc) => ((await d.getMetadata()).info as { Title?: string }).Title;
    expect(await info(doc)).toBe(await info(unprotected));
    expect(await info(doc)).toContain('Ecuador');
    const outline = async (d: typeof doc) =>
      Promise.all(
        ((await d.getOutline()) ?? []).map(async (item) => {
          const dest = typeof item.dest === 'string' ? await d.getDestination(item.dest) : item.dest;
          const page = dest ? await d.getPageIndex(dest[0] as { num: number; gen: number }) : -1;
          return `${item.title} → ${page + 1}`;
        }),
      );
    const bookmarks = await outline(doc);
    expect(bookmarks.length).toBeGreaterThan(5);
    expect(bookmarks).toEqual(await outline(unprotected));
    expect(bookmarks.every((b) => !b.endsWith('→ 0'))).toBe(true);
    const permissions = (await doc.getPermissions()) ?? [];
    expect(permissions).toEqual(
      expect.arrayContaining([PermissionFlag.PRINT, PermissionFlag.PRINT_HIGH_QUALITY]),
    );
    for (const refused of [PermissionFlag.COPY, PermissionFlag.MODIFY_CONTENTS, PermissionFlag.ASSEMBLE]) {
      expect(permissions).not.toContain(refused);
    }
    // The standard security handler at AES-256 (V 5, R 6, AESV3), as ISO 32000-2 recommends.
    const raw = readFileSync(file).toString('latin1');
    expect(raw).toMatch(/\/Encrypt\s+\d+ 0 R/);
    expect(raw).toMatch(/\/V 5\b/);
    expect(raw).toMatch(/\/R 6\b/);
    expect(raw).toContain('/CFM /AESV3');
  });

  it('refuses --protect without a passphrase, and a passphrase without --protect', () => {
    const db = join(tempDir(), 'demo.db');
    expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
    const out = join(tempDir(), 'b.pdf');
    expect(valija(['--db', db, 'book', ECUADOR_MEETING, '--out', out, '--protect']).code).toBe(2);
    expect(
      valija(['--db', db, 'book', ECUADOR_MEETING, '--out', out, '--passphrase-env', 'READER'], {
        env: { READER: PASSPHRASE },
      }).code,
    ).toBe(2);
  });
});
