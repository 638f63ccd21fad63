import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, repoRoot } from './electronBinary.ts';

export interface LaunchedFerry {
  app: ElectronApplication;
  window: Page;
  home: string;
  close(): Promise<void>;
}

/** Starts the built app with its own FERRY_HOME and the tray e2e hook switched on. */
export async function launchFerry(): Promise<LaunchedFerry> {
  const binary = electronBinary();
  if (!binary.path) throw new Error(binary.reason);
  const home = await mkdtemp(path.join(os.tmpdir(), 'ferry-electron-'));
  const args = [repoRoot];
  // Chromium refuses to sandbox as root (CI containers); the renderer is still contextIsolated.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = await _electron.launch({
    executablePath: binary.path,
    args,
    cwd: repoRoot,
    env: { ...process.env, FERRY_HOME: home, FERRY_E2E: '1', FERRY_LANG: 'en' },
  });
  const window = await app.firstWindow();
  return {
    app,
    window,
    home,
    async close() {
      await app.close().catch(() => undefined);
      await rm(home, { recursive: true, force: true });
    },
  };
}
