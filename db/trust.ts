// The `trusted_key` table: the package signers this device trusts (its own key is always trusted). Its only
// owner.
import type { Db } from './connection.js';
import { fingerprintOf, normalizeFingerprint } from './device.js';
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

// The fingerprint is computed from the key on every read: the stored column may hold one computed the old
// way (over the key's base64 text), which users no longer see anywhere.
export function listTrustedKeys(db: Db): TrustedKey[] {
  const rows = db.prepare('SELECT publicKey, label, trustedAt FROM trusted_key ORDER BY trustedAt').all() as {
    publicKey: string;
    label: string;
    trustedAt: string;
  }[];
  return rows
    .map(({ publicKey, label, trustedAt }) => ({ fingerprint: fingerprintOf(publicKey), label, trustedAt }))
    .sort((a, b) => a.trustedAt.localeCompare(b.trustedAt) || a.fingerprint.localeCompare(b.fingerprint));
}

export function untrustKey(db: Db, fingerprint: string): void {
  const wanted = normalizeFingerprint(fingerprint);
  const keys = db.prepare('SELECT publicKey FROM trusted_key').all() as { publicKey: string }[];
  const key = keys.find(({ publicKey }) => normalizeFingerprint(fingerprintOf(publicKey)) === wanted);
  if (!key) throw notFound(`no trusted key with fingerprint ${fingerprint}`);
  db.prepare('DELETE FROM trusted_key WHERE publicKey = ?').run(key.publicKey);
}
