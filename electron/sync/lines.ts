// The payload's lines: one change set per line, `[kind, row, hlc, device, {field: value, …}]`.
import { z } from 'zod';
import { DELETE_COUNTER, type ChangeSet } from '../../db/changes.js';
import { ValijaError } from '../../domain/errors.js';
import { HLC_PATTERN } from '../../db/hlc.js';
import { KIND_NAMES, KINDS, type KindName } from '../../domain/kinds.js';
import type { ChangeSetTuple } from '../../db/merge.js';

/** Kind, row, clock and device are plain ASCII names and ids; the fields are the log's JSON as stored. */
export function encodeLine([kind, row, hlc, device, fields]: ChangeSetTuple): string {
  return `["${kind}","${row}","${hlc}","${device}",${fields}]`;
}

const DEVICE_PATTERN = /^[0-9A-Za-z]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The line's shape, checked by hand: this runs once per change set on the import's hot path. */
function isChangeSetLine(raw: unknown): raw is [KindName, string, string, string, Record<string, unknown>] {
  if (!Array.isArray(raw) || raw.length !== 5) return false;
  const [kind, row, hlc, device, fields] = raw as unknown[];
  return (
    typeof kind === 'string' &&
    (KIND_NAMES as readonly string[]).includes(kind) &&
    typeof row === 'string' &&
    UUID.test(row) &&
    typeof hlc === 'string' &&
    HLC_PATTERN.test(hlc) &&
    typeof device === 'string' &&
    DEVICE_PATTERN.test(device) &&
    fields !== null &&
    typeof fields === 'object' &&
    !Array.isArray(fields)
  );
}

const counterSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Per kind: any of its fields (each valid), and the delete counter; nothing else. The authority on a line. */
export const fieldsSchemas = Object.fromEntries(
  KIND_NAMES.map((kind) => {
    const shape: Record<string, z.ZodType> = { [DELETE_COUNTER]: counterSchema };
    for (const [field, spec] of Object.entries(KINDS[kind].fields)) shape[field] = spec.schema;
    return [kind, z.object(shape).partial().strict()];
  }),
) as Record<KindName, z.ZodObject>;

/** A `\u` escape of a UTF-16 surrogate: the only way a lone surrogate can reach text decoded from UTF-8. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

const LONE_SURROGATE = /\p{Cs}/u;

function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).every(([k, v]) => !LONE_SURROGATE.test(k) && wellFormed(v));
  return true;
}

const OPEN_BRACE = '{'.charCodeAt(0);

/** True when every field passes its kind's quick check (sufficient for the schema, see kinds.ts). */
export function quicklyAccepted(kind: KindName, fields: Record<string, unknown>, names: string[]): boolean {
  const specs = KINDS[kind].fields;
  for (const name of names) {
    const value = fields[name];
    if (name === DELETE_COUNTER) {
      if (!(Number.isSafeInteger(value) && (value as number) >= 1)) return false;
      continue;
    }
    const accepts = Object.hasOwn(specs, name) ? specs[name]!.accepts : undefined;
    if (!accepts?.(value)) return false;
  }
  return true;
}

const corrupt = (line: number, why: string) =>
  new ValijaError('E_PACKAGE_CORRUPT', `package line ${line}: ${why}`);

/** Parses and validates one line strictly: the kind, every field and every value must be ones we know. */
export function decodeLine(text: string, line: number): ChangeSet {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt(line, 'not valid JSON');
  }
  if (!isChangeSetLine(raw)) throw corrupt(line, 'not a change record');
  const [kind, , , , fields] = raw;
  if (SURROGATE_ESCAPE.test(text) && !wellFormed(fields)) {
    throw corrupt(line, 'text with broken Unicode (a lone surrogate)');
  }
  const names = Object.keys(fields);
  if (names.length === 0) throw corrupt(line, 'a change of no field');
  const parsed = quicklyAccepted(kind, fields, names) ? undefined : fieldsSchemas[kind].safeParse(fields);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    throw corrupt(
      line,
      unknown !== undefined
        ? `${kind} has no field "${unknown}"`
        : `an invalid value for ${kind}.${String(issue.path[0])}`,
    );
  }
  if (kind === 'annotation' && 'visibility' in fields && fields.visibility !== 'shared') {
    throw corrupt(line, 'packages never carry private notes');
  }
  return toChangeSet(raw, text);
}

function toChangeSet(
  [kind, row, hlc, device, fields]: [KindName, string, string, string, Record<string, unknown>],
  text: string,
): ChangeSet {
  // The fields as sent, not as parsed (parsing trims titles): every store keeps the very same set, and
  // the log stores the line's own text of them rather than writing it out again. Kind, row, clock and
  // device are checked plain ASCII names (no quote, brace or escape can be in them), so the object
  // starts right after them exactly when the line has no spacing or escapes before it.
  const start = kind.length + row.length + hlc.length + device.length + 13;
  const fieldsText =
    text.charCodeAt(start) === OPEN_BRACE && text.endsWith('}]') ? text.slice(start, -1) : undefined;
  return { kind, row, hlc, device, fields, fieldsText };
}
