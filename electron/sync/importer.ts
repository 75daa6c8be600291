// Importing a package in two steps: a preview that writes nothing, then apply in one transaction after
// an automatic backup. A refused package leaves the store byte-for-byte as it was.
import { fingerprintOf } from '../../db/device.js';
import { ValijaError } from '../../db/errors.js';
import { analyzeChanges, applyChanges, type MergeReport } from '../../db/merge.js';
import type { Store } from '../../db/store.js';
import type { ImportedPackage } from '../api/contract.js';
import { backupStore } from './backups.js';
import { decodePackage, type DecodedPackage } from './decode.js';
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

function open(store: Store, bytes: Buffer, options: ImportOptions): Promise<DecodedPackage> {
  return decodePackage(bytes, {
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

function report(store: Store, decoded: DecodedPackage, merge: MergeReport, applied: boolean): ImportReport {
  const { manifest } = decoded;
  return {
    packageId: manifest.packageId,
    createdAt: manifest.createdAt,
    encrypted: decoded.encrypted,
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
  bytes: Buffer,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const decoded = await open(store, bytes, options);
  return report(store, decoded, analyzeChanges(store.db, decoded.changes), false);
}

export async function applyImport(
  store: Store,
  bytes: Buffer,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const decoded = await open(store, bytes, options);
  const { manifest } = decoded;
  if (alreadyImported(store, manifest.packageId)) {
    // Its changes are all in the log already: say so without comparing them one by one.
    const counts = Object.fromEntries(
      Object.entries(manifest.counts.rows).map(([kind, rows]) => [
        kind,
        { new: 0, changed: 0, deleted: 0, restored: 0, known: rows },
      ]),
    );
    return report(
      store,
      decoded,
      { changes: decoded.changes.length, newChanges: 0, counts, conflicts: [] },
      false,
    );
  }
  const merge = analyzeChanges(store.db, decoded.changes);
  options.signal?.throwIfAborted();
  const backup =
    merge.newChanges > 0 ? backupStore(store, `before-import-${manifest.packageId.slice(-12)}`) : undefined;
  try {
    store.db
      .transaction(() => {
        applyChanges(store.db, decoded.changes, {
          signal: options.signal,
          onProgress: (done, total) => options.onProgress?.(done, total, 'applying'),
        });
        if (options.trust) trustKey(store.db, manifest.exporter.publicKey, manifest.exporter.name);
        store.db
          .prepare(
            'INSERT INTO imported_package (packageId, exporterDevice, fingerprint, importedAt, changes, report) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(
            manifest.packageId,
            manifest.exporter.deviceId,
            fingerprintOf(manifest.exporter.publicKey),
            new Date(options.now ?? Date.now()).toISOString(),
            merge.newChanges,
            JSON.stringify({ counts: merge.counts, conflicts: merge.conflicts.length }),
          );
      })
      .immediate();
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      throw new ValijaError('E_CANCELLED', 'the import was cancelled; nothing was imported');
    }
    if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
      throw new ValijaError(
        'E_PACKAGE_CORRUPT',
        'the package refers to records it does not contain; nothing was imported',
      );
    }
    throw error;
  }
  return { ...report(store, decoded, merge, true), alreadyImported: false, backup };
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
