import type { Block } from '../block-model.js';
import { text, type BookContext } from './context.js';

/** The meeting's purpose, then its objectives under their own heading. */
export function purpose({ meeting }: BookContext): Block[] {
  const blocks: Block[] = [];
  if (text(meeting.purpose)) blocks.push({ type: 'paragraph', markdown: text(meeting.purpose) });
  if (text(meeting.objectives)) {
    blocks.push(
      { type: 'heading', level: 2, text: { key: 'purpose.objectives' } },
      { type: 'paragraph', markdown: text(meeting.objectives) },
    );
  }
  return blocks;
}
