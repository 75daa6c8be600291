// The `author_head` table: for each other device whose changes this store holds, the latest head that device
// signed over them (electron/sync/authorship.ts checks the signatures). Its only owner. The names shown as a
// note's author come from here — a device's own signed claim — never from a note's fields.
import type { Db } from './connection.js';
import { claimedNameOf } from './device.js';
import { EXAMPLE_DEVICE } from './example-device.js';
import { stmt } from './statements.js';

/** A device's signed statement of the change sets it wrote: how many, and the digest over them in log order. */
export interface AuthorHead {
  deviceId: string;
  publicKey: string;
  /** The device's own name and post, as it signed them. */
  name: string;
  changes: number;
  /** sha256 (hex) over the device's change sets as package lines, each ending in a newline, in log order. */
  digest: string;
  signedAt: string;
  /** Ed25519 (base64) over headBytes(). */
  signature: string;
}

const COLUMNS = 'deviceId, publicKey, name, changes, digest, signedAt, signature';

export function authorHeadOf(db: Db, deviceId: string): AuthorHead | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM author_head WHERE deviceId = ?`).get(deviceId) as
    AuthorHead | undefined;
}

export function authorHeads(db: Db): AuthorHead[] {
  return stmt(db, `SELECT ${COLUMNS} FROM author_head ORDER BY deviceId`).all() as AuthorHead[];
}

/**
 * Which of two verified heads of one device a store keeps: the one covering more change sets (a device's
 * shared sets only grow), then the later signed, then the greater signature — the same choice everywhere.
 */
export function isNewerHead(a: AuthorHead, b: AuthorHead): boolean {
  if (a.changes !== b.changes) return a.changes > b.changes;
  if (a.signedAt !== b.signedAt) return a.signedAt > b.signedAt;
  return a.signature > b.signature;
}

/** Keeps a verified head unless the store holds a newer one of that device. */
export function keepAuthorHead(db: Db, head: AuthorHead): void {
  const held = authorHeadOf(db, head.deviceId);
  if (held && !isNewerHead(head, held)) return;
  stmt(db, `INSERT OR REPLACE INTO author_head (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    head.deviceId,
    head.publicKey,
    head.name,
    head.changes,
    head.digest,
    head.signedAt,
    head.signature,
  );
}

/**
 * The name to show for the author of a note written by a device: this device's own name, or the name another
 * device signed in its latest head; '' when no signed head of that device is held (an unknown author).
 */
export function authorNameOf(db: Db, deviceId: string): string {
  const own = stmt(db, 'SELECT deviceId, name, post FROM device').get() as
    { deviceId: string; name: string; post: string } | undefined;
  if (own && own.deviceId === deviceId) return claimedNameOf(own);
  if (deviceId === EXAMPLE_DEVICE.deviceId) return EXAMPLE_DEVICE.name;
  return (stmt(db, 'SELECT name FROM author_head WHERE deviceId = ?').pluck().get(deviceId) as string) ?? '';
}
