// The documents stand alone: every link in the repository's Markdown points at a file of the repository
// that exists, and none sends a reader to a folder outside it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const documents = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.startsWith('node_modules/'));

describe('the documents', () => {
  it('include the README and the architecture', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/ARCHITECTURE.md']));
  });

  it.each(documents)('%s: every link resolves inside the repository', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared\//);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target!)) continue;
      const path = resolve(ROOT, dirname(file), target!.split('#')[0]!);
      expect(relative(ROOT, path).startsWith('..'), `${file} → ${target}`).toBe(false);
      expect(existsSync(path), `${file} → ${target}`).toBe(true);
    }
  });
});
