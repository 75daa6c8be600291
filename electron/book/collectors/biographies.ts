import type { Block, ItemRef, LabelRef, Text } from '../block-model.js';
import { itemRef, text, type BookContext } from './context.js';

/** One heading per person of the other side, then what is known of them. */
export function biographies({ people, partyName }: BookContext): Block[] {
  const blocks: Block[] = [];
  for (const p of people) {
    const items: { label: Text; value: Text }[] = [];
    const refs: ItemRef[] = [];
    const add = (field: string, label: LabelRef, value: string) => {
      items.push({ label, value });
      refs.push(itemRef(`person:${p.id}:${field}`, `${text(p.name)}: ${value}`));
    };
    if (text(p.role)) add('role', { key: 'bio.role' }, text(p.role));
    if (partyName(p.partyId)) add('partyId', { key: 'bio.party' }, partyName(p.partyId));
    if ((p.languages as string[]).length)
      add('languages', { key: 'bio.languages' }, (p.languages as string[]).join(', '));
    if (text(p.protocolNotes)) add('protocolNotes', { key: 'bio.protocol' }, text(p.protocolNotes));
    if (text(p.biography)) add('biography', { key: 'bio.biography' }, text(p.biography));
    blocks.push({ type: 'heading', level: 2, text: text(p.name) });
    if (items.length) blocks.push({ type: 'keyValue', items, refs });
  }
  return blocks;
}
