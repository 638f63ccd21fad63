import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The `_electron` suite drives the real app. It runs where an Electron binary exists
// (ELECTRON_EXEC_PATH, or the electron package with its download) and otherwise reports every test
// skipped, with the reason printed by globalSetup.
export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '**/*.electron.ts',
  globalSetup: path.join(import.meta.dirname, 'globalSetup.ts'),
  outputDir: path.join(import.meta.dirname, '../../test-results/electron'),
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
});
