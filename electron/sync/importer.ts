// Importing a package in two steps: a preview that writes nothing, then apply in one transaction after
// an automatic backup. A refused package leaves the store byte-for-byte as it was.
import { rmSync } from 'node:fs';
import { fingerprintOf, normalizeFingerprint, rawPublicKey } from '../../db/device.js';
import { ValijaError, type SignerDetails } from '../../domain/errors.js';
import { ChangeMerger } from '../../db/merge.js';
import type { Store } from '../../db/store.js';
import { backupStore, pruneBackups } from './backups.js';
import { changeBatches, openPackage, type OpenedPackage } from './decode.js';
import { isTrusted, trustKey } from '../../db/trust.js';
import type { ImportReport, MergeReport } from '../../domain/results.js';
import { isPackageImported, recordImportedPackage } from '../../db/ledger.js';
import { writeTransaction } from '../../db/connection.js';
import { keepAuthorHead } from '../../db/authors.js';
import { hasFile, isNamedFile, keepFile } from '../../db/documents.js';
import { bytesOf, sha256Of, type PackageBytes } from './source.js';

export interface ImportOptions {
  passphrase?: string;
  /**
   * Trust the key with this fingerprint (the one the user confirmed with its sender): a package signed by
   * any other key is refused. `true` trusts whatever key signed it — for tests and tools, never offered to
   * a user.
   */
  trust?: { fingerprint: string } | true;
  /** The sha256 of the package its preview read: a file that changed since is refused (E_PACKAGE_CHANGED). */
  expectedSha256?: string;
  now?: number;
  /** How far ahead of `now` a change may be dated (default: a few minutes; see LIMITS.clockSkewMs). */
  maxClockSkewMs?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message?: string) => void;
  /** The largest document file taken in (default: this device's document limit). */
  maxFileBytes?: number;
}

/** The signer as data; its claimed name stays out of the sentence, which names only the fingerprint. */
export function signerDetails(publicKey: string, name: string): SignerDetails {
  return {
    fingerprint: fingerprintOf(publicKey),
    claimedName: name,
    keyId: rawPublicKey(publicKey).toString('hex'),
  };
}

function untrustedSigner(publicKey: string, name: string): ValijaError {
  const signer = signerDetails(publicKey, name);
  return new ValijaError(
    'E_UNTRUSTED_SIGNER',
    `the package is signed by a key this computer does not trust, fingerprint ${signer.fingerprint}; check the fingerprint with its sender, then import trusting that fingerprint (valija import FILE --trust FINGERPRINT)`,
    { signer },
  );
}

/** Whether this import may record the signer's key as trusted: only the key the user confirmed. */
function trustsSigner(trust: ImportOptions['trust'], publicKey: string): boolean {
  if (trust === true) return true;
  return (
    trust !== undefined &&
    normalizeFingerprint(trust.fingerprint) === normalizeFingerprint(fingerprintOf(publicKey))
  );
}

/** A package to import: its file opened for reading ranges, or its bytes in memory. */
export type PackageInput = Buffer | PackageBytes;

function open(store: Store, input: PackageInput, options: ImportOptions): OpenedPackage & { sha256: string } {
  const source = Buffer.isBuffer(input) ? bytesOf(input) : input;
  const sha256 = sha256Of(source);
  if (options.expectedSha256 !== undefined && options.expectedSha256 !== sha256) {
    throw new ValijaError(
      'E_PACKAGE_CHANGED',
      'the package file changed since it was previewed; nothing was imported — preview it again',
    );
  }
  const opened = openPackage(source, {
    ...options,
    checkSigner: ({ exporter: { publicKey, name } }) => {
      const { trust } = options;
      if (trust !== undefined && trust !== true && !trustsSigner(trust, publicKey)) {
        const signer = signerDetails(publicKey, name);
        throw new ValijaError(
          'E_UNTRUSTED_SIGNER',
          `the package is signed by the key with fingerprint ${signer.fingerprint}, not the one you confirmed (${trust.fingerprint}); nothing was imported`,
          { signer },
        );
      }
      if (trust === undefined && !isTrusted(store.db, store.device.publicKey, publicKey)) {
        throw untrustedSigner(publicKey, name);
      }
    },
  });
  return { ...opened, sha256 };
}

const alreadyImported = (store: Store, packageId: string) => isPackageImported(store.db, packageId);

function report(
  store: Store,
  opened: OpenedPackage & { sha256: string },
  merge: MergeReport,
  applied: boolean,
  newFiles?: number,
): ImportReport {
  const { manifest } = opened;
  return {
    files: {
      count: opened.files.length,
      bytes: opened.files.reduce((sum, file) => sum + file.bytes, 0),
      new: newFiles ?? opened.files.filter((file) => !hasFile(store.db, file.sha256)).length,
    },
    packageId: manifest.packageId,
    sha256: opened.sha256,
    createdAt: manifest.createdAt,
    encrypted: opened.encrypted,
    signer: {
      deviceId: manifest.exporter.deviceId,
      name: manifest.exporter.name,
      fingerprint: fingerprintOf(manifest.exporter.publicKey),
      trusted: isTrusted(store.db, store.device.publicKey, manifest.exporter.publicKey),
    },
    alreadyImported: alreadyImported(store, manifest.packageId),
    applied,
    ...merge,
  };
}

