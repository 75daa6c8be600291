import type { Block } from '../block-model.js';
import { text, type BookContext } from './context.js';

/** The points to make, numbered straight through certain / possible / defensive (the card prints them too). */
export function points({ points }: BookContext): Block[] {
  const blocks: Block[] = [];
  let number = 1;
  for (const kind of ['certain', 'possible', 'defensive'] as const) {
    const items = points.filter((p) => p.kind === kind).map((p) => text(p.text));
    if (!items.length) continue;
    blocks.push(
      { type: 'heading', level: 2, text: { key: `points.${kind}` } },
      { type: 'numberedList', items, start: number },
    );
    number += items.length;
  }
  return blocks;
}

/** The press line: the points of kind "press", one paragraph each. */
export function press({ points }: BookContext): Block[] {
  return points
    .filter((p) => p.kind === 'press')
    .map((p): Block => ({ type: 'paragraph', markdown: text(p.text) }));
}
