// Serving the built renderer from a folder, for the app:// protocol and the bridge: the one place that
// turns a request path into a file, and refuses anything that could reach outside the folder.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `root` that a URL path (still percent-encoded, without query) names, or null when the
 * path is malformed, tries to leave the folder (`..`, `%2e%2e`, `..%2f`, backslashes, absolute or drive
 * paths, NUL) or names nothing. The app root (`/` or empty) is index.html.
 */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  // Encoded separators and dots have no business in an asset path: refuse before decoding.
  if (/%(2e|2f|5c|00)/i.test(rawPath) || rawPath.includes('\\')) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /^[a-zA-Z]:/.test(s))) return null;

  const file = join(root, ...segments);
  const inside = relative(root, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  // A symlink inside the folder must not lead out of it either.
  const realRoot = realpathSync(root);
  const realFile = realpathSync(file);
  if (!realFile.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) return null;
  return file;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export function readStaticFile(root: string, rawPath: string): StaticFile | null {
  const file = resolveStaticPath(root, rawPath);
  return file ? { body: readFileSync(file), contentType: contentTypeOf(file) } : null;
}
