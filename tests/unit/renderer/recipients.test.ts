// The distribution list as the book builder reads it from its text box.
import { describe, expect, it } from 'vitest';
import { readRecipientLines } from '../../../renderer/src/features/book/recipients.js';

const spanish = {
  public: 'Público',
  restricted: 'Reservado',
  confidential: 'Confidencial',
  secret: 'Secreto',
};
const label = (level: keyof typeof spanish) => spanish[level];

describe('the distribution list typed in the book builder', () => {
  it('reads a name, an optional post and an optional clearance per line, skipping blank lines', () => {
    const read = readRecipientLines(
      'Ana Pérez; Ministra\n\n  Luis Quispe ; Director de América del Sur ; reservado \nMarta Ríos;;CONFIDENCIAL\r\nJuan Soto',
      label,
    );
    expect(read).toEqual({
      recipients: [
        { name: 'Ana Pérez', post: 'Ministra' },
        { name: 'Luis Quispe', post: 'Director de América del Sur', clearance: 'restricted' },
        { name: 'Marta Ríos', clearance: 'confidential' },
        { name: 'Juan Soto' },
      ],
      badLines: [],
    });
  });

  it('takes a level by its code, or its name with or without accents', () => {
    const read = readRecipientLines('A;;secret\nB;;publico\nC;;Público', label);
    expect(read.recipients.map((r) => r.clearance)).toEqual(['secret', 'public', 'public']);
  });

  it('names every line it cannot read: no name, an unknown level, too many parts', () => {
    const read = readRecipientLines(
      '; Ministra\nAna;;ultrasecreto\nAna;Ministra;reservado;extra\nBien',
      label,
    );
    expect(read.badLines).toEqual([1, 2, 3]);
    expect(read.recipients).toEqual([{ name: 'Bien' }]);
  });
});
