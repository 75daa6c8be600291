// A vCard file (3.0 or 4.0, as phones, Outlook and Google write them) read into plain contact values. ical.js
// parses; this file checks what a hostile file could abuse (size, number of cards, nesting) and keeps only
// the properties Valija has a field for.
import ICAL from 'ical.js';
import { ValijaError, invalid } from '../../domain/errors.js';
import { whereIn } from '../calendar/parse.js';

export const MAX_CONTACTS_BYTES = 5 * 2 ** 20;
export const MAX_CARDS = 5_000;

export interface Contact {
  name: string;
  /** Only what the card carries: undefined means it says nothing about it. */
  role?: string;
  organization?: string;
  emails: string[];
  phones: string[];
  languages: string[];
  note?: string;
}

export interface ParsedContacts {
  contacts: Contact[];
  skipped: { name: string; reason: string }[];
}

function checkLines(text: string): void {
  const physical = text.split(/\r?\n/);
  let depth = 0;
  let cards = 0;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    if (line === '' || line.startsWith(' ') || line.startsWith('\t')) continue;
    if (!/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)?[;:]/.test(line)) {
      throw invalid(
        `line ${i + 1} of the contacts file is not a vCard property: ${JSON.stringify(line.slice(0, 60))}`,
      );
    }
    const upper = line.toUpperCase();
    if (upper.startsWith('BEGIN:')) {
      if (++depth > 2) throw invalid(`line ${i + 1}: a card inside a card`);
      if (++cards > MAX_CARDS)
        throw new ValijaError('E_TOO_LARGE', `the file holds more than ${MAX_CARDS} cards`);
    } else if (upper.startsWith('END:')) {
      if (--depth < 0) throw invalid(`line ${i + 1}: END without its BEGIN`);
    } else if (depth === 0) {
      throw invalid(`line ${i + 1}: a property outside any card (BEGIN:VCARD … END:VCARD)`);
    }
  }
  if (depth !== 0) throw invalid('the contacts file ends inside a card (a missing END:VCARD)');
}

const clean = (value: unknown, max: number) =>
  String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function readCard(card: ICAL.Component): Contact {
  const values = (name: string) => card.getAllProperties(name).map((p) => p.getFirstValue() as unknown);
  let name = clean(card.getFirstPropertyValue('fn'), 200);
  if (!name) {
    const n = card.getFirstPropertyValue('n') as unknown;
    const [family = '', given = ''] = Array.isArray(n)
      ? (n as unknown[]).map((p) => clean(first(p), 100))
      : [];
    name = clean(`${given} ${family}`, 200);
  }
  const role = card.hasProperty('title') ? clean(card.getFirstPropertyValue('title'), 2_000) : undefined;
  const organization = card.hasProperty('org')
    ? clean(first(card.getFirstPropertyValue('org')), 500)
    : undefined;
  const note = card.hasProperty('note') ? String(card.getFirstPropertyValue('note') ?? '').trim() : undefined;
  const unique = (list: string[]) => [...new Set(list.filter(Boolean))].slice(0, 50);
  return {
    name,
    ...(role === undefined ? {} : { role }),
    ...(organization ? { organization } : {}),
    ...(note === undefined ? {} : { note: note.slice(0, 100_000) }),
    emails: unique(
      values('email').map((e) =>
        clean(e, 200)
          .replace(/^mailto:/i, '')
          .toLowerCase(),
      ),
    ),
    phones: unique(values('tel').map((t) => clean(t, 100).replace(/^tel:/i, ''))),
    languages: unique(values('lang').map((l) => clean(l, 35))),
  };
}

/** Reads a vCard file's text; throws E_INVALID (nothing read) for a file that is not one. */
export function parseContacts(source: string): ParsedContacts {
  if (Buffer.byteLength(source) > MAX_CONTACTS_BYTES) {
    throw new ValijaError('E_TOO_LARGE', `the contacts file exceeds ${MAX_CONTACTS_BYTES / 2 ** 20} MiB`);
  }
  const body = source.replace(/^\uFEFF/, '');
  checkLines(body);
  let cards: ICAL.Component[];
  try {
    const parsed = ICAL.parse(body) as unknown[];
    const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
    cards = list.map((jcard) => new ICAL.Component(jcard));
  } catch (error) {
    throw invalid(`${whereIn(body, error)}the contacts file cannot be read: ${(error as Error).message}`);
  }
  const contacts: Contact[] = [];
  const skipped: ParsedContacts['skipped'] = [];
  for (const card of cards) {
    if (card.name !== 'vcard') throw invalid('the file is not a vCard file (no BEGIN:VCARD)');
    try {
      const contact = readCard(card);
      if (contact.name) contacts.push(contact);
      else skipped.push({ name: contact.emails[0] ?? '', reason: 'the card has no name (FN or N)' });
    } catch (error) {
      skipped.push({ name: '', reason: `unreadable: ${(error as Error).message}`.slice(0, 300) });
    }
  }
  return { contacts, skipped };
}
