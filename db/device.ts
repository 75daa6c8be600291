// This device: its random id, its author identity, its clock and its signing key pair.
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { Db } from './connection.js';
import { receive, tick, ZERO_HLC } from './hlc.js';
import { invalid } from '../domain/errors.js';
import type { Identity } from '../domain/results.js';
import { signerNameProblem } from '../domain/signer-name.js';

export interface Device {
  deviceId: string;
  name: string;
  post: string;
  publicKey: string;
  createdAt: string;
}

/** The 32 bytes of an Ed25519 public key stored as base64 SPKI DER (as devices and packages hold it). */
export function rawPublicKey(publicKey: string): Buffer {
  const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

/**
 * A short, readable digest of a public key, shown to users before they trust it: sha256 over the raw key
 * bytes (not their text encoding), 128 bits as 8 groups of 4 hex characters, to read aloud by phone.
 */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(rawPublicKey(publicKey)).digest('hex');
  return hex.slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
}

/** A fingerprint as typed or read back (any case, any spacing), for comparing. */
export const normalizeFingerprint = (fingerprint: string) =>
  fingerprint.toUpperCase().replace(/[^0-9A-F]/g, '');

/** The name a device signs its packages with: its author name and post. */
export const claimedNameOf = (device: Pick<Device, 'name' | 'post'>) =>
  [device.name, device.post].filter(Boolean).join(', ');

/** Refuses (E_INVALID) a name a package could not carry safely; `what` says whose name it is. */
export function checkSignerName(name: string, what: string): void {
  const problem = signerNameProblem(name);
  if (problem) throw invalid(`${what} cannot be used in a package: ${problem}`);
}

/**
 * A device's id, derived from its public key (the first 64 bits of sha256 over the raw key), so that the id
 * a change set carries names one key only: no other key can sign for it.
 */
export function deviceIdOf(publicKey: string): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

export function ensureDevice(db: Db, now: Date = new Date()): Device {
  const existing = readDevice(db);
  if (existing) return db.readonly ? existing : bindIdToKey(db, existing);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  db.prepare(
    `INSERT INTO device (singleton, deviceId, clock, publicKey, privateKey, createdAt)
     VALUES (1, ?, ?, ?, ?, ?)`,
  ).run(
    deviceIdOf(spki),
    ZERO_HLC,
    spki,
    privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    now.toISOString(),
  );
  return readDevice(db)!;
}

/**
 * Stores made before device ids were derived from keys hold a random id. Once, at open, this device takes the
 * id of its key and its own change sets (and the notes it wrote) move to it, so its packages can prove who
 * wrote them. Copies others already hold under the old id carry the same values; they stay in their logs.
 */
function bindIdToKey(db: Db, device: Device): Device {
  const bound = deviceIdOf(device.publicKey);
  if (device.deviceId === bound) return device;
  db.transaction(() => {
    const old = device.deviceId;
    db.prepare('UPDATE device SET deviceId = ?').run(bound);
    db.prepare('UPDATE change_set SET device = ? WHERE device = ?').run(bound, old);
    db.prepare(
      `UPDATE change_set SET fields = json_set(fields, '$.authorDevice', ?)
       WHERE kind = 'annotation' AND device = ? AND json_extract(fields, '$.authorDevice') = ?`,
    ).run(bound, bound, old);
    db.prepare('UPDATE annotation SET authorDevice = ? WHERE authorDevice = ?').run(bound, old);
  }).immediate();
  return readDevice(db)!;
}

export function readDevice(db: Db): Device | undefined {
  return db.prepare('SELECT deviceId, name, post, publicKey, createdAt FROM device').get() as
    Device | undefined;
}

export function identityOf(device: Device): Identity {
  return {
    deviceId: device.deviceId,
    name: device.name,
    post: device.post,
    fingerprint: fingerprintOf(device.publicKey),
  };
}

export function setIdentity(db: Db, changes: { name?: string; post?: string }): Device {
  const current = readDevice(db)!;
  checkSignerName(
    claimedNameOf({ name: changes.name ?? current.name, post: changes.post ?? current.post }),
    'this name and post, together,',
  );
  if (changes.name !== undefined) db.prepare('UPDATE device SET name = ?').run(changes.name);
  if (changes.post !== undefined) db.prepare('UPDATE device SET post = ?').run(changes.post);
  return readDevice(db)!;
}

export function privateKeyOf(db: Db): string {
  return (db.prepare('SELECT privateKey FROM device').get() as { privateKey: string }).privateKey;
}

/** Advances the persisted clock for a local write; call inside the write's transaction. */
export function nextClock(db: Db, now: number = Date.now()): string {
  const { clock } = db.prepare('SELECT clock FROM device').get() as { clock: string };
  const next = tick(clock, now);
  db.prepare('UPDATE device SET clock = ?').run(next);
  return next;
}

/** Moves the persisted clock past a clock seen in imported changes. */
export function observeClock(db: Db, remote: string): void {
  const { clock } = db.prepare('SELECT clock FROM device').get() as { clock: string };
  const next = receive(clock, remote);
  if (next !== clock) db.prepare('UPDATE device SET clock = ?').run(next);
}
