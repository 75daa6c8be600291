import type { Block } from '../block-model.js';
import { initiativeLevel, itemRef, text, type BookContext, type Note } from './context.js';

const noteBlock =
  (context: BookContext) =>
  ({ record, target }: Note): Block => {
    const level = record.targetKind === 'initiative' ? initiativeLevel(context, record.targetId) : undefined;
    return {
      type: 'note',
      author: text(record.author) || '—',
      date: text(record.createdAt),
      target,
      body: text(record.body),
      ...(level ? { level } : {}),
      refs: [itemRef(`annotation:${record.id}`, `${text(record.author) || '—'}: ${text(record.body)}`)],
    };
  };

/** Shared notes, unless the book is printed without notes. */
export function sharedNotes(context: BookContext): Block[] {
  if (context.annotations === 'none') return [];
  return context.notes.filter((n) => n.record.visibility === 'shared').map(noteBlock(context));
}

/** This device's private notes, only when asked for ("mine"). */
export function privateNotes(context: BookContext): Block[] {
  if (context.annotations !== 'mine') return [];
  return context.notes.filter((n) => n.record.visibility === 'private').map(noteBlock(context));
}
