// Writing a package: everything shared this store holds, signed by this device, optionally encrypted.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { canonicalJson } from '../../db/canonical.js';
import type { KindName } from '../../domain/kinds.js';
import { checkSignerName, claimedNameOf, privateKeyOf, readDevice } from '../../db/device.js';
import { authorHeadOf, type AuthorHead } from '../../db/authors.js';
import { EXAMPLE_DEVICE } from '../../db/example-device.js';
import { AuthorDigests, signHead } from './authorship.js';
import { countSharedChanges, seenClocks, sharedChangeTuples } from '../../db/merge.js';
import { fileContent, sharedFileList } from '../../db/documents.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import type { Store } from '../../db/store.js';
import { Sealer, signBytes } from './crypto.js';
import { FLAG_ENCRYPTED, FORMAT_VERSION, LIMITS, MAGIC } from './format.js';
import { encodeLine } from './lines.js';
import { packageIdOf, type Manifest } from './manifest.js';
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
  /** Devices whose change sets were left out: this store holds no head of theirs that covers them. */
  withheld: string[];
}

interface EncodedLines {
  payload: Buffer;
  count: number;
  rows: Partial<Record<KindName, number>>;
  min: string;
  max: string;
  digests: Map<string, { changes: number; digest: string }>;
}

/** The shared change sets as gzip JSON lines, leaving out the given devices', with each device's digest. */
function encodeLines(store: Store, withheld: ReadonlySet<string>, options: EncodeOptions): EncodedLines {
  // Lines are gathered as buffers, not strings or objects: a large store has hundreds of thousands of change sets.
  const total = countSharedChanges(store.db);
  const chunks: Buffer[] = [];
  const rows: Partial<Record<KindName, number>> = {};
  const digests = new AuthorDigests();
  let chunk = '';
  let count = 0;
  let min = '';
  let max = '';
  let previous = '';
  for (const tuple of sharedChangeTuples(store.db)) {
    const [kind, row, hlc, device] = tuple;
    if (withheld.has(device)) continue;
    const line = encodeLine(tuple);
    digests.add(device, line);
    chunk += line + '\n';
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
  return {
    payload: gzipSync(Buffer.concat(chunks), { level: 4 }),
    count,
    rows,
    min,
    max,
    digests: digests.finish(),
  };
}

/**
 * The heads the package carries: this device's, signed now over its own sets, and for each other author the
 * latest head this store holds of it. An author whose sets here are not exactly those its head covers (it
 * never signed them: a store from before signed heads, or a device that went back to an old backup and wrote
 * on) is withheld from the package rather than relayed unproven; its own packages still carry it.
 */
function authorsOf(
  store: Store,
  name: string,
  now: Date,
  digests: EncodedLines['digests'],
): { authors: AuthorHead[]; withheld: string[] } {
  const authors: AuthorHead[] = [];
  const withheld: string[] = [];
  for (const [device, { changes, digest }] of [...digests].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // This device signs its own head now; so does the example device, whose key is public (the demo's records).
    const signer =
      device === store.device.deviceId
        ? { privateKey: privateKeyOf(store.db), publicKey: store.device.publicKey, name }
        : device === EXAMPLE_DEVICE.deviceId
          ? EXAMPLE_DEVICE
          : undefined;
    if (signer) {
      const { privateKey, publicKey } = signer;
      authors.push(
        signHead(privateKey, {
          deviceId: device,
          publicKey,
          name: signer.name,
          changes,
          digest,
          signedAt: now.toISOString(),
        }),
      );
      continue;
    }
    const head = authorHeadOf(store.db, device);
    if (head && head.changes === changes && head.digest === digest) authors.push(head);
    else withheld.push(device);
  }
  return { authors, withheld };
}

/** The schema that introduced documents (migration 6): a reader before it cannot take them in. */
const DOCUMENTS_SCHEMA = 6;

/**
 * The oldest store schema that can read what the package carries: documents need the schema that knows them,
 * so an older Valija refuses the package as too new (E_SCHEMA_TOO_NEW), never as damaged.
 */
export function minReaderVersionFor(rows: Partial<Record<KindName, number>>, files: number): number {
  return rows.document || rows.documentVersion || files > 0 ? DOCUMENTS_SCHEMA : 1;
}

/** Where a package is written, a chunk at a time: a file being written atomically, or memory. */
export type PackageSink = (chunk: Buffer) => void;

export interface WrittenPackage {
  manifest: Manifest;
  withheld: string[];
  bytes: number;
  sha256: string;
}

/**
 * Writes the package to `sink` as it is encoded: the payload is held whole (it is what must be signed), the
 * documents' files are not — each is read from the store, checked against its name and written in turn, so
 * a package of 1 GiB never needs 1 GiB of memory. Its size is known, and refused, before a byte is written.
 */
export function writePackage(store: Store, sink: PackageSink, options: EncodeOptions = {}): WrittenPackage {
  // The name as stored now (the identity may have changed since the store was opened), checked before any work.
  const name = claimedNameOf(readDevice(store.db) ?? store.device);
  checkSignerName(name, "this device's name and post");
  const now = options.now ?? new Date();
  const all = encodeLines(store, new Set(), options);
  const heads = authorsOf(store, name, now, all.digests);
  const { withheld } = heads;
  // Rare (a store from before signed heads): encoded again without the sets no head covers.
  const lines = withheld.length > 0 ? encodeLines(store, new Set(withheld), options) : all;
  const { authors } = withheld.length > 0 ? authorsOf(store, name, now, lines.digests) : heads;
  const { payload, count, rows, min, max } = lines;
  const files = sharedFileList(store.db);
  const signed: Omit<Manifest, 'packageId'> = {
    format: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    minReaderVersion: minReaderVersionFor(rows, files.length),
    createdAt: now.toISOString(),
    exporter: {
      deviceId: store.device.deviceId,
      publicKey: store.device.publicKey,
      name,
    },
    authors,
    files,
    hlcRange: count ? { min, max } : null,
    seen: seenClocks(store.db),
    counts: { changes: count, rows },
    payload: {
      encoding: 'gzip-jsonl',
      length: payload.length,
      sha256: createHash('sha256').update(payload).digest('hex'),
    },
  };
  const manifest: Manifest = { ...signed, packageId: packageIdOf(signed) };
  const manifestBytes = Buffer.from(canonicalJson(manifest, 0), 'utf8');
  const signature = signBytes(privateKeyOf(store.db), manifestBytes);
  const lengths = Buffer.alloc(4);
  lengths.writeUInt32BE(manifestBytes.length);
  const signatureLength = Buffer.alloc(2);
  signatureLength.writeUInt16BE(signature.length);
  const head = Buffer.concat([lengths, manifestBytes, signatureLength, signature, payload]);
  const bodyBytes = head.length + files.reduce((sum, file) => sum + file.bytes, 0);
  if (bodyBytes > LIMITS.packageBytes) {
    throw new ValijaError(
      'E_TOO_LARGE',
      `the package would hold ${(bodyBytes / 2 ** 20).toFixed(0)} MiB, more than ${LIMITS.packageBytes / 2 ** 20} MiB (its documents' files are most of it)`,
    );
  }

  const encrypted = options.passphrase !== undefined && options.passphrase !== '';
  const sealer = encrypted ? new Sealer(options.passphrase!) : undefined;
  const hash = createHash('sha256');
  let written = 0;
  const out = (chunk: Buffer) => {
    hash.update(chunk);
    written += chunk.length;
    sink(chunk);
  };
  const body = (plain: Buffer) => out(sealer ? sealer.update(plain) : plain);
  out(Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION, encrypted ? FLAG_ENCRYPTED : 0])]));
  if (sealer) out(sealer.head);
  body(head);
  files.forEach(({ sha256 }, i) => {
    options.signal?.throwIfAborted();
    options.onProgress?.(i, files.length, 'writing documents');
    body(storedFile(store, sha256));
  });
  if (sealer) out(sealer.final());
  return { manifest, withheld, bytes: written, sha256: hash.digest('hex') };
}

/** A document's file as the store holds it, refused if it no longer matches its name. */
function storedFile(store: Store, sha256: string): Buffer {
  const content = fileContent(store.db, sha256);
  if (!content || createHash('sha256').update(content).digest('hex') !== sha256) {
    throw new ValijaError(
      'E_STORE',
      `the stored document file ${sha256.slice(0, 12)}… is damaged: it no longer matches its sha256; nothing was exported`,
    );
  }
  return content;
}

/** The package in memory (tests, tools); `exportPackage` writes it to a file instead, a chunk at a time. */
export function encodePackage(store: Store, options: EncodeOptions = {}): EncodedPackage {
  const chunks: Buffer[] = [];
  const { manifest, withheld } = writePackage(store, (chunk) => chunks.push(chunk), options);
  return { bytes: Buffer.concat(chunks), manifest, withheld };
}
