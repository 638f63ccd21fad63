// The window's weight and the queue's per-batch cost. Bundle: gzipped JS + CSS + HTML of the built
// renderer, against a one-component Svelte 5 app built with the same settings in the same run (the
// framework's floor). Queue: applying one `uploads.changed` batch (100 changed items) to a 10,000-item
// queue, against copying the array alone.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { applyBatch, indexOf } from '../../src-renderer/lib/queueBatch.ts';
import type { UploadItem } from '../../src-renderer/lib/types.ts';
import { buildRenderer, rendererOut, repoRoot } from '../support/rendererBuild.ts';
import type { BenchModule, BenchRow } from './report.ts';

const TARGET_KB = 150;

function gzippedKB(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|css|html)$/.test(name)) total += gzipSync(readFileSync(full), { level: 9 }).length;
    }
  };
  walk(dir);
  return total / 1024;
}

async function buildFloorApp(): Promise<number> {
  // Inside the repo (under the ignored out/) so 'svelte' resolves from node_modules.
  const root = path.join(repoRoot, 'out', 'bench-svelte-floor');
  try {
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><body><div id="app"></div><script type="module" src="./src/main.ts"></script></body></html>');
    writeFileSync(path.join(root, 'src/main.ts'), "import { mount } from 'svelte';\nimport App from './App.svelte';\nmount(App, { target: document.getElementById('app')! });\n");
    writeFileSync(path.join(root, 'src/App.svelte'), '<script lang="ts">let n = $state(0);</script>\n<button onclick={() => n++}>{n}</button>\n');
    await build({ configFile: false, root, base: './', logLevel: 'silent', plugins: [svelte()], build: { outDir: path.join(root, 'out'), target: 'chrome130' } });
    return gzippedKB(path.join(root, 'out'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function queueBatchCost(): { applyP50: number; applyP99: number; copyP50: number } {
  const item = (i: number, bytesDone = 0): UploadItem => ({ id: `f${i}`, name: `file-${i}.jpg`, size: 1e6, bytesDone, state: 'uploading', speed: 1e5, etaSeconds: 9, profileId: 'p' });
  let items = Array.from({ length: 10_000 }, (_, i) => item(i));
  let index = indexOf(items);
  const apply: number[] = [];
  const copy: number[] = [];
  for (let round = 0; round < 300; round++) {
    const changed = Array.from({ length: 100 }, (_, k) => item((round * 100 + k) % 10_000, round));
    let t = performance.now();
    ({ items, index } = applyBatch(items, index, { items: changed, removed: [] }));
    apply.push(performance.now() - t);
    t = performance.now();
    items = items.slice();
    copy.push(performance.now() - t);
  }
  return { applyP50: percentile(apply, 50), applyP99: percentile(apply, 99), copyP50: percentile(copy, 50) };
}

const bench: BenchModule = {
  title: 'Renderer (bundle size, 10,000-item queue batches)',
  async run(): Promise<BenchRow[]> {
    await buildRenderer();
    const ferry = gzippedKB(rendererOut);
    const floor = await buildFloorApp();
    const queue = queueBatchCost();
    return [
      { name: 'renderer bundle, gzipped', value: ferry, unit: 'KB', baseline: floor, baselineName: 'one-component Svelte 5 app', target: `<= ${TARGET_KB} KB`, met: ferry <= TARGET_KB },
      { name: 'apply 100 changes to 10,000 items (median)', value: queue.applyP50, unit: 'ms', baseline: queue.copyP50, baselineName: 'array copy, median' },
      { name: 'apply 100 changes to 10,000 items (p99)', value: queue.applyP99, unit: 'ms', target: '<= 8 ms (half a frame)', met: queue.applyP99 <= 8 },
    ];
  },
};

export default bench;
