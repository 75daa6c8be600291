import type { Block } from '../block-model.js';
import type { BookContext } from './context.js';

/** What the other side probably wants, and our response, as a two-column table. */
export function theirObjectives({ meeting }: BookContext): Block[] {
  const rows = (meeting.theirObjectives as { objective: string; response: string }[]).filter(
    (o) => o.objective.trim() || o.response.trim(),
  );
  if (!rows.length) return [];
  return [
    {
      type: 'table',
      columns: [
        { label: { key: 'theirObjectives.objective' }, width: 0.5 },
        { label: { key: 'theirObjectives.response' }, width: 0.5 },
      ],
      rows: rows.map((o) => [o.objective, o.response]),
    },
  ];
}
