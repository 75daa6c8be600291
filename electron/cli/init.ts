// `valija init`: a new store — encrypted when a recovery passphrase is given, else plaintext with a warning
// (kept for scripts and tests). On an existing store it only opens it (unlocking it as usual).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { ValijaError } from '../../domain/errors.js';
import { loadDemo } from '../demo.js';
import { makePrivateDir } from '../files.js';
import { newStoreKey } from '../keys/convert.js';
import { newKeyFile, writeKeyFile } from '../keys/keyfile.js';
import { openKeyedStore } from '../keys/open.js';
import { storeEncryption } from '../keys/unlock.js';

export interface InitRequest {
  file: string;
  demo: boolean;
  passphrase?: string;
  /** Where the plaintext warning goes (stderr). */
  warn: (line: string) => void;
  /** Unlocks an existing store as the command line says. */
  unlock: () => Promise<Buffer | undefined>;
}

export async function initStore({ file, demo, passphrase, warn, unlock }: InitRequest) {
  const state = storeEncryption(file);
  let key: Buffer | undefined;
  if (state === 'absent') {
    makePrivateDir(dirname(file));
    if (passphrase) {
      const fresh = newStoreKey({ passphrase });
      // The key file first: a store never exists encrypted without the file that opens it.
      writeKeyFile(file, newKeyFile(fresh.entries));
      key = fresh.key;
    } else {
      warn(
        `warning: ${file} is not encrypted: anyone who copies it can read it (give --new-passphrase-env VAR, or run \`valija encrypt\` later)`,
      );
    }
  } else {
    if (passphrase) {
      throw new ValijaError(
        'E_CONFLICT',
        state === 'plaintext'
          ? `${file} already exists, unencrypted; encrypt it with \`valija encrypt\``
          : `${file} already exists, encrypted; change its passphrase with \`valija rekey\``,
      );
    }
    key = await unlock();
  }
  const existed = existsSync(file) && state !== 'absent';
  const store = openKeyedStore(file, key, { create: true });
  try {
    const loaded = demo ? loadDemo(store.db) : 0;
    return {
      file,
      created: !existed,
      encrypted: key !== undefined,
      demoRecords: loaded,
      schemaVersion: SCHEMA_VERSION,
      deviceId: store.device.deviceId,
    };
  } finally {
    store.close();
  }
}
