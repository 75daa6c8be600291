// The one writer: every create, change, delete and restore becomes one clocked change set (the fields it
// set), recorded in the same transaction as the row, and the search index follows. Nothing else writes
// records.
import type { z } from 'zod';
import type { Db } from './connection.js';
import { applyChangeSet, DELETE_COUNTER } from './changes.js';
import { nextClock, readDevice } from './device.js';
import { invalid, notFound, ValijaError } from '../domain/errors.js';
import { uuidv7 } from './ids.js';
import {
  createSchemas,
  fieldNames,
  KINDS,
  patchSchemas,
  type KindName,
  type StoredRecord,
} from '../domain/kinds.js';
import { currentDocumentVersion, getRecord, isAlive, isAliveRecord, readRow } from './reader.js';
import { currentParent, reindexRecords } from './search.js';
import { stmt } from './statements.js';
import { describeIssues } from './validation.js';

export interface Writer {
  db: Db;
  deviceId: string;
  /** Wall clock in ms; tests pin it. */
  now: () => number;
}

function parse(schema: z.ZodObject, input: unknown, kind: KindName, prefix: string): Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw invalid(`${prefix}a ${kind} must be a JSON object`);
  }
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(`invalid ${kind}: ${describeIssues(result.error, prefix)}`);
  return result.data as Record<string, unknown>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** References must name alive records of the right kind; parts must stay within their meeting. */
function checkReferences(db: Db, kind: KindName, merged: Record<string, unknown>, prefix: string): void {
  for (const [field, spec] of Object.entries(KINDS[kind].fields)) {
    if (!spec.refKind) continue;
    const value = merged[field];
    const ids = Array.isArray(value) ? (value as string[]) : value ? [value as string] : [];
    for (const id of ids) {
      if (!isAliveRecord(db, spec.refKind, id)) {
        throw invalid(`${prefix}field "${field}": no ${spec.refKind} with id ${id}`);
      }
    }
  }
  if (kind === 'talkingPoint' && merged.agendaItemId) {
    const item = readRow(db, 'agendaItem', merged.agendaItemId as string);
    if (item?.meetingId !== merged.meetingId) {
      throw invalid(`${prefix}field "agendaItemId": that agenda item belongs to another meeting`);
    }
  }
  if (kind === 'document' && !isAliveRecord(db, merged.targetKind as KindName, merged.targetId as string)) {
    throw invalid(
      `${prefix}field "targetId": no ${String(merged.targetKind)} with id ${String(merged.targetId)}`,
    );
  }
  // A new note needs a living target; a new version of an existing note keeps the target it had.
  if (
    kind === 'annotation' &&
    !merged.supersedes &&
    !isAliveRecord(db, merged.targetKind as KindName, merged.targetId as string)
  ) {
    throw invalid(
      `${prefix}field "targetId": no ${String(merged.targetKind)} with id ${String(merged.targetId)}`,
    );
  }
}

/**
 * A note's page and passage belong to a document: they are checked against its current version, and the
 * version they were quoted from is kept (an edit that keeps them keeps the version it had).
 */
function placeOnDocument(db: Db, values: Record<string, unknown>, prefix: string): void {
  const page = values.page as number;
  const quote = (values.quote as string).trim();
  values.quote = quote;
  if (page === 0 && quote === '') {
    values.quotedVersion = null;
    return;
  }
  if (values.targetKind !== 'document')
    throw invalid(`${prefix}field "page": only a note on a document has a page or a quoted passage`);
  if (values.quotedVersion) return;
  const current = currentDocumentVersion(db, values.targetId as string);
  if (!current) throw notFound(`no document with id ${String(values.targetId)}`);
  if (current.pages > 0 && page > current.pages)
    throw invalid(`${prefix}field "page": the document has ${current.pages} page(s), not ${page}`);
  values.quotedVersion = current.id;
}

/** Records one write of one record: the fields it sets, under a fresh clock of this device. */
function record(w: Writer, kind: KindName, id: string, fields: Record<string, unknown>): void {
  applyChangeSet(w.db, { kind, row: id, hlc: nextClock(w.db, w.now()), device: w.deviceId, fields });
}

