import type { Block, Text } from '../block-model.js';
import type { ItemRef } from '../block-model.js';
import { dateText, itemRef, text, type BookContext } from './context.js';

/** The relationship with each counterpart, this meeting's background, and the last meeting with them. */
export function background({ counterparts, meeting, lastMeeting, lang }: BookContext): Block[] {
  const blocks: Block[] = [];
  const relationships = counterparts.filter((p) => text(p.relationship) || text(p.profile));
  if (relationships.length) {
    blocks.push({ type: 'heading', level: 2, text: { key: 'background.relationship' } });
    for (const p of relationships) {
      if (relationships.length > 1) blocks.push({ type: 'heading', level: 3, text: text(p.name) });
      for (const field of ['profile', 'relationship'])
        if (text(p[field]))
          blocks.push({
            type: 'paragraph',
            markdown: text(p[field]),
            refs: [itemRef(`party:${p.id}:${field}`, text(p[field]))],
          });
    }
  }
  if (text(meeting.background))
    blocks.push({
      type: 'paragraph',
      markdown: text(meeting.background),
      refs: [itemRef(`meeting:${meeting.id}:background`, text(meeting.background))],
    });
  if (lastMeeting) {
    blocks.push({ type: 'heading', level: 2, text: { key: 'background.lastMeeting' } });
    const facts: { label: Text; value: Text }[] = [
      { label: { key: 'commitments.originMeeting' }, value: text(lastMeeting.title) },
    ];
    const fact = (field: string, title: string): ItemRef =>
      itemRef(`meeting:${lastMeeting.id}:${field}`, title);
    const refs = [fact('title', text(lastMeeting.title))];
    const when = dateText(lastMeeting, lang);
    if (when) {
      facts.push({ label: { key: 'cover.date' }, value: when });
      refs.push(fact('date', when));
    }
    if (text(lastMeeting.place)) {
      facts.push({ label: { key: 'cover.place' }, value: text(lastMeeting.place) });
      refs.push(fact('place', text(lastMeeting.place)));
    }
    if (text(lastMeeting.outcome)) {
      facts.push({ label: { key: 'background.outcome' }, value: text(lastMeeting.outcome) });
      refs.push(fact('outcome', text(lastMeeting.outcome)));
    }
    blocks.push({ type: 'keyValue', items: facts, refs });
  }
  return blocks;
}
