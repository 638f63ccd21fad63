// "Share as one link": peak RSS of the bundled `ferry upload --zip` while it zips many files (2 GiB in
// all by default) and uploads the zip as it is made, against the same CLI idle, with the uploads
// bench's memory target. Also the zip's throughput next to a plain `ferry upload` of the same files.
// The sandbox runs in its own process (`ferry sandbox`); data lives in os.tmpdir().
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bucketObjectPolicy } from '../../src-main/sandbox/index.ts';
import type { BenchModule, BenchRow } from './report.ts';

const MB = 1024 * 1024;
const ZIP_MB = Number(process.env.FERRY_BENCH_ZIP_MB ?? 2048);
const FILES = Number(process.env.FERRY_BENCH_ZIP_FILES ?? 256);
const KEY = { id: 'FakeZipBenchKeyId0001', secret: 'zip-bench-secret-0000000001' };
const BUCKET = 'bench';
const FERRY = fileURLToPath(new URL('../../src-main/cli/ferry.mjs', import.meta.url));

interface Sandbox {
  roleArn: string;
  ossEndpoint: string;
  stsEndpoint: string;
  child: ChildProcess;
}

async function startSandbox(home: string): Promise<Sandbox> {
  const configFile = path.join(home, 'sandbox.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      buckets: [{ name: BUCKET }],
      users: [{ name: 'bench', accessKeys: [KEY], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:*', 'sts:AssumeRole'], Resource: '*' }] }] }],
      roles: [{ name: 'uploader', policies: [bucketObjectPolicy(BUCKET)] }],
    }),
  );
  const child = spawn(process.execPath, [FERRY, 'sandbox', '--data', path.join(home, 'sandbox'), '--config', configFile], {
    env: { ...process.env, FERRY_HOME: path.join(home, 'sandbox-home') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { ...(JSON.parse(line) as Omit<Sandbox, 'child'>), child };
}

/** `count` files of `mb` MiB in all, of varied bytes, in one folder. */
async function makeFiles(dir: string, mb: number, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const block = Buffer.alloc(MB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const perFile = Math.max(1, Math.floor(mb / count));
  for (let f = 0; f < count; f++) {
    const out = createWriteStream(path.join(dir, `scan ${String(f).padStart(4, '0')} 扫描.bin`));
    for (let i = 0; i < perFile; i++) {
      block.writeUInt32LE(f * 65_536 + i, 0);
      if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** The CLI bundled into one file, as the uploads bench measures it (Ferry's memory, not tsx's). */
async function bundleCli(home: string): Promise<string> {
  const root = path.join(home, 'cli');
  const out = path.join(root, 'src-main', 'cli', 'ferry.mjs');
  await mkdir(path.dirname(out), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), readFileSync(new URL('../../package.json', import.meta.url)));
  const entry = path.join(root, 'entry.mjs');
  const main = fileURLToPath(new URL('../../src-main/cli/main.ts', import.meta.url));
  writeFileSync(entry, `import { runCli } from ${JSON.stringify(main)};\nprocess.exitCode = await runCli(process.argv.slice(2));\n`);
  await build({
    entryPoints: [entry],
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

function statusKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Peak RSS (MB) and seconds of `node <script> <args>`, sampled until it exits. */
async function measure(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ peakMb: number; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, statusKb(child.pid!))), 50);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve)).finally(() => clearInterval(sampler));
  if (code !== 0) throw new Error(`ferry ${args[0]} exited ${code}`);
  return { peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000 };
}

const bench: BenchModule = {
  title: `Share as one link (a zip of ${FILES} files, ${ZIP_MB} MiB in all, made while it uploads)`,
  async run(): Promise<BenchRow[]> {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-zip-bench-'));
    let sb: Sandbox | undefined;
    try {
      sb = await startSandbox(home);
      const env = { PATH: process.env.PATH, FERRY_HOME: path.join(home, 'ferry'), OSS_ACCESS_KEY_ID: KEY.id, OSS_ACCESS_KEY_SECRET: KEY.secret, OSS_STS_ROLE_ARN: sb.roleArn };
      const bundled = await bundleCli(home);
      await measure(bundled, ['profile', 'add', '--name', 'Bench', '--endpoint', sb.ossEndpoint, '--sts', sb.stsEndpoint, '--region', 'cn-hangzhou', '--bucket', BUCKET, '--role', sb.roleArn, '--prefix', 'bench/', '--source', 'env'], env);
      const folder = path.join(home, 'many');
      await makeFiles(folder, ZIP_MB, FILES);
      const idle = await measure(bundled, ['--version'], env);
      const zip = await measure(bundled, ['upload', '--zip', 'bench', folder, '--json'], env);
      const plain = await measure(bundled, ['upload', folder, '--json'], env);
      rmSync(folder, { recursive: true });
      return [
        { name: `peak RSS, ferry upload --zip of ${ZIP_MB} MiB in ${FILES} files (bundled CLI)`, value: zip.peakMb, unit: 'MB', baseline: idle.peakMb, baselineName: 'same CLI idle', target: '<= 150 MB', met: zip.peakMb > 0 && zip.peakMb <= 150 },
        { name: '  same files uploaded one by one (for reference)', value: plain.peakMb, unit: 'MB', baseline: idle.peakMb, baselineName: 'same CLI idle' },
        { name: 'zip made while uploading', value: ZIP_MB / zip.seconds, unit: 'MB/s', baseline: ZIP_MB / plain.seconds, baselineName: 'the files uploaded one by one' },
      ];
    } finally {
      sb?.child.kill('SIGTERM');
      rmSync(home, { recursive: true, force: true });
    }
  },
};

export default bench;
