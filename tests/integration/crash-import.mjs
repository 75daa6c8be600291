// The child of the crash test: imports a package as `valija import --trust` does (the same handlers, from
// dist/), and at each 'applying' report — inside the import's transaction, rows written — tells its parent
// on stdout what its connection sees, then waits for a byte on stdin before going on. The parent kills it
// at one of these reports, so every kill lands while the transaction is open.
//   node tests/integration/crash-import.mjs STORE PACKAGE
import { readSync, writeSync } from 'node:fs';
import { openStore } from '../../dist/db/store.js';
import { createHandlers } from '../../dist/electron/api/handlers.js';

const [file, pkg] = process.argv.slice(2);
const store = openStore(file);
const countChanges = store.db.prepare('SELECT count(*) FROM change_set').pluck();
const handlers = createHandlers(store, {
  onProgress: (done, total, message) => {
    if (message !== 'applying') return;
    const report = { done, total, inTransaction: store.db.inTransaction, changes: countChanges.get() };
    writeSync(1, `${JSON.stringify(report)}\n`);
    // Blocks until the parent says go on (or is killed here).
    readSync(0, Buffer.alloc(1), 0, 1, null);
  },
});
await handlers.applyImport({ file: pkg, trust: true });
store.close();
writeSync(1, `${JSON.stringify({ finished: true })}\n`);
