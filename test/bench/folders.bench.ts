// Big folders dropped: 10,000 × 4 KB files, and 100,000 empty ones, dropped on Ferry's main services
// running alone in their own process (folderDropDriver.ts, bundled as the app bundles main) and
// uploading through a shaped link at 20 ms round trip, 400 Mbit/s (shapingProxy.ts).
// - Time from the drop to the first byte Ferry sends, against walking the whole folder (what Ferry
//   would wait for if it walked first): the walk must stream.
// - Peak RSS of that process, against the same process idle.
// - Time for the whole 10,000 at 20 ms, as files/s against sequential ali-oss put over the same link.
// The 100,000-entry drop is measured until its queue is complete plus FOLDERS_SETTLE_MS of uploading,
// then stopped (uploading all of it at 20 ms takes many minutes on a 2-CPU machine).
// Sizes: FERRY_BENCH_FOLDER_FILES (default 10000), FERRY_BENCH_FOLDER_EMPTY (default 100000).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { walkPaths } from '../../src-main/uploads/walker.ts';
import type { BenchModule, BenchRow } from './report.ts';
import { BUCKET, envFor, ferryServices, sequentialRate, startSandboxProcess, startShapingProxyProcess, uploadCredentials, type Sandbox, type ShapingProxyProcess } from './uploadRig.ts';

const FILES = Number(process.env.FERRY_BENCH_FOLDER_FILES ?? 10_000);
const EMPTY = Number(process.env.FERRY_BENCH_FOLDER_EMPTY ?? 100_000);
const RTT_MS = 20;
const LINK_MBIT = 400;
const PER_SUBFOLDER = 1000;
const SETTLE_MS = 5000;

/** `n` files of `size` bytes in sub-folders of PER_SUBFOLDER, as a project or photo folder looks. */
async function makeFolder(dir: string, n: number, size: number): Promise<void> {
  const body = Buffer.alloc(size, 7);
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `part-${String(Math.floor(i / PER_SUBFOLDER)).padStart(3, '0')}`);
    if (i % PER_SUBFOLDER === 0) await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, `file-${String(i).padStart(6, '0')}.dat`), body);
  }
}

