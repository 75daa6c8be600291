// The comparison behind "what changed since your copy": items matched by key, their printed text by hash.
import { describe, expect, it } from 'vitest';
import {
  bookContents,
  compareContents,
  markChanges,
  parseBookContents,
} from '../../../electron/book/changes.js';
import type { BookSection } from '../../../electron/book/model.js';

const points = (...items: [string, string][]): BookSection => ({
  id: 'points',
  blocks: [
    { type: 'heading', level: 2, text: { key: 'points.certain' } },
    {
      type: 'numberedList',
      items: items.map(([, text]) => text),
      refs: items.map(([key, text]) => ({ key, title: text })),
    },
  ],
});

const commitments = (...rows: [string, string][]): BookSection => ({
  id: 'commitments',
  blocks: [
    {
      type: 'table',
      columns: [{ label: { key: 'commitments.text' }, width: 1 }],
      rows: rows.map(([, text]) => [text]),
      refs: rows.map(([key, text]) => ({ key, title: text })),
    },
  ],
});

const note = (
  key: string,
  body: string,
  id: 'sharedNotes' | 'privateNotes' = 'sharedNotes',
): BookSection => ({
  id,
  blocks: [
    {
      type: 'note',
      author: 'Ana',
      date: '2026-01-01',
      target: '',
      body,
      refs: [{ key, title: `Ana: ${body}` }],
    },
  ],
});

const compare = (before: BookSection[], after: BookSection[], privateNotes = false) =>
  compareContents(bookContents(before), bookContents(after), { privateNotes });

describe('compareContents', () => {
  it('finds nothing between a book and itself', () => {
    const sections = [points(['p:1', 'One'], ['p:2', 'Two']), commitments(['c:1', 'Pay'])];
    expect(compare(sections, sections)).toEqual({ sections: [], marked: new Map() });
  });

  it('tells added, changed and removed items apart by key, in print order', () => {
    const changes = compare(
      [
        points(['p:1', 'One'], ['p:2', 'Two'], ['p:3', 'Three']),
        commitments(['c:1', 'Pay'], ['c:2', 'Sign']),
      ],
      [points(['p:1', 'One'], ['p:4', 'Four'], ['p:2', 'Two, amended']), commitments(['c:2', 'Sign'])],
    );
    expect(changes.sections).toEqual([
      { id: 'points', added: ['Four'], changed: ['Two, amended'], removed: ['Three'] },
      { id: 'commitments', added: [], changed: [], removed: ['Pay'] },
    ]);
    expect(changes.marked).toEqual(new Map([['points', new Set(['p:4', 'p:2'])]]));
  });

  it('does not count a renumbered point as changed: only its printed text is compared', () => {
    const before = [points(['p:1', 'One'], ['p:2', 'Two'])];
    const after = [points(['p:2', 'Two'])];
    expect(compare(before, after).sections).toEqual([
      { id: 'points', added: [], changed: [], removed: ['One'] },
    ]);
  });

  it('lists every item of a section the new copy no longer has', () => {
    const changes = compare([points(['p:1', 'One']), commitments(['c:1', 'Pay'])], [points(['p:1', 'One'])]);
    expect(changes.sections).toEqual([{ id: 'commitments', added: [], changed: [], removed: ['Pay'] }]);
  });

  it('keeps private notes out of a copy that does not print them', () => {
    const before = [points(['p:1', 'One']), note('annotation:9', 'Mine only', 'privateNotes')];
    const after = [points(['p:1', 'One'])];
    expect(compare(before, after, false).sections).toEqual([]);
    expect(compare(before, after, true).sections).toEqual([
      { id: 'privateNotes', added: [], changed: [], removed: ['Ana: Mine only'] },
    ]);
  });

  it('notes changed in their body are changed', () => {
    expect(compare([note('annotation:1', 'Old')], [note('annotation:1', 'New')]).sections).toEqual([
      { id: 'sharedNotes', added: [], changed: ['Ana: New'], removed: [] },
    ]);
  });
});

describe('annexed documents', () => {
  const annex = (documentId: string, title: string, sha256: string) => ({
    documentId,
    title,
    fileName: `${title}.pdf`,
    mediaType: 'application/pdf',
    bytes: 1,
    sha256,
    classification: 'restricted' as const,
    content: new Uint8Array(1),
  });

  it('are compared by the version printed: added, another version, removed', () => {
    const before = bookContents([], [annex('d1', 'Borrador', 'aa'), annex('d2', 'Mapa', 'bb')]);
    const after = bookContents([], [annex('d1', 'Borrador', 'cc'), annex('d3', 'Nota verbal', 'dd')]);
    expect(compareContents(before, after, { privateNotes: false }).sections).toEqual([
      { id: 'documents', added: ['Nota verbal'], changed: ['Borrador'], removed: ['Mapa'] },
    ]);
    expect(compareContents(after, after, { privateNotes: false }).sections).toEqual([]);
  });

  it('are not compared with a copy recorded before books kept them (each would read as new)', () => {
    const { documents: _, ...older } = bookContents([points(['p:1', 'One'])]);
    const after = bookContents([points(['p:1', 'One'])], [annex('d1', 'Borrador', 'aa')]);
    expect(compareContents(older, after, { privateNotes: false }).sections).toEqual([]);
  });
});

describe('bookContents', () => {
  it('records each item once: the card, which repeats the points, is left out', () => {
    const card: BookSection = { ...points(['p:1', 'One']), id: 'card' };
    const contents = bookContents([points(['p:1', 'One']), card]);
    expect(contents.sections.map((s) => s.id)).toEqual(['points']);
    expect(contents.sections[0]!.items).toEqual([{ key: 'p:1', title: 'One', hash: expect.any(String) }]);
  });

  it('survives a round trip through the history, and reads nothing from a book recorded without it', () => {
    const contents = bookContents([points(['p:1', 'One'])]);
    expect(parseBookContents(JSON.stringify(contents))).toEqual(contents);
    expect(parseBookContents('')).toBeUndefined();
    expect(parseBookContents('not json')).toBeUndefined();
  });
});

describe('markChanges', () => {
  it('flags the new and changed items of each block, and leaves the rest as it was', () => {
    const before = [points(['p:1', 'One'], ['p:2', 'Two']), commitments(['c:1', 'Pay'])];
    const after = [points(['p:1', 'One'], ['p:2', 'Two!'], ['p:3', 'Three']), commitments(['c:1', 'Pay'])];
    const marked = markChanges(after, compare(before, after));
    expect(marked[0]!.blocks[1]).toMatchObject({ changed: [1, 2] });
    expect(marked[0]!.blocks[0]).not.toHaveProperty('changed');
    expect(marked[1]).toBe(after[1]);
  });
});
