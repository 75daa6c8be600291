// Which Node ABI a native addon was built for: it exports node_register_module_v<ABI> (115 for Node 20,
// 150 for Electron 45). Read with `nm -D` where it exists, else by finding the symbol's name in the file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Whether the addon at `file` registers itself for `abi`. */
export function exportsAbiSymbol(file, abi) {
  if (!existsSync(file)) return false;
  const symbol = `node_register_module_v${abi}`;
  const nm = spawnSync('nm', ['-D', '--defined-only', file], { encoding: 'utf8' });
  if (nm.status === 0) return new RegExp(`\\b${symbol}\\b`).test(nm.stdout);
  return readFileSync(file).includes(Buffer.from(symbol));
}
