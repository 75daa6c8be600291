import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../electron/book/fonts.js';
import { renderBook } from '../../../electron/book/render.js';
import { resourcesDir } from '../../../electron/book/resources.js';
import { oneSectionBook } from './fixtures.js';

const saved = process.env.VALIJA_RESOURCES;
afterEach(() => {
  if (saved === undefined) delete process.env.VALIJA_RESOURCES;
  else process.env.VALIJA_RESOURCES = saved;
});

describe('book resources', () => {
  it('finds resources/ in the package root, with the four fonts and their licence', () => {
    delete process.env.VALIJA_RESOURCES;
    const dir = resourcesDir();
    expect(path.basename(dir)).toBe('resources');
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, '..', 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('valija');
    for (const file of Object.values(FONT_FILES))
      expect(fs.existsSync(path.join(dir, 'fonts', file))).toBe(true);
    const licence = fs.readFileSync(path.join(dir, 'fonts', 'OFL.txt'), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(licence).toContain('Copyright 2022 The Noto Project Authors');
  });

  it('honours VALIJA_RESOURCES, and says so when the fonts are not there', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'valija-res-'));
    try {
      process.env.VALIJA_RESOURCES = empty;
      expect(resourcesDir()).toBe(empty);
      await expect(renderBook(oneSectionBook([{ type: 'paragraph', markdown: 'x' }]))).rejects.toMatchObject({
        code: 'E_NOT_FOUND',
        message: expect.stringContaining('VALIJA_RESOURCES'),
      });
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
