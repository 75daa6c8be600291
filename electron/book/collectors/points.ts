import type { Block } from '../block-model.js';
import { itemRef, text, type BookContext } from './context.js';

/** The points to make, numbered straight through certain / possible / defensive (the card prints them too). */
export function points({ points }: BookContext): Block[] {
  const blocks: Block[] = [];
  let number = 1;
  for (const kind of ['certain', 'possible', 'defensive'] as const) {
    const chosen = points.filter((p) => p.kind === kind);
    if (!chosen.length) continue;
    blocks.push(
      { type: 'heading', level: 2, text: { key: `points.${kind}` } },
      {
        type: 'numberedList',
        items: chosen.map((p) => text(p.text)),
        start: number,
        refs: chosen.map((p) => itemRef(`talkingPoint:${p.id}`, text(p.text))),
      },
    );
    number += chosen.length;
  }
  return blocks;
}

/** The press line: the points of kind "press", one paragraph each. */
export function press({ points }: BookContext): Block[] {
  return points
    .filter((p) => p.kind === 'press')
    .map((p): Block => ({
      type: 'paragraph',
      markdown: text(p.text),
      refs: [itemRef(`talkingPoint:${p.id}`, text(p.text))],
    }));
}
