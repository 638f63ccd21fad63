import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { encoding: 'utf8' }));
const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-'));
const ferry = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('node', [pkg.bin.ferry, ...args], { encoding: 'utf8', env: { ...process.env, FERRY_HOME: home, FERRY_LANG: 'en', ...env } });

describe('ferry CLI', () => {
  it('is declared as the package bin and prints help', () => {
    expect(pkg.bin.ferry).toBe('src-main/cli/ferry.mjs');
    const run = ferry(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: ferry <command>');
    expect(run.stdout).toContain('--json');
  }, 30_000);

  it('prints its version, as text or JSON', () => {
    expect(ferry(['--version']).stdout.trim()).toBe(`ferry ${pkg.version}`);
    expect(JSON.parse(ferry(['--version', '--json']).stdout)).toEqual({ name: 'ferry', version: pkg.version });
  }, 30_000);

  it('exits 2 with a plain sentence on stderr for usage errors, in the user language', () => {
    const en = ferry(['launch-rockets']);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('Unknown command "launch-rockets"');
    const zh = ferry(['launch-rockets'], { FERRY_LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('未知命令');
    expect(ferry([]).status).toBe(2);
  }, 30_000);

  it("explains a wrong option in the user's language too", () => {
    const zh = ferry(['links', '--bogus'], { FERRY_LANG: 'zh-CN' });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('ferry links 没有选项 "--bogus"。');
    expect(ferry(['links', '--bogus']).stderr).toContain('Unknown option "--bogus" for ferry links.');
  }, 30_000);
});
