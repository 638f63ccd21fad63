// Bundles the `ferry` command into out/cli/ferry.mjs (part of `npm run build`): Ferry's TypeScript
// compiled to one ES module that plain Node runs, with its npm dependencies loaded from node_modules.
// The chunks sit next to it, so cli/main.ts finds package.json at ../../ as it does in src-main/cli/.
// Usage: node build/scripts/buildCli.mjs [outDir]   (default out/cli)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

export async function buildCli({ outDir = path.join(root, 'out/cli') } = {}) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { target: 'node' },
    build: {
      ssr: path.join(root, 'src-main/cli/run.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        output: { format: 'es', entryFileNames: 'ferry.mjs', chunkFileNames: '[name]-[hash].mjs', banner: '#!/usr/bin/env node' },
      },
    },
  });
  return path.join(outDir, 'ferry.mjs');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli(process.argv[2] ? { outDir: path.resolve(process.argv[2]) } : {});
}
