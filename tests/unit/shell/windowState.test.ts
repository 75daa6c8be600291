// The window comes back where it was, unless that place is off every screen now.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  saveWindowState,
} from '../../../electron/main/windowState.js';
import { tempDir } from '../../helpers.js';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('the remembered window size and place', () => {
  it('round-trips through its JSON file', () => {
    const file = join(tempDir(), 'sub', 'window-state.json');
    saveWindowState(file, { x: 100, y: 50, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: true,
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 1000 });
  });

  it('forgets a place that is off every screen but keeps the size', () => {
    const file = join(tempDir(), 'window-state.json');
    saveWindowState(file, { x: 5000, y: 3000, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(file, screen)).toEqual({ width: 1000, height: 700, maximized: false });
    expect(loadWindowState(file, [...screen, { x: 3840, y: 2160, width: 2560, height: 1440 }])).toMatchObject(
      {
        x: 5000,
      },
    );
  });

  it('starts from the default when the file is missing, broken or absurd', () => {
    const dir = tempDir();
    expect(loadWindowState(join(dir, 'none.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'broken.json'), '{"width":');
    expect(loadWindowState(join(dir, 'broken.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'tiny.json'), '{"width":10,"height":10}');
    expect(loadWindowState(join(dir, 'tiny.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
