// Importing a package in two steps: a preview that writes nothing, then apply in one transaction after
// an automatic backup. A refused package leaves the store byte-for-byte as it was.
import { rmSync } from 'node:fs';
import { fingerprintOf } from '../../db/device.js';
import { ValijaError } from '../../db/errors.js';
import { ChangeMerger, type MergeReport } from '../../db/merge.js';
import type { Store } from '../../db/store.js';
import type { ImportedPackage } from '../api/contract.js';
import { backupStore, pruneBackups } from './backups.js';
import { changeBatches, openPackage, type OpenedPackage } from './decode.js';
import { isTrusted, trustKey } from './trust.js';

export interface ImportOptions {
  passphrase?: string;
  /** Trust the package's signer (the user confirmed its fingerprint). */
  trust?: boolean;
  now?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message?: string) => void;
}

export interface ImportReport extends MergeReport {
  packageId: string;
  createdAt: string;
  encrypted: boolean;
  signer: { deviceId: string; name: string; fingerprint: string; trusted: boolean };
  alreadyImported: boolean;
  applied: boolean;
  backup?: string;
}

function open(store: Store, bytes: Buffer, options: ImportOptions): OpenedPackage {
  return openPackage(bytes, {
    ...options,
    checkSigner: ({ exporter: { publicKey, name } }) => {
      if (options.trust || isTrusted(store.db, store.device.publicKey, publicKey)) return;
      throw new ValijaError(
        'E_UNTRUSTED_SIGNER',
        `the package is signed by a key this computer does not trust (${name || 'unnamed device'}, fingerprint ${fingerprintOf(publicKey)}); check the fingerprint with its sender, then import with --trust`,
      );
    },
  });
}

function alreadyImported(store: Store, packageId: string): boolean {
  return store.db.prepare('SELECT 1 FROM imported_package WHERE packageId = ?').get(packageId) !== undefined;
}

function report(store: Store, opened: OpenedPackage, merge: MergeReport, applied: boolean): ImportReport {
  const { manifest } = opened;
  return {
    packageId: manifest.packageId,
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

/** Reads the package's lines into the merger, batch by batch, as they are checked. */
async function mergeLines(
  store: Store,
  opened: OpenedPackage,
  options: ImportOptions,
  apply: boolean,
): Promise<MergeReport> {
  const total = Object.values(opened.manifest.counts.rows).reduce((sum, rows) => sum + rows, 0);
  // Progress: lines checked for a preview; records written for an import (checking keeps ahead of it).
  const merger = new ChangeMerger(store.db, {
    apply,
    total,
    signal: options.signal,
    onProgress: apply ? (done) => options.onProgress?.(done, total, 'applying') : undefined,
  });
  const lines = changeBatches(opened, { ...options, onProgress: apply ? undefined : options.onProgress });
  for await (const batch of lines) merger.add(batch);
  return merger.finish();
}

/** What importing would do: counts per kind and every conflict. Writes nothing. */
export async function previewImport(
  store: Store,
  bytes: Buffer,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const opened = open(store, bytes, options);
  return report(store, opened, await mergeLines(store, opened, options, false), false);
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
 * Imports a package: after a backup of the store, one transaction that merges the lines batch by batch as
 * they are checked (the package is never held whole as objects); any refusal — a bad line, a count that
 * differs from the manifest, a cancel — rolls it all back and removes that backup.
 */
export async function applyImport(
  store: Store,
  bytes: Buffer,
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
    );
  }
  options.signal?.throwIfAborted();
  const backup = backupStore(store, `before-import-${manifest.packageId.slice(-12)}`, new Date(), false);
  const { db } = store;
  let merge: MergeReport;
  try {
    db.exec('BEGIN IMMEDIATE');
    merge = await mergeLines(store, opened, options, true);
    if (options.trust) trustKey(db, manifest.exporter.publicKey, manifest.exporter.name);
    db.prepare(
      'INSERT INTO imported_package (packageId, exporterDevice, fingerprint, importedAt, changes, report) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      manifest.packageId,
      manifest.exporter.deviceId,
      fingerprintOf(manifest.exporter.publicKey),
      new Date(options.now ?? Date.now()).toISOString(),
      merge.newChanges,
      JSON.stringify({ counts: merge.counts, conflicts: merge.conflicts.length }),
    );
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (backup) rmSync(backup, { force: true });
    throw refusal(error);
  }
  // Nothing new, nothing changed: the backup taken just in case is not needed.
  if (merge.newChanges === 0 && backup) rmSync(backup, { force: true });
  else pruneBackups(store);
  return {
    ...report(store, opened, merge, true),
    alreadyImported: false,
    backup: merge.newChanges > 0 ? backup : undefined,
  };
}
/** The packages this store imported, newest first. */
export function listImportedPackages(store: Store): ImportedPackage[] {
  const rows = store.db
    .prepare(
      'SELECT packageId, exporterDevice, fingerprint, importedAt, changes, report FROM imported_package ORDER BY importedAt DESC, packageId',
    )
    .all() as (Omit<ImportedPackage, 'conflicts'> & { report: string })[];
  return rows.map(({ report, ...row }) => ({
    ...row,
    conflicts: (JSON.parse(report) as { conflicts?: number }).conflicts ?? 0,
  }));
}
