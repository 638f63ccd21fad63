// Sandbox throughput and memory: a streamed 1 GiB PutObject must keep the server's RSS under 150 MB,
// and the sandbox should not be the bottleneck of Ferry's upload benchmarks (compared with a bare
// node:http sink that writes the body to disk, measured in the same run).
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { BenchModule, BenchRow } from './report.ts';

const MB = 1024 * 1024;
const TOTAL_MB = Number(process.env.FERRY_BENCH_SANDBOX_MB ?? 1024);
const KEY = { id: 'LTAI5tBench00000000001', secret: 'bench-secret-0000000000000001' };
const FERRY = fileURLToPath(new URL('../../src-main/cli/ferry.mjs', import.meta.url));

function body(totalBytes: number): Readable {
  const chunk = Buffer.alloc(MB);
  for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((i * 2654435761) >>> 0, i);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= totalBytes) return void this.push(null);
      const n = Math.min(chunk.length, totalBytes - sent);
      sent += n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** PUT `totalBytes` to `url`; with `sign`, as a V1-signed OSS PutObject. Resolves with seconds taken. */
async function put(url: string, totalBytes: number, sign?: string): Promise<number> {
  const date = new Date().toUTCString();
  const headers: Record<string, string> = { 'Content-Length': String(totalBytes), Date: date };
  if (sign) {
    const sig = createHmac('sha1', KEY.secret).update(`PUT\n\n\n${date}\n${sign}`).digest('base64');
    headers.Authorization = `OSS ${KEY.id}:${sig}`;
  }
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PUT answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    pipeline(body(totalBytes), req).catch(reject);
  });
  return (performance.now() - started) / 1000;
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** The baseline server: plain node:http writing the body to a file and fsyncing it, as the sandbox does. */
const BARE_SINK = `
const { createServer } = require('node:http');
const { createWriteStream, fsyncSync, openSync, closeSync } = require('node:fs');
const { pipeline } = require('node:stream/promises');
const file = process.argv[1];
const server = createServer((req, res) => {
  pipeline(req, createWriteStream(file)).then(() => { const fd = openSync(file, 'r+'); fsyncSync(fd); closeSync(fd); res.end(); });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ ossEndpoint: 'http://127.0.0.1:' + server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** The sandbox server alone, as "Try it locally" and the tests host it: startSandbox in a bare process. */
const SANDBOX_ONLY = `
const { startSandbox } = await import(process.argv[1]);
const sb = await startSandbox({ dataDir: process.argv[2], config: JSON.parse(process.argv[3]) });
console.log(JSON.stringify({ ossEndpoint: sb.ossEndpoint }));
process.on('SIGTERM', () => sb.close().then(() => process.exit(0)));
`;
const SANDBOX_MODULE = new URL('../../src-main/sandbox/index.ts', import.meta.url).href;

interface Measured {
  seconds: number;
  idleMb: number;
  peakMb: number;
}

/** Spawns a server that prints `{"ossEndpoint":…}` first, PUTs the body to it, samples its RSS. */
async function measure(command: string[], env: NodeJS.ProcessEnv, urlPath: string, totalBytes: number, sign?: string): Promise<Measured> {
  const child = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const { ossEndpoint } = JSON.parse(first) as { ossEndpoint: string };
    const idleMb = rssMb(child.pid!);
    let peakMb = idleMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(child.pid!))), 50);
    const seconds = await put(`${ossEndpoint}${urlPath}`, totalBytes, sign).finally(() => clearInterval(sampler));
    return { seconds, idleMb, peakMb };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const bench: BenchModule = {
  title: `Sandbox: streamed PutObject (${TOTAL_MB} MiB)`,
  async run(): Promise<BenchRow[]> {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-sandbox-bench-'));
    try {
      const configFile = path.join(home, 'config.json');
      const config = {
        buckets: [{ name: 'bench' }],
        users: [{ name: 'bench', accessKeys: [KEY], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] }] }],
      };
      writeFileSync(configFile, JSON.stringify(config));
      const totalBytes = TOTAL_MB * MB;
      const env = { ...process.env, FERRY_HOME: home };
      const sandbox = await measure(
        ['--import', 'tsx', '--input-type=module', '-e', SANDBOX_ONLY, SANDBOX_MODULE, path.join(home, 'data'), JSON.stringify(config)],
        env,
        '/bench/big.bin',
        totalBytes,
        '/bench/big.bin',
      );
      const cli = await measure([FERRY, 'sandbox', '--data', path.join(home, 'cli-data'), '--config', configFile], env, '/bench/big.bin', totalBytes, '/bench/big.bin');
      const bare = await measure(['-e', BARE_SINK, path.join(home, 'sink.bin')], env, '/sink', totalBytes);
      const sandboxRate = TOTAL_MB / sandbox.seconds;
      const bareRate = TOTAL_MB / bare.seconds;
      const growth = sandbox.peakMb - sandbox.idleMb;
      const bareGrowth = bare.peakMb - bare.idleMb;
      const sampled = sandbox.peakMb > 0;
      return [
        { name: 'PutObject throughput', value: sandboxRate, unit: 'MB/s', baseline: bareRate, baselineName: 'bare http→file+fsync', target: '>= 0.3× bare sink', met: sandboxRate >= 0.3 * bareRate },
        { name: 'server RSS peak (startSandbox process)', value: sandbox.peakMb, unit: 'MB', baseline: bare.peakMb, baselineName: 'bare sink peak', target: '< 150 MB', ...(sampled ? { met: sandbox.peakMb < 150 } : {}) },
        { name: '`ferry sandbox` CLI RSS peak', value: cli.peakMb, unit: 'MB', baseline: cli.idleMb, baselineName: 'CLI idle' },
        { name: '`ferry sandbox` CLI throughput', value: TOTAL_MB / cli.seconds, unit: 'MB/s', baseline: bareRate, baselineName: 'bare http→file+fsync' },
        { name: 'server RSS idle', value: sandbox.idleMb, unit: 'MB', baseline: bare.idleMb, baselineName: 'bare sink idle' },
        { name: 'server RSS growth while streaming', value: growth, unit: 'MB', baseline: bareGrowth, baselineName: 'bare sink growth', target: '<= bare + 16 MB', ...(sampled ? { met: growth <= bareGrowth + 16 } : {}) },
      ];
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};

export default bench;
