// A copy of a store under another page key (or first encrypted): what `valija encrypt` and `valija rekey`
// build beside the store before they swap it in (electron/keys/convert.ts).
import { ValijaError } from '../domain/errors.js';
import { connectRaw, copyStoreTo, keyOpens, type Db } from './connection.js';

/** The file is open elsewhere (a reader would keep the old file across the swap). */
export function inUse(file: string): ValijaError {
  return new ValijaError(
    'E_CONFLICT',
    `${file} is open in another Valija (the app or \`valija serve\`); close it and try again`,
  );
}

/**
 * Writes to `copy` a consistent copy of `file` (opened with `oldKey`, or plaintext) encrypted with `newKey`,
 * checked with integrity_check. Leaves `file` checkpointed (no WAL) and refuses (E_CONFLICT) when another
 * connection holds it.
 */
export function writeReencryptedCopy(
  file: string,
  copy: string,
  oldKey: Buffer | undefined,
  newKey: Buffer,
  nativeBinding?: string,
): void {
  const source = connectRaw(file, { key: oldKey, nativeBinding, fileMustExist: true });
  try {
    copyStoreTo(source, copy);
    const [checkpoint] = source.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint?.busy) throw inUse(file);
  } finally {
    source.close();
  }
  const target = connectRaw(copy, { key: oldKey, nativeBinding, fileMustExist: true });
  try {
    // SQLite3MultipleCiphers rekeys a file in rollback-journal mode only.
    target.pragma('journal_mode = DELETE');
    if (!oldKey) keyFormat(target);
    target.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    const check = target.pragma('integrity_check', { simple: true });
    if (check !== 'ok') {
      throw new ValijaError('E_STORE', `the re-encrypted copy of ${file} failed its check: ${String(check)}`);
    }
  } finally {
    target.close();
  }
  if (!keyOpens(copy, newKey, nativeBinding)) {
    throw new ValijaError('E_STORE', `the re-encrypted copy of ${file} does not open with its new key`);
  }
}

/** The page format a plaintext file takes when it is first keyed (as applyKey sets for an encrypted one). */
function keyFormat(db: Db): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}
