// Exporting a package to a file: encoded in memory, then written atomically.
import { createHash } from 'node:crypto';
import type { Store } from '../../db/store.js';
import { encodePackage, type EncodeOptions } from './encode.js';
import { writeFileAtomically } from '../files.js';
import { checkPassphrase } from './passphrase.js';
import type { ExportResult } from '../../domain/results.js';

export function exportPackage(store: Store, file: string, options: EncodeOptions = {}): ExportResult {
  if (options.passphrase) checkPassphrase(options.passphrase);
  const { bytes, manifest, withheld } = encodePackage(store, options);
  writeFileAtomically(file, bytes);
  return {
    file,
    packageId: manifest.packageId,
    encrypted: options.passphrase !== undefined && options.passphrase !== '',
    changes: manifest.counts.changes,
    rows: manifest.counts.rows,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    withheld,
  };
}
