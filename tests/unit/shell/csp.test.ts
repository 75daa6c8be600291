// One content security policy: offline by construction, the same in the header and in index.html.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../../electron/web/csp.js';
import { ROOT } from '../../helpers.js';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe('the content security policy', () => {
  it("allows only the app's own origin for scripts and everything else", () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote origin, wildcard, inline or eval source', () => {
    for (const [name, values] of directives(CONTENT_SECURITY_POLICY)) {
      for (const value of values) {
        expect(["'self'", "'none'", 'data:'], `${name} ${value}`).toContain(value);
      }
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval|wss?:/);
  });

  it('is the one renderer/index.html states in its meta tag (minus frame-ancestors)', () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''),
    );
  });

  it('comes with nosniff, no referrer and a same-origin opener policy', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });

  it('is not undercut by a remote URL anywhere in the renderer sources', () => {
    const dir = join(ROOT, 'renderer');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(html|tsx?|css|json)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/(https?:|wss?:)?\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\//i);
      expect(source, file).not.toMatch(/@import\s+url\(\s*['"]?https?:/i);
    }
  });
});
