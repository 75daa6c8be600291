// Reading a package file: the envelope, manifest, signer and payload hash, cheapest first, before a single
// line is read; then the lines in batches, each strictly checked, and the whole checked against the
// manifest before the last batch is given — an importer that merges batches as they come does so in a
// transaction it rolls back on any refusal, so a refused package still changes nothing.
import { createHash } from 'node:crypto';
import { compareSets, type ChangeSet } from '../../db/changes.js';
import { ValijaError } from '../../domain/errors.js';
import { parseHlc } from '../../db/hlc.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { describeIssues } from '../../db/validation.js';
import { openSealed, verifySignature } from './crypto.js';
import { bytesOf, sha256Of, sliceOf, type PackageBytes } from './source.js';
import { maxDocumentBytes } from '../documents/limits.js';
import { FLAG_ENCRYPTED, FORMAT_VERSION, HEADER_LENGTH, LIMITS, MAGIC } from './format.js';
import { changeSetBatches } from './payload.js';
import { manifestSchema, packageIdOf, type Manifest } from './manifest.js';
import { AuthorDigests, checkAuthorDigests, checkHead, lineOf } from './authorship.js';
import { deviceIdOf } from '../../db/device.js';

export interface DecodeOptions {
  passphrase?: string;
  /** Wall clock in ms, for the clock-skew check. */
  now?: number;
  /** How far ahead of `now` a change may be dated (default LIMITS.clockSkewMs). */
  maxClockSkewMs?: number;
  signal?: AbortSignal;
  /** Lines read so far, out of the manifest's count. */
  onProgress?: (done: number, total: number, message?: string) => void;
  /** Called once the signature is verified, before the payload is read: throw to refuse the signer. */
  checkSigner?: (manifest: Manifest) => void;
  /** The largest document file taken in (default: this device's document limit). */
  maxFileBytes?: number;
}

const corrupt = (why: string) => new ValijaError('E_PACKAGE_CORRUPT', `not a valid Valija package: ${why}`);

function readEnvelope(
  source: PackageBytes,
  options: DecodeOptions,
): { body: PackageBytes; encrypted: boolean } {
  if (source.size > LIMITS.packageBytes) {
    throw new ValijaError('E_TOO_LARGE', `the package is larger than ${LIMITS.packageBytes / 2 ** 20} MiB`);
  }
  const header = source.read(0, Math.min(HEADER_LENGTH, source.size));
  if (header.length < HEADER_LENGTH || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw corrupt('it does not start with the Valija package signature');
  }
  const version = header[MAGIC.length]!;
  if (version > FORMAT_VERSION) {
    throw new ValijaError('E_SCHEMA_TOO_NEW', `the package uses format ${version}; update Valija to read it`);
  }
  if (version === 2) {
    throw new ValijaError(
      'E_PACKAGE_CORRUPT',
      'the package was written by an earlier Valija (format 2), which did not prove who wrote its changes; ask its sender to export it again',
    );
  }
  if (version !== FORMAT_VERSION) throw corrupt(`unknown format ${version}`);
  const flags = header[MAGIC.length + 1]!;
  if ((flags & ~FLAG_ENCRYPTED) !== 0) throw corrupt('unknown flags');
  const encrypted = (flags & FLAG_ENCRYPTED) !== 0;
  const rest = sliceOf(source, HEADER_LENGTH);
  return { body: encrypted ? openSealed(rest, options.passphrase) : rest, encrypted };
}

