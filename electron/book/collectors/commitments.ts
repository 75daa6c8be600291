import type { Block } from '../block-model.js';
import { initiativeLevel, itemRef, text, type BookContext, type Rec } from './context.js';

/** Open commitments on both sides in one table, due soonest first; overdue ones marked and highlighted. */
export function commitments(context: BookContext): Block[] {
  const { commitments, bookDate, partyName, meetingTitle } = context;
  const due = (c: Rec) => text(c.dueDate) || '9999';
  const sorted = [...commitments].sort(
    (a, b) => due(a).localeCompare(due(b)) || String(a.id).localeCompare(String(b.id)),
  );
  if (!sorted.length) return [];
  const overdue = (c: Rec) => text(c.dueDate) !== '' && text(c.dueDate) < bookDate;
  return [
    {
      type: 'table',
      columns: [
        { label: { key: 'commitments.text' }, width: 0.4 },
        { label: { key: 'commitments.owingParty' }, width: 0.16 },
        { label: { key: 'commitments.originMeeting' }, width: 0.2 },
        { label: { key: 'commitments.dueDate' }, width: 0.14 },
        { label: { key: 'commitments.status' }, width: 0.1 },
      ],
      rowLevels: sorted.map((c) => initiativeLevel(context, c.initiativeId)),
      rows: sorted.map((c) => [
        text(c.text),
        partyName(c.owingPartyId) || '—',
        text(meetingTitle(c.meetingId)) || '—',
        text(c.dueDate)
          ? overdue(c)
            ? [
                { date: text(c.dueDate), style: 'short' as const },
                ' ',
                { key: 'commitments.overdue' as const },
              ]
            : { date: text(c.dueDate), style: 'short' as const }
          : { key: 'commitments.noDate' },
        { choice: 'commitmentStatus', value: String(c.status) },
      ]),
      highlightRows: sorted.flatMap((c, i) => (overdue(c) ? [i] : [])),
      refs: sorted.map((c) => itemRef(`commitment:${c.id}`, text(c.text))),
    },
  ];
}
