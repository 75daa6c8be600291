// The renderer is served from app://bundle/ (a standard, secure scheme), never file://: one origin, the CSP
// header on every response, and the traversal guard of electron/web/static.ts between a URL and the disk.
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../web/csp.js';
import { readStaticFile } from '../web/static.js';
import { APP_HOST, APP_SCHEME } from './origin.js';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' } });
}

/** The answer to one app:// request; `rawUrl` is checked as given, before any URL normalisation. */
export function appResponse(rawUrl: string, rendererDir: string, method = 'GET'): Response {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refuse(400, 'bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'not found');
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'method not allowed');
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  const rawPath = rawUrl.toLowerCase().startsWith(prefix)
    ? rawUrl.slice(prefix.length).split(/[?#]/)[0]!
    : url.pathname;
  const file = readStaticFile(rendererDir, rawPath || '/');
  if (!file) return refuse(404, 'not found');
  return new Response(method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
  });
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rendererDir, request.method));
}
