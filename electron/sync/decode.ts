// Reading a package file: every check, cheapest first, before anything may touch a store.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { compareSets, type ChangeSet } from '../../db/changes.js';
import { ValijaError } from '../../db/errors.js';
import { parseHlc } from '../../db/hlc.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { describeIssues } from '../../db/validation.js';
import { decrypt, verifySignature } from './crypto.js';
import { FLAG_ENCRYPTED, FORMAT_VERSION, HEADER_LENGTH, LIMITS, MAGIC } from './format.js';
import { decodeLine } from './lines.js';
import { manifestSchema, type Manifest } from './manifest.js';

export interface DecodedPackage {
  manifest: Manifest;
  changes: ChangeSet[];
  encrypted: boolean;
}

export interface DecodeOptions {
  passphrase?: string;
  /** Wall clock in ms, for the clock-skew check. */
  now?: number;
  signal?: AbortSignal;
  /** Lines read so far, out of the manifest's count. */
  onProgress?: (done: number, total: number, message?: string) => void;
  /** Called once the signature is verified, before the payload is read: throw to refuse the signer. */
  checkSigner?: (manifest: Manifest) => void;
}

const corrupt = (why: string) => new ValijaError('E_PACKAGE_CORRUPT', `not a valid Valija package: ${why}`);

function readEnvelope(bytes: Buffer, options: DecodeOptions): { body: Buffer; encrypted: boolean } {
  if (bytes.length > LIMITS.packageBytes) {
    throw new ValijaError('E_TOO_LARGE', `the package is larger than ${LIMITS.packageBytes / 2 ** 20} MiB`);
  }
  if (bytes.length < HEADER_LENGTH || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw corrupt('it does not start with the Valija package signature');
  }
  const version = bytes[MAGIC.length]!;
  if (version > FORMAT_VERSION) {
    throw new ValijaError('E_SCHEMA_TOO_NEW', `the package uses format ${version}; update Valija to read it`);
  }
  if (version !== FORMAT_VERSION) throw corrupt(`unknown format ${version}`);
  const flags = bytes[MAGIC.length + 1]!;
  if ((flags & ~FLAG_ENCRYPTED) !== 0) throw corrupt('unknown flags');
  const encrypted = (flags & FLAG_ENCRYPTED) !== 0;
  const rest = bytes.subarray(HEADER_LENGTH);
  return { body: encrypted ? decrypt(rest, options.passphrase) : rest, encrypted };
}

function readManifest(body: Buffer, options: DecodeOptions): { manifest: Manifest; payload: Buffer } {
  if (body.length < 4) throw corrupt('the manifest is missing');
  const manifestLength = body.readUInt32BE(0);
  if (manifestLength > LIMITS.manifestBytes)
    throw new ValijaError('E_TOO_LARGE', 'the package manifest is too large');
  if (body.length < 4 + manifestLength + 2) throw corrupt('the manifest is truncated');
  const manifestBytes = body.subarray(4, 4 + manifestLength);
  const signatureLength = body.readUInt16BE(4 + manifestLength);
  if (signatureLength !== LIMITS.signatureBytes) throw corrupt('the signature has the wrong length');
  const signatureStart = 4 + manifestLength + 2;
  if (body.length < signatureStart + signatureLength) throw corrupt('the signature is truncated');
  const signature = body.subarray(signatureStart, signatureStart + signatureLength);
  const payload = body.subarray(signatureStart + signatureLength);

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw corrupt('the manifest is not valid JSON');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { minReaderVersion?: unknown })?.minReaderVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new ValijaError('E_SCHEMA_TOO_NEW', `the package needs a newer Valija (schema ${version})`);
    }
    throw corrupt(`the manifest is invalid (${describeIssues(parsed.error)})`);
  }
  const manifest = parsed.data;
  if (!verifySignature(manifest.exporter.publicKey, manifestBytes, signature)) {
    throw new ValijaError(
      'E_SIGNATURE',
      'the package signature does not match its contents: it was altered or damaged',
    );
  }
  options.checkSigner?.(manifest);
  if (manifest.minReaderVersion > SCHEMA_VERSION) {
    throw new ValijaError(
      'E_SCHEMA_TOO_NEW',
      `the package needs a newer Valija (schema ${manifest.minReaderVersion}, this one knows ${SCHEMA_VERSION})`,
    );
  }
  if (payload.length !== manifest.payload.length) {
    throw corrupt(
      payload.length > manifest.payload.length ? 'bytes follow the payload' : 'the payload is truncated',
    );
  }
  if (createHash('sha256').update(payload).digest('hex') !== manifest.payload.sha256) {
    throw corrupt('the payload does not match its hash');
  }
  return { manifest, payload };
}

