// Writing a package: everything shared this store holds, signed by this device, optionally encrypted.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { canonicalJson } from '../../db/canonical.js';
import type { KindName } from '../../domain/kinds.js';
import { checkSignerName, claimedNameOf, privateKeyOf, readDevice } from '../../db/device.js';
import { uuidv7 } from '../../db/ids.js';
import { countSharedChanges, seenClocks, sharedChangeTuples } from '../../db/merge.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import type { Store } from '../../db/store.js';
import { encrypt, signBytes } from './crypto.js';
import { FLAG_ENCRYPTED, FORMAT_VERSION, LIMITS, MAGIC } from './format.js';
import { encodeLine } from './lines.js';
import type { Manifest } from './manifest.js';
import { ValijaError } from '../../domain/errors.js';

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
  // The name as stored now (the identity may have changed since the store was opened), checked before any work.
  const name = claimedNameOf(readDevice(store.db) ?? store.device);
  checkSignerName(name, "this device's name and post");
  // Lines are gathered as buffers, not strings or objects: a large store has hundreds of thousands of change sets.
  const total = countSharedChanges(store.db);
  const chunks: Buffer[] = [];
  const rows: Partial<Record<KindName, number>> = {};
  let chunk = '';
  let count = 0;
  let min = '';
  let max = '';
  let previous = '';
  for (const tuple of sharedChangeTuples(store.db)) {
    const [kind, row, hlc] = tuple;
    chunk += encodeLine(tuple) + '\n';
    if (++count % 10_000 === 0) {
      chunks.push(Buffer.from(chunk, 'utf8'));
      chunk = '';
      options.onProgress?.(count, total, 'writing');
      options.signal?.throwIfAborted();
    }
    const record = `${kind}\u0000${row}`;
    if (record !== previous) rows[kind] = (rows[kind] ?? 0) + 1;
    previous = record;
    if (!min || hlc < min) min = hlc;
    if (hlc > max) max = hlc;
  }
  chunks.push(Buffer.from(chunk, 'utf8'));
  if (count > LIMITS.changes)
    throw new ValijaError('E_TOO_LARGE', 'the store holds too many changes for one package');
  const payload = gzipSync(Buffer.concat(chunks), { level: 4 });
  const manifest: Manifest = {
    format: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    minReaderVersion: 1,
    packageId: uuidv7(),
    createdAt: (options.now ?? new Date()).toISOString(),
    exporter: {
      deviceId: store.device.deviceId,
      publicKey: store.device.publicKey,
      name,
    },
    hlcRange: count ? { min, max } : null,
    seen: seenClocks(store.db),
    counts: { changes: count, rows },
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
