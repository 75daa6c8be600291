import { describe, expect, it } from 'vitest';
import type { Box, FlowItem } from '../../../electron/book/boxes.js';
import { paginate, type PlacedPage } from '../../../electron/book/paginate.js';
import { pageGeometry } from '../../../electron/book/theme.js';

const geo = pageGeometry('a4');
const LINE = 14;

const tagged = (tag: string, h = LINE): Box => ({
  h,
  ops: [
    {
      op: 'text',
      x: geo.marginLeft,
      y: h * 0.75,
      text: tag,
      face: 'regular',
      size: 10,
      color: '#000',
      width: 10,
    },
  ],
});

const para = (id: number, n: number): FlowItem => ({
  kind: 'lines',
  lines: Array.from({ length: n }, (_, i) => tagged(`p${id}:${i + 1}/${n}`)),
});

/** The tags on each page, top to bottom, with their vertical extent. */
function tagsOf(pages: PlacedPage[]): { tag: string; y: number }[][] {
  return pages.map((p) =>
    p.boxes
      .flatMap((b) => b.ops.flatMap((o) => (o.op === 'text' ? [{ tag: o.text, y: o.y + b.dy }] : [])))
      .sort((a, b) => a.y - b.y),
  );
}

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random document: headings, paragraphs of 1–14 lines, spaces and tables. */
function randomFlow(seed: number): FlowItem[] {
  const next = rng(seed);
  const items: FlowItem[] = [];
  for (let i = 0; i < 120; i++) {
    const r = next();
    if (r < 0.2) {
      items.push({ kind: 'space', h: 18 }, { kind: 'box', box: tagged(`h${i}`, 26), keepWithNext: true });
    } else if (r < 0.85) {
      items.push(para(i, 1 + Math.floor(next() * 14)), { kind: 'space', h: 6 });
    } else {
      const rows = Array.from({ length: 2 + Math.floor(next() * 20) }, (_, k) =>
        tagged(`t${i}:row${k}`, 20 + next() * 50),
      );
      items.push({
        kind: 'table',
        header: tagged(`t${i}:head`, 20),
        continuedHeader: tagged(`t${i}:cont`, 32),
        rows,
      });
    }
  }
  return items;
}

describe('pagination', () => {
  it('keeps every piece, in order, inside the body area', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const items = randomFlow(seed);
      const pages = paginate(items, { geo, firstPageNumber: 3 });
      const placed = tagsOf(pages)
        .flat()
        .map((t) => t.tag)
        .filter((t) => !t.endsWith(':cont'));
      const expected = items.flatMap((it) =>
        it.kind === 'lines'
          ? it.lines.map((l) => (l.ops[0] as { text: string }).text)
          : it.kind === 'box'
            ? [(it.box.ops[0] as { text: string }).text]
            : it.kind === 'table'
              ? [it.header, ...it.rows].map((b) => (b.ops[0] as { text: string }).text)
              : [],
      );
      expect(placed).toEqual(expected);
      for (const p of pages) {
        for (const b of p.boxes)
          expect(b.dy + Math.max(0, ...b.ops.map((o) => (o.op === 'text' ? o.y : 0)))).toBeLessThanOrEqual(
            geo.bodyBottom,
          );
      }
    }
  });

  it('leaves no widow or orphan line, and no heading at the foot of a page', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const pages = tagsOf(paginate(randomFlow(seed), { geo, firstPageNumber: 3 }));
      pages.forEach((tags, n) => {
        const first = tags[0]!.tag;
        const last = tags[tags.length - 1]!.tag;
        const m1 = /^p\d+:(\d+)\/(\d+)$/.exec(first);
        if (m1 && n > 0)
          expect(m1[1] === m1[2] && m1[2] !== '1', `widow at top of page ${n}: ${first}`).toBe(false);
        const m2 = /^p\d+:(\d+)\/(\d+)$/.exec(last);
        if (m2 && n < pages.length - 1)
          expect(m2[1] === '1' && m2[2] !== '1', `orphan at foot of page ${n}: ${last}`).toBe(false);
        if (n < pages.length - 1) expect(/^h\d+$/.test(last), `heading at foot of page ${n}`).toBe(false);
      });
    }
  });

  it('never splits a table row and repeats the header on every page the table continues on', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const pages = tagsOf(paginate(randomFlow(seed), { geo, firstPageNumber: 3 }));
      pages.forEach((tags, n) => {
        const first = tags[0]!.tag;
        const m = /^t(\d+):row\d+$/.exec(first);
        // A page never opens on a bare row: the (continued) header comes first.
        expect(m, `page ${n} opens with a row without its header`).toBeNull();
        const row = tags.find((t) => /^t\d+:row/.test(t.tag));
        if (row && n > 0) {
          const table = /^t(\d+)/.exec(row.tag)![1];
          const starts = tags.some((t) => t.tag === `t${table}:head` || t.tag === `t${table}:cont`);
          expect(starts, `page ${n}`).toBe(true);
        }
      });
    }
  });

  it('moves a heading to the next page with the lines that follow it', () => {
    const capacity = Math.floor((geo.bodyBottom - geo.bodyTop) / LINE);
    const items: FlowItem[] = [
      para(1, capacity - 2), // leaves room for the heading and one line, not two
      { kind: 'box', box: tagged('h', LINE), keepWithNext: true },
      para(2, 6),
    ];
    const pages = tagsOf(paginate(items, { geo, firstPageNumber: 1 }));
    expect(pages[1]![0]!.tag).toBe('h');
  });

  it('drops vertical space at the top of a page and honours page breaks', () => {
    const items: FlowItem[] = [para(1, 2), { kind: 'pageBreak' }, { kind: 'space', h: 100 }, para(2, 2)];
    const pages = paginate(items, { geo, firstPageNumber: 1 });
    expect(pages).toHaveLength(2);
    const firstOnSecond = tagsOf(pages)[1]![0]!;
    expect(firstOnSecond.tag).toBe('p2:1/2');
    expect(firstOnSecond.y).toBeLessThan(geo.bodyTop + LINE);
  });
});
