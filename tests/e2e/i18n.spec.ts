// The two languages stay in step: every label in one exists in the other (no browser needed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './fixtures.js';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

const load = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'renderer', 'src', 'i18n', `${lang}.json`), 'utf8')) as Tree;

test('Spanish and English have the same labels, none empty', () => {
  const es = load('es');
  const en = load('en');
  expect(keys(es).sort()).toEqual(keys(en).sort());
  for (const tree of [es, en]) {
    for (const key of keys(tree)) {
      const value = key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part]!, tree);
      expect(String(value).trim(), key).not.toBe('');
    }
  }
});
