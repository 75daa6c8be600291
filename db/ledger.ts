// The `imported_package` table: the packages this store has imported (the sync ledger), so a package is
// never read twice and the Sync screen can list them. Its only owner.
import type { ImportedPackage } from '../domain/results.js';
import type { Db } from './connection.js';
import { stmt } from './statements.js';

export interface LedgerEntry extends Omit<ImportedPackage, 'conflicts'> {
  /** What the import did: counts per kind and how many conflicts (kept as JSON). */
  report: { counts: unknown; conflicts: number };
}

export function isPackageImported(db: Db, packageId: string): boolean {
  return stmt(db, 'SELECT 1 FROM imported_package WHERE packageId = ?').get(packageId) !== undefined;
}

export function recordImportedPackage(db: Db, entry: LedgerEntry): void {
  stmt(
    db,
    'INSERT INTO imported_package (packageId, exporterDevice, fingerprint, importedAt, changes, report) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    entry.packageId,
    entry.exporterDevice,
    entry.fingerprint,
    entry.importedAt,
    entry.changes,
    JSON.stringify(entry.report),
  );
}

/** The packages this store imported, newest first. */
export function importedPackages(db: Db): ImportedPackage[] {
  const rows = stmt(
    db,
    'SELECT packageId, exporterDevice, fingerprint, importedAt, changes, report FROM imported_package ORDER BY importedAt DESC, packageId',
  ).all() as (Omit<ImportedPackage, 'conflicts'> & { report: string })[];
  return rows.map(({ report, ...row }) => ({
    ...row,
    conflicts: (JSON.parse(report) as { conflicts?: number }).conflicts ?? 0,
  }));
}
