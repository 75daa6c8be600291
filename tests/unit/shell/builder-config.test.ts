// The installers' configuration, checked here because packaging itself needs downloads: electron-builder's
// own schema accepts it, the fuses are set, node_modules is never rebuilt, and the Electron build of
// better-sqlite3, the fonts and the demo data ship where the main process looks for them.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIVE_DEV_DIR, NATIVE_FILE, NATIVE_PACKAGED_DIR } from '../../../electron/main/nativeModule.js';
import { ROOT } from '../../helpers.js';

// Both come with electron-builder (js-yaml is how it reads this file).
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};

interface Config {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const silent = { add: () => {}, isEnabled: false };

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(structuredClone(config), silent)).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...structuredClone(config), electronFuses: { runAsNod: false } }, silent),
    ).rejects.toThrow(/electronFuses/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.valija.desktop');
    expect(config.productName).toBe('Valija');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('never rebuilds node_modules, and ships the Electron build of better-sqlite3 where the app looks', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.extraResources).toContainEqual({
      from: `${NATIVE_DEV_DIR}/${NATIVE_FILE}`,
      to: `${NATIVE_PACKAGED_DIR}/${NATIVE_FILE}`,
    });
  });

  it('ships the fonts and the demo data as resources, from folders that exist', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/fonts', to: 'fonts' });
    expect(config.extraResources).toContainEqual({ from: 'resources/demo', to: 'demo' });
    expect(existsSync(join(ROOT, 'resources', 'fonts', 'NotoSans-Regular.ttf'))).toBe(true);
    expect(existsSync(join(ROOT, 'resources', 'demo', 'mfa-first-100-days.json'))).toBe(true);
  });

  it('packages the compiled app, not its sources or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*', '!dist/**/*.map']));
    expect(config.files.some((f) => /^(electron|db|renderer)\//.test(f))).toBe(false);
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('has a 512×512 PNG icon', () => {
    const png = readFileSync(join(ROOT, config.mac.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(join(ROOT, config.linux.icon, '256x256.png'))).toBe(true);
  });
});
