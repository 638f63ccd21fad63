import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. Each test gets its own FERRY_HOME and services
// (see support/harness.ts); the renderer is built once in globalSetup.
export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '**/*.e2e.ts',
  globalSetup: path.join(import.meta.dirname, 'globalSetup.ts'),
  outputDir: path.join(import.meta.dirname, '../../test-results/e2e'),
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1000, height: 680 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
});
