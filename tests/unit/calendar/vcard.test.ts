// Reading vCard files (3.0 and 4.0) into contacts, and refusing what a hostile file could abuse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CARDS, parseContacts } from '../../../electron/contacts/vcard.js';
import { ROOT } from '../../helpers.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'calendar', name), 'utf8');
const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n');

describe('reading vCard files', () => {
  it('vCard 3.0 (iPhone): the first ORG part, e-mails in lower case, a folded NOTE with accents', () => {
    const { contacts, skipped } = parseContacts(fixture('contacts-v3.vcf'));
    expect(skipped).toEqual([]);
    expect(contacts[0]).toEqual({
      name: 'María José Núñez',
      role: 'Directora de Soberanía Nacional',
      organization: 'Ecuador',
      emails: ['mjnunez@cancilleria.gob.ec'],
      phones: ['+593 2 299 3200'],
      languages: [],
      note: 'Negociadora del acuerdo de señalización fronteriza. Habla español e inglés.',
    });
    expect(contacts[1]!.emails).toEqual(['atorres@rree.gob.pe', 'ana.torres@example.org']);
  });

  it('vCard 4.0: LANG, a tel: URI, and a card that carries no TITLE says nothing about the role', () => {
    const { contacts } = parseContacts(fixture('contacts-v4.vcf'));
    expect(contacts[0]).toMatchObject({
      name: 'Luis Peña',
      languages: ['es', 'en'],
      phones: ['+51-1-204-2400'],
    });
    expect(contacts[1]).toEqual({
      name: 'Ana Torres',
      emails: ['atorres@rree.gob.pe'],
      phones: [],
      languages: ['es'],
    });
    expect('role' in contacts[1]!).toBe(false);
  });

  it('names a card from N when it has no FN, and skips a card with no name', () => {
    const text = card('VERSION:3.0', 'N:Ibáñez;Sergio;;;') + card('VERSION:4.0', 'EMAIL:nadie@example.org');
    const { contacts, skipped } = parseContacts(text);
    expect(contacts.map((c) => c.name)).toEqual(['Sergio Ibáñez']);
    expect(skipped).toEqual([{ name: 'nadie@example.org', reason: 'the card has no name (FN or N)' }]);
  });

  it('refuses a card inside a card, a property outside one, and more cards than the limit', () => {
    expect(() => parseContacts(`BEGIN:VCARD\r\nBEGIN:VCARD\r\nBEGIN:VCARD\r\nFN:x\r\n`)).toThrow(
      /a card inside a card/,
    );
    expect(() => parseContacts('FN:Suelto\r\n')).toThrow(/line 1: a property outside any card/);
    const many = card('VERSION:4.0', 'FN:X').repeat(MAX_CARDS + 1);
    expect(() => parseContacts(many)).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE' }));
  });
});
