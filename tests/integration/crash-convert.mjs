// The child of the encrypt/rekey crash test: converts a store as `valija encrypt` / `valija rekey` do (the
// same module, from dist/). With PAUSE set, it tells its parent each step on stdout and waits for a byte on
// stdin before going on, so the parent can kill it at a chosen step; without, it runs straight through.
//   node tests/integration/crash-convert.mjs encrypt|rekey STORE
import { readSync, writeSync } from 'node:fs';
import { encryptStore, rekeyStore } from '../../dist/electron/keys/convert.js';
import { unlockStore } from '../../dist/electron/keys/unlock.js';

const [operation, file] = process.argv.slice(2);
const pause = process.env.PAUSE === '1';
const onStep = (path, step) => {
  writeSync(1, `${JSON.stringify({ path, step })}\n`);
  if (pause) readSync(0, Buffer.alloc(1), 0, 1, null);
};
const options = { passphrase: process.env.NEW_PASSPHRASE, onStep };
if (operation === 'encrypt') encryptStore(file, options);
else rekeyStore(file, unlockStore(file, { passphrase: process.env.OLD_PASSPHRASE }).key, options);
writeSync(1, `${JSON.stringify({ finished: true })}\n`);
