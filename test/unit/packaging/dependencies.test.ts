import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const pkg = read('package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = read('package-lock.json') as {
  packages: Record<string, { version?: string; dev?: boolean; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
};

/** The newest Electron 45 patch release when issue #16 was fixed (`npm view electron versions`). */
const NEWEST_ELECTRON_45 = '45.6.1';

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (pa![i] !== pb![i]) return pa![i]! - pb![i]!;
  return 0;
}

describe('what the app ships', () => {
  it('has no TypeScript runner among its runtime dependencies (electron-builder packs every one)', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.devDependencies)).toContain('tsx');
    // Only reachable from dev dependencies in the lockfile, so neither tsx nor its esbuild binary is installed for production.
    expect(lock.packages['node_modules/tsx']?.dev).toBe(true);
    expect(lock.packages['node_modules/esbuild']?.dev).toBe(true);
  });

  it('builds on the newest Electron 45 patch release, with the lockfile agreeing with package.json', () => {
    const spec = pkg.devDependencies.electron!;
    expect(spec).toMatch(/^\^45\.\d+\.\d+$/);
    expect(compareVersions(spec.slice(1), NEWEST_ELECTRON_45)).toBeGreaterThanOrEqual(0);
    const locked = lock.packages['node_modules/electron']!.version!;
    expect(locked.startsWith('45.')).toBe(true);
    expect(compareVersions(locked, NEWEST_ELECTRON_45)).toBeGreaterThanOrEqual(0);
    expect(lock.packages['']!.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']!.devDependencies).toEqual(pkg.devDependencies);
  });
});
