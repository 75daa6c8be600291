// The demo store: the records built from the seed report (resources/demo/), with fixed ids and clocks, in a
// store marked as holding example data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection.js';
import { loadFixedRecords } from '../db/seed.js';
import { resourcesDir } from './paths.js';

export const DEMO_FILE = 'demo/mfa-first-100-days.json';

export function loadDemo(db: Db): number {
  return loadFixedRecords(db, JSON.parse(readFileSync(join(resourcesDir(), DEMO_FILE), 'utf8')), {
    demo: true,
  });
}
