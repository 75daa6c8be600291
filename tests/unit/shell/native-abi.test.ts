// The check that tells an Electron build of better-sqlite3 from a Node build, on the real Node build.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsAbiSymbol } from '../../../scripts/native-abi.mjs';

const require = createRequire(import.meta.url);
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

describe('the native module ABI check', () => {
  it("recognises node_modules' better-sqlite3 as built for this Node, not for Electron 45", () => {
    expect(exportsAbiSymbol(nodeBuild, process.versions.modules)).toBe(true);
    expect(exportsAbiSymbol(nodeBuild, 150)).toBe(false);
  });

  it('says no for a missing file', () => {
    expect(exportsAbiSymbol('/nonexistent/better_sqlite3.node', 150)).toBe(false);
  });
});
