/**
 * Builds the Svelte renderer with exactly the renderer settings from electron.config.ts (plain vite, no
 * Electron), and bundles `buildFerryApi` for the browser so the e2e harness and the preview construct
 * window.ferry with the same function the preload uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type InlineConfig } from 'vite';
import electronConfig from '../../electron.config.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const rendererOut = path.join(repoRoot, 'out/renderer');
export const ferryApiBundle = path.join(repoRoot, 'out/harness/ferryApi.js');

export async function buildRenderer(): Promise<void> {
  const renderer = (electronConfig as { renderer: InlineConfig }).renderer;
  await build({ ...renderer, configFile: false, logLevel: 'warn' });
}

/** An IIFE that defines `FerryHarness.buildFerryApi` in the page. */
export async function buildFerryApiBundle(): Promise<void> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'chrome130',
      lib: { entry: path.join(repoRoot, 'src-main/preloadApi.ts'), formats: ['iife'], name: 'FerryHarness' },
      rollupOptions: { output: { entryFileNames: 'ferryApi.js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('bundling preloadApi produced no code');
  mkdirSync(path.dirname(ferryApiBundle), { recursive: true });
  writeFileSync(ferryApiBundle, chunk.code);
}
