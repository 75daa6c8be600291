/**
 * Where the app's resources (fonts, book strings, demo data) live: `$VALIJA_RESOURCES` if set,
 * else `resources/` in the package root, found by walking up from this file to the package.json
 * named "valija" (works from the sources, from dist/ and from an unpacked app).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BookError } from './errors.js';

let packageRootCache: string | undefined;

function findPackageRoot(): string {
  if (packageRootCache) return packageRootCache;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown };
        if (pkg.name === 'valija') {
          packageRootCache = dir;
          return dir;
        }
      } catch {
        // Not our package.json (or unreadable): keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new BookError(
        'E_NOT_FOUND',
        'Cannot find the Valija resources folder: set VALIJA_RESOURCES to the folder holding fonts/.',
      );
    }
    dir = parent;
  }
}

export function resourcesDir(): string {
  const fromEnv = process.env.VALIJA_RESOURCES;
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(findPackageRoot(), 'resources');
}
