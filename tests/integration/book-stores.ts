// The demo store as the book's command-line tests shape it: the Ecuador meeting, with an initiative of a
// chosen level added to it. Commands run through the built `valija`.
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempDir, valija } from '../helpers.js';

export const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';

/** Runs `valija --db DB …` (stdin: `input`), which must succeed; its JSON answer. */
export function ok<T>(db: string, args: string[], input?: string): T {
  const result = valija(['--db', db, ...args], { input });
  expect(result.code, result.stderr).toBe(0);
  return result.json() as T;
}

/** A fresh demo store. */
export function demoStore(): string {
  const db = join(tempDir(), 'demo.db');
  expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
  return db;
}

/** Adds an initiative to the Ecuador meeting; answers its id. */
export function addInitiative(
  db: string,
  initiative: { title: string; classification: string; summary?: string },
) {
  const meeting = ok<{ initiativeIds: string[] }>(db, ['get', 'meeting', ECUADOR_MEETING]);
  const added = ok<{ id: string }>(db, ['put', 'initiative'], JSON.stringify(initiative));
  ok(
    db,
    ['put', 'meeting'],
    JSON.stringify({ id: ECUADOR_MEETING, initiativeIds: [...meeting.initiativeIds, added.id] }),
  );
  return added.id;
}