async function readLines(payload: Buffer, manifest: Manifest, options: DecodeOptions): Promise<ChangeSet[]> {
  const { signal } = options;
  // The manifest (signed) bounds the inflated size: no line is longer than the line limit.
  const bound = Math.min(LIMITS.payloadInflatedBytes, manifest.counts.changes * (LIMITS.lineBytes + 1));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const changes: ChangeSet[] = [];
  let inflated = 0;
  let pending = '';
  const take = (text: string) => {
    changes.push(decodeLine(text, changes.length + 1));
    if (changes.length > manifest.counts.changes) throw corrupt('more changes than the manifest counts');
  };
  // Large output chunks: each chunk is a round trip to the thread pool.
  const gunzip = createGunzip({ chunkSize: 1024 * 1024 });
  try {
    for await (const chunk of Readable.from([payload]).pipe(gunzip) as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      inflated += chunk.length;
      if (inflated > bound)
        throw new ValijaError('E_TOO_LARGE', 'the package payload inflates beyond its limits');
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw corrupt('the payload is not valid UTF-8');
      }
      const parts = (pending + text).split('\n');
      pending = parts.pop()!;
      if (pending.length > LIMITS.lineBytes)
        throw new ValijaError('E_TOO_LARGE', 'a package line is too long');
      for (const line of parts) take(line);
      options.onProgress?.(changes.length, manifest.counts.changes, 'checking');
    }
  } catch (error) {
    gunzip.destroy();
    if (error instanceof ValijaError || (error as Error).name === 'AbortError') throw error;
    throw corrupt('the payload is not valid gzip');
  }
  if (pending !== '') throw corrupt('the payload does not end with a complete line');
  return changes;
}

function checkMeaning(manifest: Manifest, changes: ChangeSet[], now: number): void {
  if (changes.length !== manifest.counts.changes) throw corrupt('the change count differs from the manifest');
  // Lines come in the log's order — (kind, row, hlc, device) strictly increasing — so each record's sets
  // are together and no set is named twice (two sets under one name would let log and rows disagree).
  const rows = new Map<string, number>();
  let min = '';
  let max = '';
  let previous: ChangeSet | undefined;
  for (const c of changes) {
    const order = previous ? compareSets(previous, c) : -1;
    if (order >= 0)
      throw corrupt(
        order === 0
          ? `the change of ${c.kind} ${c.row} at ${c.hlc} appears twice`
          : 'the changes are out of order',
      );
    if (previous?.kind !== c.kind || previous.row !== c.row) rows.set(c.kind, (rows.get(c.kind) ?? 0) + 1);
    previous = c;
    if (!min || c.hlc < min) min = c.hlc;
    if (c.hlc > max) max = c.hlc;
  }
  for (const [kind, count] of Object.entries(manifest.counts.rows)) {
    if ((rows.get(kind) ?? 0) !== count) throw corrupt(`the ${kind} count differs from the manifest`);
  }
  if ([...rows.keys()].some((kind) => !(kind in manifest.counts.rows))) throw corrupt('uncounted records');
  const range = manifest.hlcRange;
  if (changes.length === 0 ? range !== null : range?.min !== min || range?.max !== max) {
    throw corrupt('the clock range differs from the manifest');
  }
  if (max && parseHlc(max).millis > now + LIMITS.clockSkewMs) {
    throw new ValijaError(
      'E_CLOCK_SKEW',
      `the package holds changes dated ${new Date(Math.min(parseHlc(max).millis, 8.64e15)).toISOString()}, more than 24 h ahead of this computer's clock; check the date on both computers`,
    );
  }
}

export async function decodePackage(bytes: Buffer, options: DecodeOptions = {}): Promise<DecodedPackage> {
  const { body, encrypted } = readEnvelope(bytes, options);
  const { manifest, payload } = readManifest(body, options);
  const changes = await readLines(payload, manifest, options);
  checkMeaning(manifest, changes, options.now ?? Date.now());
  return { manifest, changes, encrypted };
}
