import type { Block } from '../block-model.js';
import { itemRef, type BookContext } from './context.js';

/** What the other side probably wants, and our response, as a two-column table. */
export function theirObjectives({ meeting }: BookContext): Block[] {
  // They are a list inside the meeting record: an objective's place in it is its key.
  const rows = (meeting.theirObjectives as { objective: string; response: string }[])
    .map((o, n) => ({ ...o, n }))
    .filter((o) => o.objective.trim() || o.response.trim());
  if (!rows.length) return [];
  return [
    {
      type: 'table',
      columns: [
        { label: { key: 'theirObjectives.objective' }, width: 0.5 },
        { label: { key: 'theirObjectives.response' }, width: 0.5 },
      ],
      rows: rows.map((o) => [o.objective, o.response]),
      refs: rows.map((o) =>
        itemRef(`meeting:${meeting.id}:theirObjectives:${o.n}`, o.objective || o.response),
      ),
    },
  ];
}
