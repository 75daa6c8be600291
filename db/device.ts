// This device: its random id, its author identity, its clock and its signing key pair.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Db } from './connection.js';
import { receive, tick, ZERO_HLC } from './hlc.js';
import type { Identity } from '../domain/results.js';

export interface Device {
  deviceId: string;
  name: string;
  post: string;
  publicKey: string;
  createdAt: string;
}

/** A short, readable digest of a public key, shown to users before they trust it. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function ensureDevice(db: Db, now: Date = new Date()): Device {
  const existing = readDevice(db);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  db.prepare(
    `INSERT INTO device (singleton, deviceId, clock, publicKey, privateKey, createdAt)
     VALUES (1, ?, ?, ?, ?, ?)`,
  ).run(
    randomBytes(8).toString('hex'),
    ZERO_HLC,
    publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    now.toISOString(),
  );
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
