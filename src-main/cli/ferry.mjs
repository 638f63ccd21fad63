#!/usr/bin/env node
// The `ferry` command: runs Ferry's TypeScript services on plain Node (no Electron, no build step).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
