// Loading a fixed set of records (the demo store) with fixed ids, one fixed clock and one fixed device (the
// example device, see example-device.ts), so every laptop that loads it holds the very same records and
// changes, and their packages agree.
import { z } from 'zod';
import type { Db } from './connection.js';
import { applyChangeSet, DELETE_COUNTER } from './changes.js';
import { observeClock } from './device.js';
import { invalid } from '../domain/errors.js';
import { HLC_PATTERN } from './hlc.js';
import { fieldNames, idSchema, KIND_NAMES, KINDS, type KindName } from '../domain/kinds.js';
import { rebuildSearchIndex } from './search.js';
import { describeIssues } from './validation.js';
import { writeSetting } from './settings.js';
import { EXAMPLE_DEVICE } from './example-device.js';

export const fixedRecordsSchema = z.object({
  source: z.string().optional(),
  /** This ministry's own state in these records (device setting ownPartyId). */
  ownPartyId: idSchema.optional(),
  clock: z.string().regex(HLC_PATTERN),
  device: z.string().min(1).max(64),
  records: z.partialRecord(z.enum(KIND_NAMES), z.array(z.record(z.string(), z.unknown()))),
});
export type FixedRecords = z.infer<typeof fixedRecordsSchema>;

function fullSchema(kind: KindName): z.ZodObject {
  const shape: Record<string, z.ZodType> = { id: idSchema };
  for (const [field, spec] of Object.entries(KINDS[kind].fields)) shape[field] = spec.schema;
  return z.object(shape).strict();
}

/**
 * Every field of every record must be given, so the loaded state does not depend on defaults. `demo` marks
 * the store as holding example data, in the same transaction.
 */
export function loadFixedRecords(db: Db, input: unknown, options: { demo?: boolean } = {}): number {
  const parsed = fixedRecordsSchema.safeParse(input);
  if (!parsed.success) throw invalid(`fixed records: ${describeIssues(parsed.error)}`);
  const { clock, device, records } = parsed.data;
  if (device !== EXAMPLE_DEVICE.deviceId) {
    throw invalid(
      `fixed records are written by the example device (${EXAMPLE_DEVICE.deviceId}), not ${device}`,
    );
  }
  let count = 0;
  db.transaction(() => {
    for (const kind of KIND_NAMES) {
      for (const [index, raw] of (records[kind] ?? []).entries()) {
        const result = fullSchema(kind).safeParse(raw);
        if (!result.success) throw invalid(`fixed ${kind} ${index}: ${describeIssues(result.error)}`);
        const record = result.data as Record<string, unknown> & { id: string };
        const fields: Record<string, unknown> = { [DELETE_COUNTER]: 1 };
        for (const field of fieldNames(kind)) fields[field] = record[field];
        applyChangeSet(db, { kind, row: record.id, hlc: clock, device, fields });
        count++;
      }
    }
    observeClock(db, clock);
    if (parsed.data.ownPartyId) {
      writeSetting(db, 'ownPartyId', parsed.data.ownPartyId);
    }
    if (options.demo) writeSetting(db, 'demo', '1');
    rebuildSearchIndex(db);
  }).immediate();
  return count;
}