function readManifest(
  body: PackageBytes,
  options: DecodeOptions,
): { manifest: Manifest; payload: Buffer; files: PackageFile[] } {
  if (body.size < 4) throw corrupt('the manifest is missing');
  const manifestLength = body.read(0, 4).readUInt32BE(0);
  if (manifestLength > LIMITS.manifestBytes)
    throw new ValijaError('E_TOO_LARGE', 'the package manifest is too large');
  if (body.size < 4 + manifestLength + 2) throw corrupt('the manifest is truncated');
  const manifestBytes = body.read(4, manifestLength);
  const signatureLength = body.read(4 + manifestLength, 2).readUInt16BE(0);
  if (signatureLength !== LIMITS.signatureBytes) throw corrupt('the signature has the wrong length');
  const signatureStart = 4 + manifestLength + 2;
  if (body.size < signatureStart + signatureLength) throw corrupt('the signature is truncated');
  const signature = body.read(signatureStart, signatureLength);
  const restStart = signatureStart + signatureLength;
  const restLength = body.size - restStart;

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
  checkAuthors(manifest);
  if (manifest.minReaderVersion > SCHEMA_VERSION) {
    throw new ValijaError(
      'E_SCHEMA_TOO_NEW',
      `the package needs a newer Valija (schema ${manifest.minReaderVersion}, this one knows ${SCHEMA_VERSION})`,
    );
  }
  const filesLength = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  if (restLength !== manifest.payload.length + filesLength) {
    throw corrupt(
      restLength > manifest.payload.length + filesLength
        ? 'bytes follow the payload and files'
        : 'the payload or its files are truncated',
    );
  }
  const payload = body.read(restStart, manifest.payload.length);
  if (createHash('sha256').update(payload).digest('hex') !== manifest.payload.sha256) {
    throw corrupt('the payload does not match its hash');
  }
  const maxFileBytes = options.maxFileBytes ?? maxDocumentBytes();
  const tooLarge = manifest.files.find((file) => file.bytes > maxFileBytes);
  if (tooLarge) {
    throw new ValijaError(
      'E_TOO_LARGE',
      `the package carries a document file of ${(tooLarge.bytes / 2 ** 20).toFixed(1)} MiB; a document may hold at most ${(maxFileBytes / 2 ** 20).toFixed(0)} MiB here (VALIJA_MAX_DOCUMENT_MB)`,
    );
  }
  // Each document's file must be the content its name says: a flipped byte refuses the whole package. The
  // files are hashed a chunk at a time here, and read whole only when kept, one at a time.
  const files: PackageFile[] = [];
  let at = restStart + manifest.payload.length;
  for (const { sha256, bytes } of manifest.files) {
    const offset = at;
    at += bytes;
    const mismatch = () => corrupt(`the document file ${sha256.slice(0, 12)}… does not match its hash`);
    if (sha256Of(body, offset, bytes) !== sha256) throw mismatch();
    files.push({
      sha256,
      bytes,
      content: () => {
        // Read again: a package file may be changed between its check and its use.
        const content = body.read(offset, bytes);
        if (createHash('sha256').update(content).digest('hex') !== sha256) throw mismatch();
        return content;
      },
    });
  }
  return { manifest, payload, files };
}

/** The exporter's device id is its key's, the package id is its content's, and every author's head verifies. */
function checkAuthors(manifest: Manifest): void {
  const { exporter } = manifest;
  if (deviceIdOf(exporter.publicKey) !== exporter.deviceId) {
    throw new ValijaError(
      'E_SIGNATURE',
      `the package names device ${exporter.deviceId} as its exporter, but is signed with another device's key`,
    );
  }
  if (manifest.packageId !== packageIdOf(manifest)) {
    throw corrupt('its id is not the one its contents give (an id taken from another package)');
  }
  for (const head of manifest.authors) checkHead(head);
}

