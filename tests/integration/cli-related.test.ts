// `valija related` as a user types it, on the demo store: JSON on stdout, a usage error for a bad kind.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, valija } from '../helpers.js';
import type { Related } from '../../domain/results.js';

describe('valija related <kind> <id>', () => {
  it("prints a party's related lists as JSON, and refuses a kind without them", () => {
    const db = join(tempDir(), 'demo.db');
    expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
    const parties = JSON.parse(valija(['--db', db, 'list', 'party']).stdout) as {
      id: string;
      name: string;
    }[];
    const ecuador = parties.find((party) => /Ecuador/.test(party.name))!;
    const answer = valija(['--db', db, 'related', 'party', ecuador.id, '--limit', '3']);
    expect(answer.code, answer.stderr).toBe(0);
    const related = JSON.parse(answer.stdout) as Related;
    expect(related.kind).toBe('party');
    expect(related.meetings.total).toBeGreaterThan(0);
    expect(related.meetings.items.length).toBeLessThanOrEqual(3);
    expect(related.meetings.items[0]).toMatchObject({ kind: 'meeting' });
    const refused = valija(['--db', db, 'related', 'meeting', ecuador.id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error\[E_INVALID\]/);
  });
});