async function bundleDriver(dir: string): Promise<string> {
  const out = path.join(dir, 'folderDropDriver.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./folderDropDriver.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    external: ['@github/keytar', 'electron', 'proxy-agent'],
    banner: { js: "import { createRequire as __ferryRequire } from 'node:module'; const require = __ferryRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return out;
}

function hwmMb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

interface Driver {
  child: ChildProcess;
  next(): Promise<Record<string, number>>;
}

async function startDriver(script: string, home: string, sb: Sandbox, link: ShapingProxyProcess): Promise<Driver> {
  const config = { home, env: envFor(home, sb), endpoint: link.endpoint, stsEndpoint: sb.stsEndpoint, roleArn: sb.roleArn, bucket: BUCKET };
  const child = spawn(process.execPath, [script, JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((fields: Record<string, number>) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(JSON.parse(line) as Record<string, number>));
  const driver = { child, next: () => new Promise<Record<string, number>>((resolve) => waiting.push(resolve)) };
  await driver.next(); // ready
  return driver;
}

async function stopDriver(driver: Driver): Promise<void> {
  if (driver.child.exitCode !== null) return;
  const exited = new Promise((r) => driver.child.once('exit', r));
  driver.child.kill('SIGKILL');
  await exited;
}

interface DropResult {
  firstByteMs: number;
  idleMb: number;
  peakMb: number;
  addedMs: number;
  /** Drop to idle (only when `whole`). */
  wholeSeconds?: number;
}

/** Drops `folder` on a fresh driver; with `whole`, waits for every file, else stops SETTLE_MS after add() replied. */
async function drop(script: string, home: string, sb: Sandbox, link: ShapingProxyProcess, folder: string, whole: boolean): Promise<DropResult> {
  const driver = await startDriver(script, home, sb, link);
  const pid = driver.child.pid!;
  const idleMb = hwmMb(pid);
  let peakMb = idleMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, hwmMb(pid))), 25);
  try {
    const { firstByte } = await link.arm();
    driver.child.stdin!.write(`drop ${folder}\n`);
    const { dropAt } = await driver.next();
    const added = await driver.next();
    const firstByteMs = (await firstByte) - dropAt!;
    let wholeSeconds: number | undefined;
    if (whole) {
      const idle = await driver.next();
      if (idle.failed) throw new Error(`${idle.failed} files did not upload`);
      wholeSeconds = (idle.idleAt! - dropAt!) / 1000;
    } else {
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }
    peakMb = Math.max(peakMb, hwmMb(pid));
    return { firstByteMs, idleMb, peakMb, addedMs: added.addedAt! - dropAt!, ...(wholeSeconds !== undefined ? { wholeSeconds } : {}) };
  } finally {
    clearInterval(sampler);
    await stopDriver(driver);
  }
}

async function walkSeconds(folder: string): Promise<number> {
  const started = performance.now();
  await walkPaths([folder]);
  return (performance.now() - started) / 1000;
}

const bench: BenchModule = {
  title: `Big folders (${FILES.toLocaleString('en')} × 4 KB and ${EMPTY.toLocaleString('en')} empty files dropped; ${RTT_MS} ms, ${LINK_MBIT} Mbit/s shaped link)`,
  async run(): Promise<BenchRow[]> {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-folders-bench-'));
    let sb: Sandbox | undefined;
    let link: ShapingProxyProcess | undefined;
    try {
      writeFileSync(path.join(home, 'package.json'), '{"type":"module"}');
      const script = await bundleDriver(home);
      sb = await startSandboxProcess(home);
      link = await startShapingProxyProcess(sb.ossEndpoint, RTT_MS, LINK_MBIT);
      const files = path.join(home, 'Project');
      await makeFolder(files, FILES, 4096);
      const empty = path.join(home, 'Empties');
      await makeFolder(empty, EMPTY, 0);
      const filesWalk = await walkSeconds(files);
      const emptyWalk = await walkSeconds(empty);

      const many = await drop(script, path.join(home, 'ferry-files'), sb, link, files, true);
      const lots = await drop(script, path.join(home, 'ferry-empty'), sb, link, empty, false);

      const services = await ferryServices(path.join(home, 'ferry-seq'), { ...sb, ossEndpoint: link.endpoint });
      const seqFiles = Math.min(200, FILES);
      const seqDir = path.join(home, 'seq');
      await mkdir(seqDir);
      for (let i = 0; i < seqFiles; i++) await writeFile(path.join(seqDir, `f${i}.txt`), Buffer.alloc(4096, 7));
      const seqRate = await sequentialRate(link.endpoint, await uploadCredentials(services), seqDir, seqFiles, 'bench/seq');
      await services.close();
      const ferryRate = FILES / many.wholeSeconds!;
      const n = (x: number) => x.toLocaleString('en');
      return [
        { name: `drop ${n(FILES)} files → first byte sent`, value: many.firstByteMs / 1000, unit: 's', baseline: filesWalk, baselineName: 'walking the whole folder', target: '< 1 s', met: many.firstByteMs < 1000 },
        { name: `drop ${n(EMPTY)} empty files → first byte sent`, value: lots.firstByteMs / 1000, unit: 's', baseline: emptyWalk, baselineName: 'walking the whole folder', target: '< 1 s', met: lots.firstByteMs < 1000 },
        { name: `  drop ${n(FILES)} files → add() replies (walk done)`, value: many.addedMs / 1000, unit: 's', baseline: filesWalk, baselineName: 'walking the whole folder' },
        { name: `  drop ${n(EMPTY)} empty → add() replies (walk done)`, value: lots.addedMs / 1000, unit: 's', baseline: emptyWalk, baselineName: 'walking the whole folder' },
        { name: `peak RSS, main services, ${n(FILES)} files`, value: many.peakMb, unit: 'MB', baseline: many.idleMb, baselineName: 'same process idle' },
        { name: `peak RSS, main services, ${n(EMPTY)} entries`, value: lots.peakMb, unit: 'MB', baseline: lots.idleMb, baselineName: 'same process idle', target: '<= 200 MB', met: lots.peakMb <= 200 },
        { name: `whole ${n(FILES)} files at ${RTT_MS} ms`, value: ferryRate, unit: 'files/s', baseline: seqRate, baselineName: 'sequential ali-oss put' },
        { name: `  the same in seconds`, value: many.wholeSeconds!, unit: 's', baseline: FILES / seqRate, baselineName: 'sequential ali-oss put, extrapolated' },
      ];
    } finally {
      await link?.close();
      if (sb && sb.child.exitCode === null) {
        sb.child.kill('SIGTERM');
        await new Promise((r) => sb!.child.once('exit', r));
      }
      rmSync(home, { recursive: true, force: true });
    }
  },
};

export default bench;
