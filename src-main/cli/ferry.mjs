#!/usr/bin/env node
// The `ferry` command in a checkout: runs the TypeScript sources through tsx (a dev dependency, never
// shipped). Where tsx is not installed, it runs the bundle `npm run build` writes to out/cli/ferry.mjs.
import { existsSync } from 'node:fs';

const bundle = new URL('../../out/cli/ferry.mjs', import.meta.url);
let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}
if (tsx) {
  tsx.register();
  await import('./run.ts');
} else if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  console.error('ferry: without tsx (a dev dependency) it runs out/cli/ferry.mjs, which is missing: run "npm run build" first.');
  process.exitCode = 1;
}
