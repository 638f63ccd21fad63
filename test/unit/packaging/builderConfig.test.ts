import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  protocols: unknown[];
  electronFuses: Record<string, boolean>;
  extraResources: unknown[];
  nsis: { include: string };
  mac: { target: unknown; icon: string; entitlements: string };
  win: { target: { target: string }[]; icon: string };
  linux: { target: string[]; icon: string };
}
const config = require(path.join(root, 'electron-builder.config.cjs')) as BuilderConfig;
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;

let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return compiled;
}

describe('electron-builder configuration', () => {
  it("validates against electron-builder's own JSON schema", () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a misspelt option is refused', () => {
    const validate = validator();
    expect(validate({ ...config, electronFuse: {} })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } })).toBe(false);
  });

  it('names the app and targets Linux AppImage+deb, macOS dmg x64+arm64 and Windows nsis', () => {
    expect(config.productName).toBe('Ferry');
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/i);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
  });

  it('flips the security fuses for release builds', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('packs into asar, unpacks the keychain module, and ships only the built app', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/@github/keytar/**');
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
    expect(config.files).toContain('!**/*.map');
  });

  it('registers ferry:// (macOS/Linux via protocols, Windows via the installer with "--" before the link)', () => {
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['ferry'] })]);
    const nsh = readFileSync(path.join(root, config.nsis.include), 'utf8');
    expect(nsh).toMatch(/Software\\Classes\\ferry\\shell\\open\\command" "" '"\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" -- "%1"'/);
    expect(nsh).toContain('$SENDTO\\Ferry.lnk');
  });

  it('points at resources that exist or that the icon generator makes', () => {
    expect(existsSync(path.join(root, config.mac.entitlements))).toBe(true);
    expect(readFileSync(path.join(root, config.mac.entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    const generated = ['build/icons/icon.icns', 'build/icons/icon.ico', 'build/icons/png', 'build/icons/icon-512.png'];
    expect([config.mac.icon, config.win.icon, config.linux.icon]).toEqual(generated.slice(0, 3));
    expect(config.extraResources).toContainEqual({ from: 'assets/tray', to: 'tray', filter: ['*.png'] });
    expect(config.extraResources).toContainEqual({ from: generated[3], to: 'icon.png' });
    expect(readFileSync(path.join(root, 'build/icons/generate.mjs'), 'utf8')).toMatch(/icon\.icns[\s\S]*icon\.ico|icon\.ico[\s\S]*icon\.icns/);
  });
});
