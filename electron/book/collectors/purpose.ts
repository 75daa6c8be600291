import type { Block } from '../block-model.js';
import { itemRef, text, type BookContext } from './context.js';

/** The meeting's purpose, then its objectives under their own heading. */
export function purpose({ meeting }: BookContext): Block[] {
  const blocks: Block[] = [];
  if (text(meeting.purpose))
    blocks.push({
      type: 'paragraph',
      markdown: text(meeting.purpose),
      refs: [itemRef(`meeting:${meeting.id}:purpose`, text(meeting.purpose))],
    });
  if (text(meeting.objectives)) {
    blocks.push(
      { type: 'heading', level: 2, text: { key: 'purpose.objectives' } },
      {
        type: 'paragraph',
        markdown: text(meeting.objectives),
        refs: [itemRef(`meeting:${meeting.id}:objectives`, text(meeting.objectives))],
      },
    );
  }
  return blocks;
}