function nextPosition(db: Db, kind: KindName, meetingId: string): number {
  const row = stmt(db, `SELECT max(position) AS p FROM "${KINDS[kind].table}" WHERE meetingId = ?`).get(
    meetingId,
  ) as {
    p: number | null;
  };
  return (row.p ?? 0) + 1;
}

function authorLine(db: Db): string {
  const device = readDevice(db)!;
  return [device.name, device.post].filter(Boolean).join(', ');
}

function create(
  w: Writer,
  kind: KindName,
  input: Record<string, unknown>,
  prefix: string,
  system = {},
): string {
  const spec = KINDS[kind];
  const values: Record<string, unknown> = {};
  for (const [field, fieldSpec] of Object.entries(spec.fields))
    values[field] = input[field] ?? fieldSpec.default;
  Object.assign(values, system);
  if (spec.ordered && input.position === undefined) {
    values.position = nextPosition(w.db, kind, values.meetingId as string);
  }
  if (kind === 'annotation') {
    const target = readRow(w.db, values.targetKind as KindName, values.targetId as string);
    Object.assign(values, {
      author: values.author || authorLine(w.db),
      authorDevice: w.deviceId,
      createdAt: new Date(w.now()).toISOString(),
      targetVersion: target?.version ?? '',
    });
    placeOnDocument(w.db, values, prefix);
  }
  checkReferences(w.db, kind, values, prefix);
  const id = uuidv7(w.now());
  const fields: Record<string, unknown> = { [DELETE_COUNTER]: 1 };
  for (const field of fieldNames(kind)) fields[field] = values[field];
  record(w, kind, id, fields);
  return id;
}

function update(w: Writer, kind: KindName, patch: Record<string, unknown>, prefix: string): string {
  const { id, ...fields } = patch as { id: string } & Record<string, unknown>;
  const current = getRecord(w.db, kind, id);
  if (kind === 'annotation') return editAnnotation(w, current, fields, prefix);
  for (const fixed of kind === 'document' ? (['targetKind', 'targetId'] as const) : []) {
    if (fields[fixed] !== undefined && !sameValue(fields[fixed], current[fixed]))
      throw invalid(`${prefix}field "${fixed}": a document stays with the record it was attached to`);
  }
  const merged = { ...current, ...fields };
  checkReferences(w.db, kind, merged, prefix);
  const changed = Object.keys(fields).filter((field) => !sameValue(fields[field], current[field]));
  if (changed.length === 0) return id;
  record(w, kind, id, Object.fromEntries(changed.map((field) => [field, fields[field]])));
  return id;
}

/**
 * Annotations are insert-only: an edit writes a new version that supersedes the old one, so concurrent
 * edits on two laptops both survive. A private note made shared starts a fresh shared note (the private
 * history never leaves the device); a shared note cannot be made private again.
 */
function editAnnotation(
  w: Writer,
  current: StoredRecord,
  fields: Record<string, unknown>,
  prefix: string,
): string {
  for (const fixed of ['targetKind', 'targetId', 'targetField', 'supersedes'] as const) {
    if (fields[fixed] !== undefined && !sameValue(fields[fixed], current[fixed])) {
      throw invalid(`${prefix}field "${fixed}": a note's target cannot change; write a new note instead`);
    }
  }
  if (current.visibility === 'shared' && fields.visibility === 'private') {
    throw invalid(
      `${prefix}field "visibility": a shared note cannot be made private again; delete it instead`,
    );
  }
  const next = { ...pickFields('annotation', current), ...fields };
  if (Object.keys(next).every((f) => sameValue(next[f], current[f]))) return current.id;
  const sharing = current.visibility === 'private' && next.visibility === 'shared';
  // The passage keeps the version it was quoted from, unless the edit quotes anew.
  const requoted = !sameValue(next.page, current.page) || !sameValue(next.quote, current.quote);
  const id = create(w, 'annotation', { ...next, supersedes: sharing ? null : current.id }, prefix, {
    author: '',
    quotedVersion: requoted ? null : current.quotedVersion,
  });
  if (sharing) setDeleteCounter(w, 'annotation', current.id, 'delete');
  return id;
}

function pickFields(kind: KindName, source: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fieldNames(kind)) if (!KINDS[kind].fields[field]!.system) picked[field] = source[field];
  return picked;
}

