// Importing a vCard file into people: first a plan (who each card is — an existing person found by e-mail,
// then by name, or a new one — and what it would change), then, unless it is a dry run, the plan written in
// one transaction through the one writer. A card changes only what it carries: role (TITLE), party (ORG, when
// a party of that name exists; no party is made up), biography (NOTE); e-mail addresses, telephones and
// languages are added to the person's, never removed. A known person keeps the name the store has for them.
import { findPerson, nameKey, peopleIndex } from '../../db/calendar.js';
import { listRecords } from '../../db/reader.js';
import type { Store } from '../../db/store.js';
import { putRecords } from '../../db/writer.js';
import type { StoredRecord } from '../../domain/kinds.js';
import type { ContactsImportReport } from '../../domain/results.js';
import { parseContacts, type Contact } from './vcard.js';

type Action = ContactsImportReport['people'][number]['action'];

interface Step {
  action: Action;
  existing?: StoredRecord;
  /** All the fields of a new person; only the changed ones of an existing one. */
  fields: Record<string, unknown>;
}

const union = (a: string[], b: string[]) => {
  const seen = new Set(a.map((s) => s.toLowerCase()));
  return [...a, ...b.filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()))].slice(0, 200);
};

export function importContacts(
  store: Store,
  source: string,
  options: { dryRun?: boolean },
): ContactsImportReport {
  const { contacts, skipped } = parseContacts(source);
  const people = peopleIndex(store.db);
  const parties = new Map<string, string | null>();
  for (const party of listRecords(store.db, 'party')) {
    const key = nameKey(party.name as string);
    parties.set(key, parties.has(key) ? null : party.id);
  }
  const unknownOrganizations = new Set<string>();
  const steps: Step[] = [];
  /** People this file creates, so a second card for the same person joins the first. */
  const planned = new Map<string, Step>();

  for (const contact of contacts) {
    const partyId = contact.organization ? parties.get(nameKey(contact.organization)) : undefined;
    if (contact.organization && !partyId) unknownOrganizations.add(contact.organization);
    const keys = [...contact.emails.map((e) => `email:${e}`), `name:${nameKey(contact.name)}`];
    const earlier = keys.map((key) => planned.get(key)).find(Boolean);
    const existing =
      earlier?.existing ??
      (earlier
        ? undefined
        : [...contact.emails, ''].map((e) => findPerson(people, e, e ? '' : contact.name)).find(Boolean));
    const step = earlier ?? { action: 'unchanged' as Action, existing, fields: {} };
    const current = existing ? { ...existing, ...step.fields } : step.fields;
    const changes = changesFrom(contact, partyId ?? undefined, current, !existing && !earlier);
    Object.assign(step.fields, changes);
    if (!existing) step.action = 'created';
    else if (Object.keys(step.fields).length > 0) step.action = 'updated';
    if (!earlier) steps.push(step);
    for (const key of keys) if (!planned.has(key)) planned.set(key, step);
  }

  const ids = options.dryRun ? steps.map((step) => step.existing?.id ?? null) : apply(store, steps);
  const count = (action: Action) => steps.filter((step) => step.action === action).length;
  return {
    dryRun: options.dryRun === true,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped,
    people: steps.map((step, index) => ({
      id: ids[index]!,
      name: (step.existing?.name ?? step.fields.name) as string,
      action: step.action,
    })),
    unknownOrganizations: [...unknownOrganizations],
  };
}

/** The fields a card would set on a person (all it carries for a new one; only differences for a known one). */
function changesFrom(
  contact: Contact,
  partyId: string | undefined,
  current: Record<string, unknown>,
  isNew: boolean,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const set = (field: string, value: unknown) => {
    if (JSON.stringify(current[field]) !== JSON.stringify(value)) changes[field] = value;
  };
  if (isNew) changes.name = contact.name;
  if (contact.role !== undefined) set('role', contact.role);
  if (partyId) set('partyId', partyId);
  if (contact.note !== undefined) set('biography', contact.note);
  for (const [field, values] of [
    ['emails', contact.emails],
    ['phones', contact.phones],
    ['languages', contact.languages],
  ] as const) {
    const had = (current[field] as string[] | undefined) ?? [];
    const merged = union(had, values);
    if (merged.length !== had.length || isNew) changes[field] = merged;
  }
  return changes;
}

function apply(store: Store, steps: Step[]): string[] {
  const { db, writer } = store;
  return db.transaction(() =>
    steps.map((step) => {
      if (!step.existing) return putRecords(writer, 'person', step.fields)[0]!.id;
      if (Object.keys(step.fields).length > 0)
        putRecords(writer, 'person', { id: step.existing.id, ...step.fields });
      return step.existing.id;
    }),
  )();
}
