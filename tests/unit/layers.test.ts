// The layers hold by lint, not by memory: these probes are what `npm run lint` must refuse (and allow).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const eslint = new ESLint({ cwd: ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint holds the layers', () => {
  it.each([
    ['better-sqlite3', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['a file in db/', "import { readRow } from '../../../db/reader.js';\nexport const x = readRow;\n"],
    [
      'the API implementation',
      "import { createHandlers } from '../../../electron/api/handlers.js';\nexport const x = createHandlers;\n",
    ],
    ['a Node module', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['a Node global', 'export const x = process.env.HOME;\n'],
  ])('refuses a renderer file that reaches %s', async (_what, code) => {
    expect(await problems('renderer/src/features/probe.ts', code)).not.toEqual([]);
  });

  it('lets the renderer import the domain and the contract', async () => {
    const code = [
      "import { KINDS } from '../../../domain/kinds.js';",
      "import { METHOD_NAMES } from '../../../electron/api/contract.js';",
      'export const x = [KINDS, METHOD_NAMES];',
      '',
    ].join('\n');
    expect(await problems('renderer/src/features/probe.ts', code)).toEqual([]);
  });

  it('refuses Node in domain/ and SQL outside db/', async () => {
    expect(
      await problems(
        'domain/probe.ts',
        "import { createHash } from 'node:crypto';\nexport const x = createHash;\n",
      ),
    ).not.toEqual([]);
    const sql =
      "import type { Db } from '../../db/connection.js';\nexport const count = (db: Db) => db.prepare('SELECT 1').get();\n";
    expect(await problems('electron/sync/probe.ts', sql)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: SQL lives in db/),
    ]);
  });

  it('refuses an import cycle, even one made of type-only imports', () => {
    const cruise = (folder: string) =>
      execFileSync(
        join(ROOT, 'node_modules', '.bin', 'depcruise'),
        [folder, '--config', '.dependency-cruiser.cjs'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    let report = '';
    try {
      cruise('tests/fixtures/cycle');
    } catch (error) {
      report = String((error as { stdout?: string }).stdout);
    }
    expect(report).toMatch(/no-cycle: tests\/fixtures\/cycle\/a\.ts/);
    expect(cruise('domain')).toMatch(/no dependency violations/);
  });
});
