// Exporting a package to a file: written a chunk at a time into a temporary file, renamed into place whole.
import type { Store } from '../../db/store.js';
import { writePackage, type EncodeOptions } from './encode.js';
import { AtomicFile } from '../files.js';
import { checkPassphrase } from './passphrase.js';
import type { ExportResult } from '../../domain/results.js';

export function exportPackage(store: Store, file: string, options: EncodeOptions = {}): ExportResult {
  if (options.passphrase) checkPassphrase(options.passphrase);
  const out = new AtomicFile(file);
  let written;
  try {
    written = writePackage(store, (chunk) => out.write(chunk), options);
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  const { manifest, withheld, bytes, sha256 } = written;
  return {
    file,
    packageId: manifest.packageId,
    encrypted: options.passphrase !== undefined && options.passphrase !== '',
    changes: manifest.counts.changes,
    rows: manifest.counts.rows,
    bytes,
    sha256,
    withheld,
  };
}
