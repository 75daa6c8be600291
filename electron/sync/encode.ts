// Writing a package: everything shared this store holds, signed by this device, optionally encrypted.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { canonicalJson } from '../../db/canonical.js';
import type { Change } from '../../db/changes.js';
import { privateKeyOf } from '../../db/device.js';
import { uuidv7 } from '../../db/ids.js';
import { sharedChanges, seenClocks } from '../../db/merge.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import type { Store } from '../../db/store.js';
import { encrypt, signBytes } from './crypto.js';
import { FLAG_ENCRYPTED, FORMAT_VERSION, LIMITS, MAGIC } from './format.js';
import { encodeLine } from './lines.js';
import type { Manifest } from './manifest.js';
import { ValijaError } from '../../db/errors.js';

export interface EncodeOptions {
  passphrase?: string;
  now?: Date;
  onProgress?: (done: number, total: number, message?: string) => void;
  signal?: AbortSignal;
}

export interface EncodedPackage {
  bytes: Buffer;
  manifest: Manifest;
}

export function encodePackage(store: Store, options: EncodeOptions = {}): EncodedPackage {
  const lines: string[] = [];
  const rows = new Map<string, Set<string>>();
  let min = '';
  let max = '';
  const count = (c: Change) => {
    let set = rows.get(c.kind);
    if (!set) rows.set(c.kind, (set = new Set()));
    set.add(c.row);
    if (!min || c.hlc < min) min = c.hlc;
    if (c.hlc > max) max = c.hlc;
  };
  // One query, so the package is a consistent snapshot of the store.
  const changes = sharedChanges(store.db);
  for (const change of changes) {
    lines.push(encodeLine(change));
    count(change);
    if (lines.length % 10_000 === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(lines.length, changes.length, 'writing');
    }
  }
  if (lines.length > LIMITS.changes)
    throw new ValijaError('E_TOO_LARGE', 'the store holds too many changes for one package');
  const payload = gzipSync(lines.length ? lines.join('\n') + '\n' : '', { level: 6 });
  const manifest: Manifest = {
    format: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    minReaderVersion: 1,
    packageId: uuidv7(),
    createdAt: (options.now ?? new Date()).toISOString(),
    exporter: {
      deviceId: store.device.deviceId,
      publicKey: store.device.publicKey,
      name: [store.device.name, store.device.post].filter(Boolean).join(', '),
    },
    hlcRange: lines.length ? { min, max } : null,
    seen: seenClocks(store.db),
    counts: {
      changes: lines.length,
      rows: Object.fromEntries([...rows].map(([kind, set]) => [kind, set.size])),
    },
    payload: {
      encoding: 'gzip-jsonl',
      length: payload.length,
      sha256: createHash('sha256').update(payload).digest('hex'),
    },
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest, 0), 'utf8');
  const signature = signBytes(privateKeyOf(store.db), manifestBytes);
  const lengths = Buffer.alloc(4);
  lengths.writeUInt32BE(manifestBytes.length);
  const signatureLength = Buffer.alloc(2);
  signatureLength.writeUInt16BE(signature.length);
  const body = Buffer.concat([lengths, manifestBytes, signatureLength, signature, payload]);
  const encrypted = options.passphrase !== undefined && options.passphrase !== '';
  const header = Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION, encrypted ? FLAG_ENCRYPTED : 0])]);
  return { bytes: Buffer.concat([header, encrypted ? encrypt(body, options.passphrase!) : body]), manifest };
}
