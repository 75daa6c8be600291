// What changed since your copy (issue 15, item 1): a reissue of a meeting's book is compared with the copy
// printed before it on this device — a bar beside each new or changed item, a changes page after the
// contents, the revision on the cover — from what that copy printed, as recorded in the book history.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, valija } from '../helpers.js';
import { demoStore, ECUADOR_MEETING, ok } from './book-stores.js';
import { contentsEntries, pathsOf, readPdf, type PageRead } from '../unit/book/read-pdf.js';

const EDITED_POINT = '0195a000-0000-7000-8000-000006000002';
const DELETED_COMMITMENT = '0195a000-0000-7000-8000-000008000002';
const EDITED_TEXT = 'Peru and Ecuador sign the 2025–2027 Action Plan, with a review in 2026.';
const NEW_TEXT = 'Peru and Ecuador open a new border crossing at Huaquillas.';
const REMOVED_TITLE = 'Implement the 2025–2026 Action Plan agreed with Peru.';
const TEXT_LEFT = (25 * 72) / 25.4;
const DOCUMENTS = new URL('../fixtures/documents/', import.meta.url).pathname;

interface Summary {
  id: string;
  copyNumber: number;
  revision: number;
  comparedWith?: { bookId: string; copyNumber: number };
  changes?: Record<'added' | 'changed' | 'removed', { section: string; title: string }[]>;
  warnings: string[];
  sha256: string;
}

function print(db: string, args: string[] = []): Summary & { out: string } {
  const out = join(tempDir(), 'book.pdf');
  return { ...ok<Summary>(db, ['book', ECUADOR_MEETING, '--out', out, ...args]), out };
}

/** The three changes the tests make: one point's text edited, one point added, one commitment deleted. */
function change(db: string): void {
  ok(db, ['put', 'talkingPoint'], JSON.stringify({ id: EDITED_POINT, text: EDITED_TEXT }));
  ok(
    db,
    ['put', 'talkingPoint'],
    JSON.stringify({ meetingId: ECUADOR_MEETING, kind: 'certain', text: NEW_TEXT }),
  );
  ok(db, ['delete', 'commitment', DELETED_COMMITMENT]);
}

/** The text beside each bar in the left margin (the text items whose baseline lies along it), page by page. */
async function barred(file: string): Promise<{ page: number; text: string }[]> {
  const { pages } = await readPdf(file);
  // Narrow fills left of the text, which starts 25 mm in (the cover's bands run from the page's edge).
  const bars = (await pathsOf(file)).filter(
    (p) => p.paint === 'fill' && p.left > 0 && p.right < TEXT_LEFT && p.right - p.left < 5,
  );
  return bars.map((bar) => {
    const page = pages[bar.page - 1]!;
    const beside = page.items.filter((i) => i.y >= bar.top && i.y <= bar.bottom && i.x > bar.right);
    return { page: bar.page, text: beside.map((i) => i.str).join(' ') };
  });
}

const textOf = (page: PageRead | undefined) => page?.items.map((i) => i.str).join(' ') ?? '';

