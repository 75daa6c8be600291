import type { Block } from '../block-model.js';
import { text, type BookContext, type Note } from './context.js';

const noteBlock = ({ record, target }: Note): Block => ({
  type: 'note',
  author: text(record.author) || '—',
  date: text(record.createdAt),
  target,
  body: text(record.body),
});

/** Shared notes, unless the book is printed without notes. */
export function sharedNotes({ notes, annotations }: BookContext): Block[] {
  if (annotations === 'none') return [];
  return notes.filter((n) => n.record.visibility === 'shared').map(noteBlock);
}

/** This device's private notes, only when asked for ("mine"). */
export function privateNotes({ notes, annotations }: BookContext): Block[] {
  if (annotations !== 'mine') return [];
  return notes.filter((n) => n.record.visibility === 'private').map(noteBlock);
}