/** "30 minutes", "5 hours", "12 days": how far a clock is ahead, rounded down, for people. */
function describeAhead(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.floor(hours / 24)} days`;
}

/**
 * The checks of meaning, line by line as batches arrive and then against the manifest: lines come in the
 * log's order — (kind, row, hlc, device) strictly increasing — so each record's sets are together and no
 * set is named twice (two sets under one name would let log and rows disagree).
 */
class MeaningCheck {
  private readonly rows = new Map<string, number>();
  private count = 0;
  private min = '';
  private max = '';
  /** The device that wrote the latest change: the one whose clock is wrong if it is too far ahead. */
  private maxDevice = '';
  private previous: ChangeSet | undefined;
  private readonly digests = new AuthorDigests();

  constructor(
    private readonly manifest: Manifest,
    private readonly now: number,
    private readonly maxSkewMs: number,
  ) {}

  take(sets: readonly ChangeSet[]): void {
    for (const c of sets) {
      const previous = this.previous;
      const order = previous ? compareSets(previous, c) : -1;
      if (order >= 0)
        throw corrupt(
          order === 0
            ? `the change of ${c.kind} ${c.row} at ${c.hlc} appears twice`
            : 'the changes are out of order',
        );
      if (previous?.kind !== c.kind || previous.row !== c.row)
        this.rows.set(c.kind, (this.rows.get(c.kind) ?? 0) + 1);
      this.previous = c;
      this.digests.add(c.device, lineOf(c));
      if (c.kind === 'annotation' && ('authorDevice' in c.fields || 'author' in c.fields)) {
        if (c.fields.authorDevice !== c.device)
          throw new ValijaError(
            'E_SIGNATURE',
            `a note in the package names ${String(c.fields.authorDevice ?? 'no device')} as its author, but device ${c.device} wrote it`,
          );
      }
      if (!this.min || c.hlc < this.min) this.min = c.hlc;
      if (c.hlc > this.max) {
        this.max = c.hlc;
        this.maxDevice = c.device;
      }
    }
    this.count += sets.length;
  }

  finish(): void {
    const { manifest, min, max } = this;
    if (this.count !== manifest.counts.changes) throw corrupt('the change count differs from the manifest');
    for (const [kind, count] of Object.entries(manifest.counts.rows)) {
      if ((this.rows.get(kind) ?? 0) !== count) throw corrupt(`the ${kind} count differs from the manifest`);
    }
    if ([...this.rows.keys()].some((kind) => !(kind in manifest.counts.rows)))
      throw corrupt('uncounted records');
    const range = manifest.hlcRange;
    if (this.count === 0 ? range !== null : range?.min !== min || range?.max !== max) {
      throw corrupt('the clock range differs from the manifest');
    }
    const ahead = max ? parseHlc(max).millis - this.now : 0;
    if (ahead > this.maxSkewMs) {
      const dated = new Date(Math.min(parseHlc(max).millis, 8.64e15)).toISOString();
      throw new ValijaError(
        'E_CLOCK_SKEW',
        `device ${this.maxDevice} dated changes ${dated}, ${describeAhead(ahead)} ahead of this computer's clock (at most ${describeAhead(this.maxSkewMs)} is accepted); check the date and time on that computer, then export again`,
      );
    }
    checkAuthorDigests(manifest.authors, this.digests.finish());
  }
}

/** A document's file carried by a package, checked against its sha256; its bytes are read when asked for. */
export interface PackageFile {
  sha256: string;
  bytes: number;
  content(): Buffer;
}

/** A package whose envelope, manifest, signer and payload hash have passed; its lines are read next. */
export interface OpenedPackage {
  manifest: Manifest;
  payload: Buffer;
  files: PackageFile[];
  encrypted: boolean;
}

/**
 * Every check up to the payload's hash and the files' hashes, before a single line is read. The package is
 * read a range at a time: only its manifest and payload are held whole, never its documents' files.
 */
export function openPackage(source: Buffer | PackageBytes, options: DecodeOptions = {}): OpenedPackage {
  const { body, encrypted } = readEnvelope(Buffer.isBuffer(source) ? bytesOf(source) : source, options);
  return { ...readManifest(body, options), encrypted };
}

/**
 * The package's change sets in batches, in the log's order, each line strictly checked; the whole is
 * checked against the manifest before the last batch is given. A caller that writes as batches arrive
 * does so inside a transaction it rolls back on any refusal.
 */
export async function* changeBatches(
  opened: OpenedPackage,
  options: DecodeOptions = {},
): AsyncGenerator<ChangeSet[]> {
  const { manifest } = opened;
  const meaning = new MeaningCheck(
    manifest,
    options.now ?? Date.now(),
    options.maxClockSkewMs ?? LIMITS.clockSkewMs,
  );
  let held: ChangeSet[] | undefined;
  let done = 0;
  for await (const sets of changeSetBatches(opened.payload, manifest.counts.changes, options.signal)) {
    meaning.take(sets);
    done += sets.length;
    options.onProgress?.(done, manifest.counts.changes, 'checking');
    if (held) yield held;
    held = sets;
  }
  meaning.finish();
  if (held) yield held;
}
