// A store: the open connection, this device, and the writer bound to them.
import { openDatabase, type Db, type OpenOptions } from './connection.js';
import { ensureDevice, type Device } from './device.js';
import type { Writer } from './writer.js';

export interface Store {
  file: string;
  /** The page key of an encrypted store (its worker threads and copies need it); absent when plaintext. */
  key?: Buffer;
  db: Db;
  device: Device;
  writer: Writer;
  close(): void;
}

export interface StoreOptions extends OpenOptions {
  now?: () => number;
}

export function openStore(file: string, options: StoreOptions = {}): Store {
  const db = openDatabase(file, options);
  const device = ensureDevice(db);
  const now = options.now ?? Date.now;
  return {
    file,
    key: options.key,
    db,
    device,
    writer: { db, deviceId: device.deviceId, now },
    close: () => db.close(),
  };
}
