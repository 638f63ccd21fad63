import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

/**
 * An install with production dependencies only (no tsx): package.json, node_modules holding just
 * `dependencies`, the dev `ferry` launcher, and the bundle `npm run build` writes (built here, into it).
 */
let install: string;
beforeAll(() => {
  install = mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-bundle-'));
  copyFileSync(path.join(root, 'package.json'), path.join(install, 'package.json'));
  for (const name of Object.keys(pkg.dependencies)) {
    const link = path.join(install, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(root, 'node_modules', name), link, 'dir');
  }
  mkdirSync(path.join(install, 'src-main/cli'), { recursive: true });
  copyFileSync(path.join(root, 'src-main/cli/ferry.mjs'), path.join(install, 'src-main/cli/ferry.mjs'));
  execFileSync(process.execPath, [path.join(root, 'build/scripts/buildCli.mjs'), path.join(install, 'out/cli')], { cwd: root, stdio: 'pipe' });
}, 60_000);
afterAll(() => rmSync(install, { recursive: true, force: true }));

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(install, script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, FERRY_HOME: path.join(install, 'home'), FERRY_LANG: 'en' },
  });

describe('the bundled ferry command', () => {
  it('runs on plain Node with production dependencies only', () => {
    const version = run('out/cli/ferry.mjs', ['--version', '--json']);
    expect(version.stderr).toBe('');
    expect(JSON.parse(version.stdout)).toEqual({ name: 'ferry', version: pkg.version });
    // Loads the app's services (a separate chunk) and reads the data folder.
    const list = run('out/cli/ferry.mjs', ['profile', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('No connections yet');
  });

  it('is what the ferry launcher runs where tsx is not installed', () => {
    const help = run('src-main/cli/ferry.mjs', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ferry <command>');
    rmSync(path.join(install, 'out'), { recursive: true });
    const missing = run('src-main/cli/ferry.mjs', ['--help']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('npm run build');
  });
});
