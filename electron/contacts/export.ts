// Writing people as vCard 4.0 (RFC 6350): a meeting's participants who are people in the store, or a party's
// people. UID is the person's id (urn:uuid), so a card exported twice is the same card. ical.js writes it.
import ICAL from 'ical.js';
import { participantsOf } from '../../db/calendar.js';
import { getRecord, listRecords } from '../../db/reader.js';
import type { Store } from '../../db/store.js';
import type { StoredRecord } from '../../domain/kinds.js';
import type { ContactsExportReport } from '../../domain/results.js';
import { foldLines } from '../calendar/export.js';
import { writeFileAtomically } from '../files.js';

function peopleOf(store: Store, target: { meetingId?: string; partyId?: string }): StoredRecord[] {
  if (target.partyId) {
    getRecord(store.db, 'party', target.partyId);
    return listRecords(store.db, 'person').filter((person) => person.partyId === target.partyId);
  }
  getRecord(store.db, 'meeting', target.meetingId!);
  const ids = participantsOf(store.db, target.meetingId!)
    .map((p) => p.personId as string | null)
    .filter((id): id is string => id !== null);
  return [...new Set(ids)].flatMap((id) => {
    try {
      return [getRecord(store.db, 'person', id)];
    } catch {
      return [];
    }
  });
}

function cardOf(store: Store, person: StoredRecord): ICAL.Component {
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', '4.0');
  card.addPropertyWithValue('uid', `urn:uuid:${person.id}`);
  card.addPropertyWithValue('fn', person.name as string);
  if (person.role) card.addPropertyWithValue('title', person.role as string);
  if (person.partyId) {
    const party = getRecord(store.db, 'party', person.partyId as string);
    const org = new ICAL.Property('org', card);
    org.setValue([party.name as string]);
    card.addProperty(org);
  }
  for (const email of person.emails as string[]) card.addPropertyWithValue('email', email);
  for (const phone of person.phones as string[]) {
    // vCard 4's TEL is a tel: URI by default; a number as people write it is text.
    const tel = new ICAL.Property('tel', card);
    tel.resetType('text');
    tel.setValue(phone);
    card.addProperty(tel);
  }
  for (const language of person.languages as string[]) card.addPropertyWithValue('lang', language);
  if (person.biography) card.addPropertyWithValue('note', person.biography as string);
  return card;
}

export function exportContacts(
  store: Store,
  file: string,
  target: { meetingId?: string; partyId?: string },
): ContactsExportReport {
  const people = peopleOf(store, target);
  const text = people.map((person) => foldLines(cardOf(store, person).toString())).join('');
  writeFileAtomically(file, Buffer.from(text, 'utf8'));
  return { file, cards: people.length };
}