/**
 * Creates (no id) or changes (with id, only the fields given) one record or many, in one transaction:
 * one bad element and nothing is written. Returns the records as stored.
 */
export function putRecords(w: Writer, kind: KindName, input: unknown): StoredRecord[] {
  const items = Array.isArray(input) ? input : [input];
  if (items.length === 0) throw invalid(`nothing to put: give a ${kind} object or a non-empty array`);
  return w.db
    .transaction(() => {
      const ids = items.map((item, index) => {
        const prefix = Array.isArray(input) ? `element ${index}: ` : '';
        const isPatch = item !== null && typeof item === 'object' && 'id' in item;
        const left = isPatch ? currentParent(w.db, kind, String((item as { id: unknown }).id)) : [];
        refuseFileRecords(kind, isPatch, prefix);
        const id = isPatch
          ? update(w, kind, parse(patchSchemas[kind], item, kind, prefix), prefix)
          : create(w, kind, parse(createSchemas[kind], item, kind, prefix), prefix);
        reindexRecords(w.db, [[kind, id], ...left]);
        return id;
      });
      return ids.map((id) => getRecord(w.db, kind, id));
    })
    .immediate();
}

/** Documents come with a file, so they are made by attaching one (documents.ts); a version never changes. */
function refuseFileRecords(kind: KindName, isPatch: boolean, prefix: string): void {
  if (kind === 'document' && !isPatch)
    throw invalid(`${prefix}a document is made by attaching its file (valija attach <kind> <id> FILE)`);
  if (kind === 'documentVersion')
    throw invalid(`${prefix}a document's versions are added by attaching a file (valija attach --replace)`);
}

/**
 * Creates a record with the fields the store itself sets (a document and its versions, see documents.ts),
 * checked and referenced like any other. Call inside a transaction. Returns its id.
 */
export function createRecordWith(
  w: Writer,
  kind: KindName,
  input: Record<string, unknown>,
  system: Record<string, unknown>,
): string {
  const id = create(w, kind, parse(createSchemas[kind], input, kind, ''), '', system);
  reindexRecords(w.db, [[kind, id]]);
  return id;
}

function setDeleteCounter(w: Writer, kind: KindName, id: string, action: 'delete' | 'restore'): void {
  const row = readRow(w.db, kind, id);
  if (!row) throw notFound(`no ${kind} with id ${id}`);
  const alive = isAlive(row.deleteCounter);
  if (action === 'delete' && !alive) throw notFound(`the ${kind} ${id} is already deleted`);
  if (action === 'restore' && alive) throw new ValijaError('E_CONFLICT', `the ${kind} ${id} is not deleted`);
  record(w, kind, id, { [DELETE_COUNTER]: row.deleteCounter + 1 });
}

/** A note and the versions it superseded: deleting or restoring a note acts on its whole history. */
function annotationChain(db: Db, id: string): string[] {
  const chain: string[] = [];
  for (let at: string | null = id; at && !chain.includes(at);) {
    chain.push(at);
    at = (readRow(db, 'annotation', at)?.supersedes as string | null) ?? null;
  }
  return chain;
}

function changeLifecycle(w: Writer, kind: KindName, id: string, action: 'delete' | 'restore'): void {
  setDeleteCounter(w, kind, id, action);
  const ids = kind === 'annotation' ? annotationChain(w.db, id) : [id];
  for (const older of ids.slice(1)) {
    if (isAlive(readRow(w.db, kind, older)!.deleteCounter) === (action === 'delete')) {
      setDeleteCounter(w, kind, older, action);
    }
  }
  reindexRecords(
    w.db,
    ids.map((each): [KindName, string] => [kind, each]),
  );
}

/** Deletes a record: its counter becomes even; its fields and history stay, so a restore loses nothing. */
export function deleteRecord(w: Writer, kind: KindName, id: string): void {
  w.db.transaction(() => changeLifecycle(w, kind, id, 'delete')).immediate();
}

export function restoreRecord(w: Writer, kind: KindName, id: string): StoredRecord {
  return w.db
    .transaction(() => {
      changeLifecycle(w, kind, id, 'restore');
      return getRecord(w.db, kind, id);
    })
    .immediate();
}
