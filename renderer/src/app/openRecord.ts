// Where a record lives on screen: a meeting's parts open on their meeting's tab, a note on its target,
// everything else on its own record page.
import type { KindName } from '../../../domain/kinds.js';
import { api } from '../api/client.js';
import { navigate, type MeetingTab } from './router.js';

const PART_TABS: Partial<Record<KindName, MeetingTab>> = {
  agendaItem: 'programme',
  talkingPoint: 'points',
  participant: 'participants',
};

export async function openRecord(kind: KindName, id: string): Promise<void> {
  if (kind === 'meeting') return navigate({ section: 'meetings', id, tab: 'overview' });
  const tab = PART_TABS[kind];
  if (tab) {
    const part = await api().get({ kind, id });
    return navigate({ section: 'meetings', id: String(part.meetingId), tab });
  }
  // A document is shown on the page of the record it is attached to (its documents panel).
  if (kind === 'document') {
    const doc = await api().get({ kind, id });
    return openRecord(String(doc.targetKind) as KindName, String(doc.targetId));
  }
  if (kind === 'annotation') {
    const note = await api().get({ kind, id });
    const target = String(note.targetKind) as KindName;
    if (target === 'meeting') {
      return navigate({ section: 'meetings', id: String(note.targetId), tab: 'notes' });
    }
    return openRecord(target, String(note.targetId));
  }
  navigate({ section: 'record', kind, id });
}
