import type { Block, Text } from '../block-model.js';
import type { ItemRef } from '../block-model.js';
import { dateText, itemRef, text, type BookContext } from './context.js';

/** The meeting's facts (kind, date, place, logistics), its agenda, and who sits on each side. */
export function programme({ meeting, agenda, participants, lang }: BookContext): Block[] {
  const blocks: Block[] = [];
  const facts: { label: Text; value: Text }[] = [
    { label: { key: 'programme.kind' }, value: { choice: 'meetingKind', value: String(meeting.kind) } },
  ];
  const fact = (field: string, title: string): ItemRef => itemRef(`meeting:${meeting.id}:${field}`, title);
  const refs = [fact('kind', String(meeting.kind))];
  const when = dateText(meeting, lang);
  if (when) {
    facts.push({ label: { key: 'cover.date' }, value: when });
    refs.push(fact('date', when));
  }
  if (text(meeting.place)) {
    facts.push({ label: { key: 'cover.place' }, value: text(meeting.place) });
    refs.push(fact('place', text(meeting.place)));
  }
  if (text(meeting.logistics)) {
    facts.push({ label: { key: 'programme.logistics' }, value: text(meeting.logistics) });
    refs.push(fact('logistics', text(meeting.logistics)));
  }
  // The kind alone is not worth a section.
  if (agenda.length || participants.length || facts.length > 1)
    blocks.push({ type: 'keyValue', items: facts, refs });
  if (agenda.length) {
    const withTime = agenda.some((a) => text(a.time));
    blocks.push(
      { type: 'heading', level: 2, text: { key: 'programme.agenda' } },
      {
        type: 'table',
        columns: withTime
          ? [
              { label: { key: 'programme.time' }, width: 0.16 },
              { label: { key: 'programme.item' }, width: 0.84 },
            ]
          : [{ label: { key: 'programme.item' }, width: 1 }],
        rows: agenda.map((a) => {
          const item = [text(a.title), text(a.notes)].filter(Boolean).join(' — ');
          return withTime ? [text(a.time), item] : [item];
        }),
        refs: agenda.map((a) => itemRef(`agendaItem:${a.id}`, text(a.title))),
      },
    );
  }
  for (const side of ['ours', 'theirs'] as const) {
    const list = participants.filter((p) => p.side === side);
    if (!list.length) continue;
    blocks.push(
      { type: 'heading', level: 3, text: { key: side === 'ours' ? 'programme.ours' : 'programme.theirs' } },
      {
        type: 'bulletList',
        items: list.map((p) => [text(p.name), text(p.role)].filter(Boolean).join(', ')),
        refs: list.map((p) => itemRef(`participant:${p.id}`, text(p.name))),
      },
    );
  }
  return blocks;
}
