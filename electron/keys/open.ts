// Opening an unlocked store: its key on the connection, and its key file copied beside any migration copy.
import { openStore, type Store, type StoreOptions } from '../../db/store.js';
import { copyKeysFor } from './keyfile.js';

export function openKeyedStore(file: string, key: Buffer | undefined, options: StoreOptions = {}): Store {
  return openStore(file, {
    ...options,
    key,
    beforeCopyAppears: key ? (copy) => copyKeysFor(file, copy, key) : undefined,
  });
}
