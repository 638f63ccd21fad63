// The window's weight and the queue's per-batch cost. Bundle: gzipped JS + CSS + HTML of the built
// renderer, against a one-component Svelte 5 app built with the same settings in the same run (the
// framework's floor). First paint: the built renderer opened in Debian's Chromium (Playwright, a new
// browser context each time, so nothing is cached), with the real services behind window.ferry as in
// the e2e tests — first-contentful-paint and the moment the window has loaded its state
// (`data-ready`), median of PAINT_RUNS, against the floor app's first-contentful-paint. Queue: applying one `uploads.changed` batch (100 changed items) to a 10,000-item
// queue, against copying the array alone.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { applyBatch, indexOf } from '../../src-renderer/lib/queueBatch.ts';
import type { UploadItem } from '../../src-renderer/lib/types.ts';
import { createServices } from '../../src-main/app/services.ts';
import { buildHandlerTable } from '../../src-main/app/handlers/handlerTable.ts';
import { recordingPorts } from '../../src-main/ports/recordingPorts.ts';
import { bindFerry } from '../support/bindFerry.ts';
import { buildFerryApiBundle, buildRenderer, rendererOut, repoRoot } from '../support/rendererBuild.ts';
import { APP_URL } from '../support/serveRenderer.ts';
import type { BenchModule, BenchRow } from './report.ts';

const TARGET_KB = 150;
const PAINT_RUNS = 5;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Loads `url` in a fresh context PAINT_RUNS times (after one unmeasured load); medians of FCP and of `ready`. */
async function paintTimes(browser: Browser, url: string, setUp: (page: Page) => Promise<() => void>, readySelector?: string): Promise<{ fcp: number; ready: number }> {
  const fcp: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run <= PAINT_RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const tearDown = await setUp(page);
    await page.goto(url);
    if (readySelector) await page.locator(readySelector).waitFor();
    const readyAt = await page.evaluate(() => performance.now());
    const paint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          if (entry) return resolve(entry.startTime);
          new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
        }),
    );
    tearDown();
    await context.close();
    if (run === 0) continue; // warms the browser process and the disk cache, not the page
    fcp.push(paint);
    ready.push(readyAt);
  }
  return { fcp: median(fcp), ready: median(ready) };
}

/** Serves the files of `dir` at APP_URL through page.route, as serveRenderer does for the app. */
async function serveDir(page: Page, dir: string): Promise<() => void> {
  await page.route(`${APP_URL}**`, async (route) => {
    const relative = new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, relative);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    await route.fulfill({ status: 200, body: readFileSync(file), headers: { 'Content-Type': type } }).catch(() => route.fulfill({ status: 404 }));
  });
  return () => {};
}

async function rendererPaint(browser: Browser): Promise<{ fcp: number; ready: number }> {
  await buildFerryApiBundle();
  const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-paint-'));
  const ports = recordingPorts();
  const services = await createServices({ home, ports, appVersion: 'bench', systemLocale: () => 'en' });
  try {
    const table = buildHandlerTable(services);
    return await paintTimes(browser, APP_URL, (page) => bindFerry({ page, services, table, events: ports.events }), '[data-ready="true"]');
  } finally {
    await services.close();
    rmSync(home, { recursive: true, force: true });
  }
}

async function buildFloorApp(browser: Browser): Promise<{ kb: number; fcp: number }> {
  // Inside the repo (under the ignored out/) so 'svelte' resolves from node_modules.
  const root = path.join(repoRoot, 'out', 'bench-svelte-floor');
  try {
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><body><div id="app"></div><script type="module" src="./src/main.ts"></script></body></html>');
    writeFileSync(path.join(root, 'src/main.ts'), "import { mount } from 'svelte';\nimport App from './App.svelte';\nmount(App, { target: document.getElementById('app')! });\n");
    writeFileSync(path.join(root, 'src/App.svelte'), '<script lang="ts">let n = $state(0);</script>\n<button onclick={() => n++}>{n}</button>\n');
    await build({ configFile: false, root, base: './', logLevel: 'silent', plugins: [svelte()], build: { outDir: path.join(root, 'out'), target: 'chrome130' } });
    const { fcp } = await paintTimes(browser, APP_URL, (page) => serveDir(page, path.join(root, 'out')));
    return { kb: gzippedKB(path.join(root, 'out')), fcp };
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
  title: `Renderer (bundle size, first paint in Chromium (median of ${PAINT_RUNS}), 10,000-item queue batches)`,
  async run(): Promise<BenchRow[]> {
    await buildRenderer();
    const ferry = gzippedKB(rendererOut);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    let floor: { kb: number; fcp: number };
    let paint: { fcp: number; ready: number };
    try {
      floor = await buildFloorApp(browser);
      paint = await rendererPaint(browser);
    } finally {
      await browser.close();
    }
    const queue = queueBatchCost();
    return [
      { name: 'renderer bundle (minified), gzipped', value: ferry, unit: 'KB', baseline: floor.kb, baselineName: 'one-component Svelte 5 app', target: `<= ${TARGET_KB} KB`, met: ferry <= TARGET_KB },
      { name: 'first contentful paint, built renderer', value: paint.fcp, unit: 'ms', baseline: floor.fcp, baselineName: 'one-component Svelte 5 app' },
      { name: '  window ready (state loaded from main)', value: paint.ready, unit: 'ms', baseline: paint.fcp, baselineName: 'its first contentful paint' },
      { name: 'apply 100 changes to 10,000 items (median)', value: queue.applyP50, unit: 'ms', baseline: queue.copyP50, baselineName: 'array copy, median' },
      { name: 'apply 100 changes to 10,000 items (p99)', value: queue.applyP99, unit: 'ms', target: '<= 8 ms (half a frame)', met: queue.applyP99 <= 8 },
    ];
  },
};

export default bench;
