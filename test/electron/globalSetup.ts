import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, repoRoot } from './support/electronBinary.ts';

/** Builds the app once when there is an Electron to run it; otherwise says loudly why the suite skips. */
export default async function globalSetup(): Promise<void> {
  const binary = electronBinary();
  if (!binary.path) {
    console.log(`\n⚠  _electron suite SKIPPED: ${binary.reason}.\n`);
    return;
  }
  console.log(`\n_electron suite: using ${path.basename(binary.path)}`);
  if (process.env.FERRY_E2E_SKIP_BUILD === '1') return;
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', 'electron.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('electron-vite build failed');
}