describe('valija book: what changed since your copy', () => {
  it('a reissue marks exactly what changed, lists it after the contents, and names the copy it replaces', async () => {
    const db = demoStore();
    const first = print(db);
    expect(first).toMatchObject({ copyNumber: 1, revision: 1 });
    expect(first.comparedWith).toBeUndefined();
    const firstPdf = await readPdf(first.out);
    expect(firstPdf.pages.map(textOf).join('\n')).not.toContain('Cambios desde');
    expect(textOf(firstPdf.pages[0])).not.toContain('Revisión');
    expect(await barred(first.out)).toEqual([]);

    change(db);
    const second = print(db);
    expect(second).toMatchObject({
      copyNumber: 2,
      revision: 2,
      comparedWith: { bookId: first.id, copyNumber: 1 },
      changes: {
        added: [{ section: 'points', title: NEW_TEXT }],
        changed: [{ section: 'points', title: EDITED_TEXT }],
        removed: [{ section: 'commitments', title: REMOVED_TITLE }],
      },
    });
    const { pages } = await readPdf(second.out);
    expect(textOf(pages[0])).toContain('Revisión 2 — sustituye a la copia n.º 1');
    // Each copy prints its own number — on the cover and at the foot of every page — so the number a reissue
    // names is one its reader finds on the copy in hand.
    expect(textOf(firstPdf.pages[0])).toMatch(/Copia n\.º\s+1\b/);
    expect(textOf(pages[0])).toMatch(/Copia n\.º\s+2\b/);
    for (const page of pages.slice(1)) expect(textOf(page)).toMatch(/Copia n\.º 2\b/);
    // Page 2 is the contents; the changes page follows it, and is the contents' first entry, linked to it.
    expect(textOf(pages[1])).toContain('Índice');
    const secondPdf = await readPdf(second.out);
    const [firstEntry] = contentsEntries(secondPdf, 'Índice');
    expect(firstEntry).toMatchObject({ page: 3 });
    expect(firstEntry!.title).toMatch(/^Cambios desde la copia n\.º 1/);
    const link = secondPdf.pages[1]!.links.find(
      (l) => l.rect[1] <= firstEntry!.top + 1 && l.rect[3] >= firstEntry!.bottom - 1,
    );
    expect(link?.targetPage).toBe(3);
    const changesPage = textOf(pages[2]);
    expect(changesPage).toMatch(/Cambios desde la copia n\.º 1 del \d+ de \p{L}+ de \d{4}/u);
    expect(changesPage).toContain('Puntos a tratar');
    expect(changesPage).toContain('Compromisos pendientes de ambas partes');
    expect(changesPage).toMatch(new RegExp(`Nuevo:\\s+${escape(NEW_TEXT)}`));
    expect(changesPage).toMatch(new RegExp(`Modificado:\\s+${escape(EDITED_TEXT)}`));
    expect(changesPage).toMatch(new RegExp(`Suprimido:\\s+${escape(REMOVED_TITLE)}`));
    expect(changesPage.match(/Nuevo:|Modificado:|Suprimido:/g)).toHaveLength(3);

    // The removed title is struck through: a rule across it, a little above its baseline.
    const removed = pages[2]!.items.find((i) => i.str.includes('Implement the 2025'))!;
    const strikes = (await pathsOf(second.out)).filter(
      (p) =>
        p.page === 3 &&
        p.paint === 'stroke' &&
        p.top < removed.y &&
        p.top > removed.y - removed.size * 0.6 &&
        p.left <= removed.x + 1 &&
        p.right >= removed.x + removed.width - 1,
    );
    expect(strikes).toHaveLength(1);

    // Bars stand beside the edited and the new point, and nothing else (the card repeats the points bare).
    // Each point is one line: one bar each.
    const bars = await barred(second.out);
    // Beside the two points in their section, and again on the detachable card (the last page).
    const card = pages.length;
    const inBody = bars.filter((b) => b.page < card);
    expect(inBody).toHaveLength(2);
    expect(inBody.find((b) => b.text.includes(EDITED_TEXT))?.text).toMatch(/^2\. /);
    expect(inBody.find((b) => b.text.includes(NEW_TEXT))?.text).toMatch(/^3\. /);
    expect(inBody.every((b) => b.page > 3)).toBe(true);
    const onCard = bars.filter((b) => b.page === card).map((b) => b.text);
    expect(onCard).toHaveLength(2);
    expect(onCard.some((t) => t.startsWith('2.') && t.includes(EDITED_TEXT.slice(0, 30)))).toBe(true);
    expect(onCard.some((t) => t.startsWith('3.') && t.includes(NEW_TEXT.slice(0, 30)))).toBe(true);
    expect(textOf(pages[card - 1])).toContain('Tarjeta');

    // Printed again with nothing changed: the changes page says so, and nothing is marked.
    const third = print(db);
    expect(third).toMatchObject({
      copyNumber: 3,
      revision: 3,
      comparedWith: { bookId: second.id, copyNumber: 2 },
      changes: { added: [], changed: [], removed: [] },
    });
    const thirdPages = (await readPdf(third.out)).pages;
    expect(textOf(thirdPages[0])).toContain('Revisión 3 — sustituye a la copia n.º 2');
    expect(textOf(thirdPages[2])).toContain('Sin cambios desde la copia n.º 2');
    expect(await barred(third.out)).toEqual([]);

    // Compared with copy 1, chosen by its id: what copy 1 printed, as recorded then, not the store's state.
    const againstFirst = print(db, ['--changes', first.id]);
    expect(againstFirst).toMatchObject({
      revision: 2,
      comparedWith: { bookId: first.id, copyNumber: 1 },
      changes: second.changes,
    });
    expect(textOf((await readPdf(againstFirst.out)).pages[0])).toContain(
      'Revisión 2 — sustituye a la copia n.º 1',
    );

    // --changes none: no changes page, no bars, no revision line.
    const none = print(db, ['--changes', 'none']);
    expect(none).toMatchObject({ revision: 1 });
    expect(none.comparedWith).toBeUndefined();
    expect(none.changes).toBeUndefined();
    const nonePages = (await readPdf(none.out)).pages;
    expect(nonePages.map(textOf).join('\n')).not.toMatch(/Cambios desde|Sin cambios|Revisión/);
    expect(await barred(none.out)).toEqual([]);

    // The history numbers every copy.
    const history = ok<{ id: string; copyNumber: number }[]>(db, ['books', ECUADOR_MEETING]);
    expect(history.map((b) => b.copyNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('in English, the changes page and the cover say the same', async () => {
    const db = demoStore();
    print(db, ['--lang', 'en']);
    change(db);
    const second = print(db, ['--lang', 'en']);
    const { pages } = await readPdf(second.out);
    expect(textOf(pages[0])).toContain('Revision 2 — replaces copy no. 1');
    expect(textOf(pages[2])).toMatch(/Changes since copy no\. 1 of \d+ \p{L}+ \d{4}/u);
    expect(textOf(pages[2])).toMatch(new RegExp(`Removed:\\s+${escape(REMOVED_TITLE)}`));
    const third = print(db, ['--lang', 'en']);
    expect(textOf((await readPdf(third.out)).pages[2])).toContain('No changes since copy no. 2');
  });

  it('the same store, history and options give the same bytes', () => {
    const db = demoStore();
    print(db);
    change(db);
    // Two stores alike to the byte, history included: each prints the same reissue.
    const twin = join(tempDir(), 'twin.db');
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(db + suffix)) copyFileSync(db + suffix, twin + suffix);
    const a = print(db);
    const b = print(twin);
    expect(a.revision).toBe(2);
    expect(a.sha256).toBe(b.sha256);
    expect(readFileSync(a.out).equals(readFileSync(b.out))).toBe(true);
  });

  it('a copy printed before books recorded their contents is not compared with, and the summary says so', async () => {
    const db = demoStore();
    const old = print(db);
    const raw = new Database(db);
    raw.prepare("UPDATE book SET contents = '' WHERE id = ?").run(old.id);
    raw.close();
    change(db);
    const next = print(db);
    expect(next).toMatchObject({ revision: 1 });
    expect(next.comparedWith).toBeUndefined();
    expect(next.warnings.join('\n')).toMatch(/printed before books recorded what they contain/);
    const { pages } = await readPdf(next.out);
    expect(pages.map(textOf).join('\n')).not.toMatch(/Cambios desde|Revisión/);
    expect(await barred(next.out)).toEqual([]);
  });

  it('a copy for a lower clearance is not compared with a copy cut higher (it would name what it leaves out)', () => {
    const db = demoStore();
    print(db);
    const cleared = print(db, ['--clearance', 'restricted']);
    expect(cleared.comparedWith).toBeUndefined();
    expect(cleared.warnings.join('\n')).toMatch(/higher clearance/);
  });

  it("annexed documents are compared too: a new document, and another version of one, are listed under 'Anexos'", async () => {
    const db = demoStore();
    const attach = (args: string[]) => ok<{ id: string }>(db, ['attach', ...args]);
    const draft = attach([
      ...['meeting', ECUADOR_MEETING, join(DOCUMENTS, 'declaration.pdf')],
      ...['--title', 'Declaración conjunta (borrador)'],
    ]);
    const first = print(db);
    expect(first.changes).toBeUndefined();
    attach(['--replace', draft.id, join(DOCUMENTS, 'incremental-update.pdf')]);
    attach(['meeting', ECUADOR_MEETING, join(DOCUMENTS, 'object-streams.pdf'), '--title', 'Nota verbal']);
    const second = print(db);
    expect(second.changes).toEqual({
      added: [{ section: 'documents', title: 'Nota verbal' }],
      changed: [{ section: 'documents', title: 'Declaración conjunta (borrador)' }],
      removed: [],
    });
    const changesPage = textOf((await readPdf(second.out)).pages[2]);
    expect(changesPage).toMatch(
      /Anexos\s+Nuevo:\s+Nota verbal\s+Modificado:\s+Declaración conjunta \(borrador\)/,
    );
    // Printed again unchanged: nothing listed.
    const third = print(db);
    expect(third.changes).toEqual({ added: [], changed: [], removed: [] });
  });

  it('--changes with an unknown book id is E_NOT_FOUND', () => {
    const db = demoStore();
    const out = join(tempDir(), 'book.pdf');
    const unknown = '01a00000-0000-7000-8000-000000000001';
    const result = valija(['--db', db, 'book', ECUADOR_MEETING, '--out', out, '--changes', unknown]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error\[E_NOT_FOUND\]/);
    expect(existsSync(out)).toBe(false);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
