// Property: the import's quick field checks are sufficient for the schemas — whatever they accept, the
// schema accepts too — so taking the quick path never lets through a value the schema would refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_NAMES, KINDS } from '../../domain/kinds.js';
import { exportPackage } from '../../electron/sync/exporter.js';
import { fieldsSchemas, quicklyAccepted } from '../../electron/sync/lines.js';
import { loadDemo } from '../../electron/demo.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, tempStore } from '../helpers.js';
import { gunzipLines, parsePlain } from '../sync-helpers.js';

const RUNS = Number(process.env.VALIJA_PROPERTY_RUNS ?? 1000);

const uuid = fc.uuid().map((u) => u.toLowerCase());
const edgy = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  '\u00a0',
  '\u2028',
  ' x ',
  'x',
  'é',
  '\ud800',
  '2026-02-30',
  '2026-01-01',
);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Dates and times near and beyond the edges of valid ones (month 13, day 30 in February, hour 24 …). */
const dateLike = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 61 }),
    s: fc.integer({ min: 0, max: 61 }),
    frac: fc.constantFrom('', '.1', '.123', '.1234', '.'),
    zone: fc.constantFrom('Z', '+02:00', '-05:30', '+24:00', '+0200', '', 'z', '+23:59'),
    time: fc.boolean(),
  })
  .map(({ y, mo, d, h, mi, s, frac, zone, time }) => {
    const date = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
    return time ? `${date}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}${zone}` : date;
  });
const text = fc.oneof(
  dateLike,
  fc.constantFrom('PE', 'pe', 'PERU', 'EC', 'meeting', 'annotation', 'party', 'shared'),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
  edgy,
  fc
    .integer({ min: 0, max: 3 })
    .chain((k) =>
      fc.constantFrom(40, 50, 100, 200, 300, 500, 2000).map((n) => ' '.repeat(k) + 'a'.repeat(n - 1 + k)),
    ),
  uuid,
  uuid.map((u) => u.toUpperCase()),
  uuid.map((u) => ` ${u}`),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY),
  fc.array(text, { maxLength: 4 }),
  fc.array(uuid, { maxLength: 4 }),
  fc.array(fc.oneof(text, fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('quick field checks', () => {
  it('accept only what the schema accepts, field by field and for whole change sets', () => {
    for (const kind of KIND_NAMES) {
      const names = [...Object.keys(KINDS[kind].fields), 'deleteCounter', '__proto__', 'toString', 'colour'];
      const fields = fc.dictionary(fc.constantFrom(...names), value, { minKeys: 1, maxKeys: 4 });
      fc.assert(
        fc.property(fields, (raw) => {
          // As a package line would give them (own "__proto__" keys included).
          const parsed = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
          if (quicklyAccepted(kind, parsed, Object.keys(parsed))) {
            expect(fieldsSchemas[kind].safeParse(parsed).success).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('take the quick path for the demo store’s lines', () => {
    const store = tempStore();
    loadDemo(store.db);
    const file = join(tempDir(), 'demo.valija');
    exportPackage(store, file);
    const lines = gunzipLines(parsePlain(readFileSync(file)).payload).map(
      (line) =>
        JSON.parse(line) as [(typeof KIND_NAMES)[number], string, string, string, Record<string, unknown>],
    );
    const quick = lines.filter(([kind, , , , fields]) => quicklyAccepted(kind, fields, Object.keys(fields)));
    expect(quick.length / lines.length).toBeGreaterThan(0.8);
  });
});
