// The window's size and place, remembered between runs in a small JSON file in the user data folder.
// A saved place off every screen (a monitor was unplugged) is forgotten rather than restored out of sight.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { makePrivateDir, PRIVATE_FILE } from '../files.js';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };

const size = z.number().int().min(400).max(20_000);
const place = z.number().int().min(-20_000).max(20_000);
const schema = z.object({
  x: place.optional(),
  y: place.optional(),
  width: size,
  height: size,
  maximized: z.boolean().default(false),
});

/** At least this much of the window's title bar must be on some screen. */
const VISIBLE = 100;

function visibleOn(state: WindowState, areas: Rect[]): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y, width } = state;
  return areas.some(
    (a) =>
      x + width - VISIBLE >= a.x &&
      x + VISIBLE <= a.x + a.width &&
      y >= a.y &&
      y + VISIBLE / 2 <= a.y + a.height,
  );
}

export function loadWindowState(file: string, workAreas: Rect[]): WindowState {
  let state: WindowState;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
    state = parsed.data;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (!visibleOn(state, workAreas)) {
    const { x: _x, y: _y, ...rest } = state;
    return rest;
  }
  return state;
}

export function saveWindowState(file: string, state: WindowState): void {
  const parsed = schema.safeParse(state);
  if (!parsed.success) return;
  makePrivateDir(dirname(file));
  const temp = `${file}.tmp`;
  rmSync(temp, { force: true }); // a left-over temp file would keep its own mode
  writeFileSync(temp, JSON.stringify(parsed.data, null, 2) + '\n', { mode: PRIVATE_FILE });
  renameSync(temp, file);
}
