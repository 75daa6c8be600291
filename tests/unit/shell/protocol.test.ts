// The app:// protocol: the renderer's files with the CSP, and nothing outside the renderer folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponse, registerAppScheme, serveAppProtocol } from '../../../electron/main/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/web/csp.js';
import { resolveStaticPath } from '../../../electron/web/static.js';
import { tempDir } from '../../helpers.js';

function renderer() {
  const root = tempDir();
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Valija</title>');
  writeFileSync(join(dir, 'assets', 'index.js'), 'export {}');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  return { root, dir };
}

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('serves index.html for the app root, with the CSP and nosniff headers', async () => {
    const { dir } = renderer();
    for (const url of ['app://bundle/', 'app://bundle', 'app://bundle/index.html']) {
      const response = appResponse(url, dir);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>Valija</title>');
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(appResponse('app://bundle/assets/index.js', dir).headers.get('content-type')).toMatch(
      /javascript/,
    );
  });

  it('refuses every way out of the renderer folder', async () => {
    const { dir } = renderer();
    for (const url of [
      'app://bundle/..%2fsecret.txt',
      'app://bundle/..%2Fsecret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/%2E%2E%2Fsecret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://bundle/..\\secret.txt',
      'app://bundle/%5c..%5csecret.txt',
      'app://bundle//etc/passwd',
      'app://bundle/%2fetc%2fpasswd',
      'app://bundle/C:/Windows/win.ini',
      'app://bundle/index.html%00.js',
      'app://bundle/assets/',
    ]) {
      const response = appResponse(url, dir);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('SECRET');
    }
  });

  it('answers only its own host and only reads', () => {
    const { dir } = renderer();
    expect(appResponse('app://bundle.evil/index.html', dir).status).toBe(404);
    expect(appResponse('app://other/index.html', dir).status).toBe(404);
    expect(appResponse('app://bundle/index.html', dir, 'POST').status).toBe(405);
  });

  it('is handled under the app scheme', async () => {
    const { dir } = renderer();
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    serveAppProtocol({ handle: (scheme, handler) => void handlers.set(scheme, handler) }, dir);
    const response = await handlers.get('app')!(new Request('app://bundle/'));
    expect(response.status).toBe(200);
  });
});

describe('resolveStaticPath', () => {
  it('stays inside the folder even through a symlink', async () => {
    const { root, dir } = renderer();
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'));
    expect(resolveStaticPath(dir, '/link.txt')).toBeNull();
    expect(resolveStaticPath(dir, '/assets/index.js')).toBe(join(dir, 'assets', 'index.js'));
  });
});
