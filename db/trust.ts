// The `trusted_key` table: the package signers this device trusts (its own key is always trusted). Its only
// owner.
import type { Db } from './connection.js';
import { fingerprintOf } from './device.js';
import { notFound } from '../domain/errors.js';
import type { TrustedKey } from '../domain/results.js';

export function isTrusted(db: Db, ownPublicKey: string, publicKey: string): boolean {
  return (
    publicKey === ownPublicKey ||
    db.prepare('SELECT 1 FROM trusted_key WHERE publicKey = ?').get(publicKey) !== undefined
  );
}

export function trustKey(db: Db, publicKey: string, label: string, now: Date = new Date()): void {
  db.prepare(
    'INSERT OR IGNORE INTO trusted_key (publicKey, fingerprint, label, trustedAt) VALUES (?, ?, ?, ?)',
  ).run(publicKey, fingerprintOf(publicKey), label, now.toISOString());
}

export function listTrustedKeys(db: Db): TrustedKey[] {
  return db
    .prepare('SELECT fingerprint, label, trustedAt FROM trusted_key ORDER BY trustedAt, fingerprint')
    .all() as TrustedKey[];
}

export function untrustKey(db: Db, fingerprint: string): void {
  const normalized = fingerprint.toUpperCase().replace(/[^0-9A-F]/g, '');
  const removed = db
    .prepare("DELETE FROM trusted_key WHERE replace(fingerprint, ' ', '') = ?")
    .run(normalized);
  if (removed.changes === 0) throw notFound(`no trusted key with fingerprint ${fingerprint}`);
}