/** What importing would do: counts per kind and every conflict. Writes nothing. */
export async function previewImport(
  store: Store,
  bytes: PackageInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const opened = open(store, bytes, options);
  const merger = new ChangeMerger(store.db, { apply: false, signal: options.signal });
  for await (const batch of changeBatches(opened, options)) merger.add(batch);
  return report(store, opened, merger.finish(), false);
}

function refusal(error: unknown): unknown {
  if ((error as Error).name === 'AbortError') {
    return new ValijaError('E_CANCELLED', 'the import was cancelled; nothing was imported');
  }
  if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
    return new ValijaError(
      'E_PACKAGE_CORRUPT',
      'the package refers to records it does not contain; nothing was imported',
    );
  }
  return error;
}

/**
 * Keeps the package's document files this store lacks; inside the import's transaction, after its records, so
 * a file no document version names (here or in the package) is refused with the rest. Returns how many.
 */
function keepFiles(store: Store, opened: OpenedPackage): number {
  let kept = 0;
  for (const file of opened.files) {
    const { sha256 } = file;
    if (!isNamedFile(store.db, sha256)) {
      throw new ValijaError(
        'E_PACKAGE_CORRUPT',
        `not a valid Valija package: it carries a file (${sha256.slice(0, 12)}…) that no document names; nothing was imported`,
      );
    }
    // One file's bytes in memory at a time, and only when this store lacks them.
    if (!hasFile(store.db, sha256) && keepFile(store.db, sha256, file.content())) kept++;
  }
  return kept;
}

/** Notes the package as imported (so importing it again says so), and trusts its signer if asked. */
function recordPackage(
  store: Store,
  opened: OpenedPackage,
  merge: MergeReport,
  options: ImportOptions,
): void {
  const { manifest } = opened;
  for (const head of manifest.authors) {
    if (head.deviceId !== store.device.deviceId) keepAuthorHead(store.db, head);
  }
  if (trustsSigner(options.trust, manifest.exporter.publicKey)) {
    trustKey(store.db, manifest.exporter.publicKey, manifest.exporter.name);
  }
  recordImportedPackage(store.db, {
    packageId: manifest.packageId,
    exporterDevice: manifest.exporter.deviceId,
    fingerprint: fingerprintOf(manifest.exporter.publicKey),
    importedAt: new Date(options.now ?? Date.now()).toISOString(),
    changes: merge.newChanges,
    report: { counts: merge.counts, conflicts: merge.conflicts.length },
  });
}

/**
 * Imports a package. Its records are first compared without writing until one holds something new, so a
 * package holding nothing new costs no backup: it is only noted. Otherwise, after a backup of the store,
 * one transaction merges from that record on, batch by batch as the lines are checked (the package is
 * never held whole as objects); any refusal — a bad line, a count that differs from the manifest, a cancel
 * — rolls it all back and removes that backup.
 */
export async function applyImport(
  store: Store,
  bytes: PackageInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const opened = open(store, bytes, options);
  const { manifest } = opened;
  if (alreadyImported(store, manifest.packageId)) {
    // Its changes are all in the log already: say so without reading its lines again.
    const counts = Object.fromEntries(
      Object.entries(manifest.counts.rows).map(([kind, rows]) => [
        kind,
        { new: 0, changed: 0, deleted: 0, restored: 0, known: rows },
      ]),
    );
    return report(
      store,
      opened,
      { changes: manifest.counts.changes, newChanges: 0, counts, conflicts: [] },
      false,
      0,
    );
  }
  const { db } = store;
  const total = Object.values(manifest.counts.rows).reduce((sum, rows) => sum + rows, 0);
  const lines = changeBatches(opened, { ...options, onProgress: undefined });
  let backup: string | undefined;
  let merge: MergeReport;
  let newFiles = 0;
  try {
    const merger = new ChangeMerger(db, {
      apply: false,
      stopAtNew: true,
      total,
      signal: options.signal,
      onProgress: (done) => options.onProgress?.(done, total, 'checking'),
    });
    for (;;) {
      const next = await lines.next();
      if (next.done) merger.flush();
      else merger.add(next.value);
      if (next.done || merger.foundNew) break;
    }
    if (!merger.foundNew) {
      merge = merger.finish();
      // Known records only; files they name may still be new here (they add content, nothing to back up).
      db.transaction(() => {
        newFiles = keepFiles(store, opened);
        recordPackage(store, opened, merge, options);
      }).immediate();
    } else {
      backup = backupStore(store, `before-import-${manifest.packageId.slice(-12)}`, new Date(), false);
      writeTransaction.begin(db);
      merger.startApplying({
        total,
        signal: options.signal,
        onProgress: (done) => options.onProgress?.(done, total, 'applying'),
      });
      for await (const batch of lines) merger.add(batch);
      merge = merger.finish();
      newFiles = keepFiles(store, opened);
      recordPackage(store, opened, merge, options);
      writeTransaction.commit(db);
      pruneBackups(store);
    }
  } catch (error) {
    writeTransaction.rollback(db);
    if (backup) rmSync(backup, { force: true });
    throw refusal(error);
  } finally {
    await lines.return(undefined);
  }
  return { ...report(store, opened, merge, true, newFiles), alreadyImported: false, backup };
}
