import type { Classification } from '../../../domain/kinds.js';
import type { Block } from '../block-model.js';
import { itemRef, text, type BookContext } from './context.js';

/** The meeting's initiatives: title, area (none for "other") and status. */
export function initiatives({ initiatives }: BookContext): Block[] {
  if (!initiatives.length) return [];
  return [
    {
      type: 'table',
      columns: [
        { label: { key: 'initiatives.title' }, width: 0.56 },
        { label: { key: 'initiatives.area' }, width: 0.22 },
        { label: { key: 'initiatives.status' }, width: 0.22 },
      ],
      rowLevels: initiatives.map((i) => i.classification as Classification),
      rows: initiatives.map((i) => [
        text(i.title),
        i.area === 'other' ? '—' : { choice: 'area', value: String(i.area) },
        { choice: 'initiativeStatus', value: String(i.status) },
      ]),
      refs: initiatives.map((i) => itemRef(`initiative:${i.id}`, text(i.title))),
    },
  ];
}
