import type { Block, Text } from '../block-model.js';
import { text, type BookContext } from './context.js';

/** One heading per person of the other side, then what is known of them. */
export function biographies({ people, partyName }: BookContext): Block[] {
  const blocks: Block[] = [];
  for (const p of people) {
    const items: { label: Text; value: Text }[] = [];
    if (text(p.role)) items.push({ label: { key: 'bio.role' }, value: text(p.role) });
    if (partyName(p.partyId)) items.push({ label: { key: 'bio.party' }, value: partyName(p.partyId) });
    if ((p.languages as string[]).length)
      items.push({ label: { key: 'bio.languages' }, value: (p.languages as string[]).join(', ') });
    if (text(p.protocolNotes)) items.push({ label: { key: 'bio.protocol' }, value: text(p.protocolNotes) });
    if (text(p.biography)) items.push({ label: { key: 'bio.biography' }, value: text(p.biography) });
    blocks.push({ type: 'heading', level: 2, text: text(p.name) });
    if (items.length) blocks.push({ type: 'keyValue', items });
  }
  return blocks;
}
