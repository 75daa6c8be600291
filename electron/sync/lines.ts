// The payload's lines: one change per line, `[kind, row, field, hlc, device, value-as-JSON-text]`.
import { z } from 'zod';
import { DELETE_COUNTER, type Change } from '../../db/changes.js';
import { ValijaError } from '../../db/errors.js';
import { HLC_PATTERN } from '../../db/hlc.js';
import { KIND_NAMES, KINDS, type KindName } from '../../db/kinds.js';

/** Kind, row, field, clock and device are plain ASCII names and ids, so only the value needs escaping. */
export function encodeLine(c: Change): string {
  return `["${c.kind}","${c.row}","${c.field}","${c.hlc}","${c.device}",${JSON.stringify(c.value)}]`;
}

const DEVICE_PATTERN = /^[0-9A-Za-z]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The line's shape, checked by hand: this runs once per change on the import's hot path. */
function isChangeTuple(raw: unknown): raw is [KindName, string, string, string, string, string] {
  if (!Array.isArray(raw) || raw.length !== 6 || !raw.every((part) => typeof part === 'string')) return false;
  const [kind, row, field, hlc, device] = raw as string[];
  return (
    (KIND_NAMES as readonly string[]).includes(kind!) &&
    UUID.test(row!) &&
    field!.length <= 100 &&
    HLC_PATTERN.test(hlc!) &&
    DEVICE_PATTERN.test(device!)
  );
}

const counterSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const LONE_SURROGATE = /\p{Cs}/u;

function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).every(([k, v]) => !LONE_SURROGATE.test(k) && wellFormed(v));
  return true;
}

const corrupt = (line: number, why: string) =>
  new ValijaError('E_PACKAGE_CORRUPT', `package line ${line}: ${why}`);

/** Parses and validates one line strictly: the kind, the field and the value must all be ones we know. */
export function decodeLine(text: string, line: number): Change {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt(line, 'not valid JSON');
  }
  if (!isChangeTuple(raw)) throw corrupt(line, 'not a change record');
  const [kind, row, field, hlc, device, value] = raw;
  let decoded: unknown;
  try {
    decoded = JSON.parse(value);
  } catch {
    throw corrupt(line, 'the value is not valid JSON');
  }
  if (!wellFormed(decoded) || !wellFormed(raw))
    throw corrupt(line, 'text with broken Unicode (a lone surrogate)');
  if (field === DELETE_COUNTER) {
    if (!counterSchema.safeParse(decoded).success) throw corrupt(line, 'a bad delete counter');
  } else {
    const spec = KINDS[kind as KindName].fields[field];
    if (!spec) throw corrupt(line, `${kind} has no field "${field}"`);
    if (!spec.schema.safeParse(decoded).success) throw corrupt(line, `an invalid value for ${kind}.${field}`);
    if (kind === 'annotation' && field === 'visibility' && decoded !== 'shared') {
      throw corrupt(line, 'packages never carry private notes');
    }
  }
  return { kind, row, field, hlc, device, value };
}
