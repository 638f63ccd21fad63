// Sandbox throughput and memory: a streamed 1 GiB PutObject must keep the server's RSS under 150 MB,
// and the sandbox should not be the bottleneck of Ferry's upload benchmarks (compared with a bare
// node:http sink that writes the body to disk, measured in the same run). CompleteMultipartUpload of
// the same number of bytes should take a small fraction of the PUT: it must not copy the data again.
import OSS from 'ali-oss';
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { bucketObjectPolicy } from '../../src-main/sandbox/index.ts';
import type { BenchModule, BenchRow } from './report.ts';

const MB = 1024 * 1024;
const TOTAL_MB = Number(process.env.FERRY_BENCH_SANDBOX_MB ?? 1024);
const PART_MB = Number(process.env.FERRY_BENCH_SANDBOX_PART_MB ?? 8);
const SMALL_REQUESTS = Number(process.env.FERRY_BENCH_SANDBOX_REQUESTS ?? 2400);
const CLIENTS = 12;
const KEY = { id: 'FakeBenchKeyId00000001', secret: 'bench-secret-0000000000000001' };
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
  /** Whatever `then` measured on the same server after the PUT. */
  extra?: number;
}

/**
 * Uploads `totalBytes` to the bench bucket as a multipart upload (`PART_MB` parts, 4 at a time, with
 * ali-oss's primitives) and resolves with the seconds CompleteMultipartUpload alone took.
 */
async function completeSeconds(ossEndpoint: string, totalBytes: number): Promise<number> {
  const client = new OSS({
    endpoint: ossEndpoint.replace('//127.0.0.1:', '//localhost:'),
    region: 'oss-cn-hangzhou',
    sldEnable: true,
    secure: false,
    bucket: 'bench',
    accessKeyId: KEY.id,
    accessKeySecret: KEY.secret,
    timeout: 600_000,
  } as OSS.Options);
  const key = 'multipart.bin';
  const partBytes = PART_MB * MB;
  const count = Math.ceil(totalBytes / partBytes);
  const block = Buffer.alloc(partBytes);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const { uploadId } = await client.initMultipartUpload(key);
  const done: { number: number; etag: string }[] = [];
  let next = 1;
  const worker = async (): Promise<void> => {
    for (let n = next++; n <= count; n = next++) {
      const size = Math.min(partBytes, totalBytes - (n - 1) * partBytes);
      const { etag } = await client.uploadPart(key, uploadId, n, block as never, 0, size);
      done.push({ number: n, etag });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  done.sort((a, b) => a.number - b.number);
  const started = performance.now();
  await client.completeMultipartUpload(key, uploadId, done, { timeout: 600_000 } as OSS.CompleteMultipartUploadOptions);
  return (performance.now() - started) / 1000;
}

/**
 * Spawns a server that prints `{"ossEndpoint":…}` first, PUTs the body to it, samples its RSS; then
 * runs `then` against the same server, if given.
 */
async function measure(
  command: string[],
  env: NodeJS.ProcessEnv,
  urlPath: string,
  totalBytes: number,
  sign?: string,
  then?: (ossEndpoint: string) => Promise<number>,
): Promise<Measured> {
  const child = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const { ossEndpoint } = JSON.parse(first) as { ossEndpoint: string };
    const idleMb = rssMb(child.pid!);
    let peakMb = idleMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(child.pid!))), 50);
    const seconds = await put(`${ossEndpoint}${urlPath}`, totalBytes, sign).finally(() => clearInterval(sampler));
    return { seconds, idleMb, peakMb, ...(then ? { extra: await then(ossEndpoint) } : {}) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** A server answering every request 200 at once: what node:http alone costs per request. */
const BARE_HTTP = `
const { createServer } = require('node:http');
const object = Buffer.alloc(10 * 1024, 7);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Length': req.method === 'PUT' ? 0 : object.length });
    res.end(req.method === 'GET' ? object : undefined);
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ ossEndpoint: 'http://127.0.0.1:' + server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

interface SmallCpu {
  put: number;
  head: number;
  get: number;
}

/** Runs `count` calls of `one(client, i)` spread over `clients`, each client one call at a time. */
async function spread(clients: OSS[], count: number, one: (client: OSS, i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(clients.map(async (client) => {
    for (let i = next++; i < count; i = next++) await one(client, i);
  }));
}

/** The server's CPU (ms) per 10 KB PutObject, HeadObject and GetObject, `CLIENTS` requests at a time. */
async function smallRequestCpu(pid: number, ossEndpoint: string, credentials: { accessKeyId: string; accessKeySecret: string; stsToken: string }): Promise<SmallCpu> {
  const clients = Array.from({ length: CLIENTS }, () => new OSS({
    endpoint: ossEndpoint.replace('//127.0.0.1:', '//localhost:'),
    region: 'oss-cn-hangzhou',
    sldEnable: true,
    secure: false,
    bucket: 'bench',
    authorizationV4: true,
    // Only silences ali-oss's refreshSTSToken warning (the bench ends long before the token expires).
    refreshSTSTokenInterval: 3_600_000,
    ...credentials,
  } as OSS.Options));
  const object = Buffer.alloc(10 * 1024, 7);
  const key = (i: number): string => `small/f${i}.txt`;
  await spread(clients, Math.min(200, SMALL_REQUESTS), (c, i) => c.put(`warm/f${i}.txt`, object));
  const perRequest = async (work: (client: OSS, i: number) => Promise<unknown>): Promise<number> => {
    const before = cpuMs(pid);
    await spread(clients, SMALL_REQUESTS, work);
    return (cpuMs(pid) - before) / SMALL_REQUESTS;
  };
  const put = await perRequest((c, i) => c.put(key(i), object));
  const head = await perRequest((c, i) => c.head(key(i)));
  const get = await perRequest((c, i) => c.get(key(i)));
  return { put, head, get };
}

/** Starts `ferry sandbox` with a role to assume (as Ferry uploads), then measures it and a bare server. */
async function measureSmall(home: string): Promise<{ sandbox: SmallCpu; bare: SmallCpu }> {
  const configFile = path.join(home, 'small.json');
  writeFileSync(configFile, JSON.stringify({
    buckets: [{ name: 'bench' }],
    users: [{ name: 'bench', accessKeys: [KEY], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:*', 'sts:AssumeRole'], Resource: '*' }] }] }],
    roles: [{ name: 'uploader', policies: [bucketObjectPolicy('bench')] }],
  }));
  const env = { ...process.env, FERRY_HOME: home };
  const serve = async <T>(command: string[], work: (pid: number, info: { ossEndpoint: string; stsEndpoint?: string; roleArn?: string }) => Promise<T>): Promise<T> => {
    const child = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
      return await work(child.pid!, JSON.parse(first) as { ossEndpoint: string });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  let credentials: { accessKeyId: string; accessKeySecret: string; stsToken: string } | undefined;
  const sessionPolicy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:PutObject', 'oss:GetObject'], Resource: ['acs:oss:*:*:bench/*'] }] });
  const sandbox = await serve([FERRY, 'sandbox', '--data', path.join(home, 'small-data'), '--config', configFile], async (pid, info) => {
    const sts = new OSS.STS({ accessKeyId: KEY.id, accessKeySecret: KEY.secret, endpoint: info.stsEndpoint } as never);
    const { credentials: c } = await sts.assumeRole(info.roleArn!, sessionPolicy, 3600, 'bench');
    credentials = { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, stsToken: c.SecurityToken };
    return smallRequestCpu(pid, info.ossEndpoint, credentials);
  });
  const bare = await serve(['-e', BARE_HTTP], (pid, info) => smallRequestCpu(pid, info.ossEndpoint, credentials!));
  return { sandbox, bare };
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
        (endpoint) => completeSeconds(endpoint, totalBytes),
      );
      const cli = await measure([FERRY, 'sandbox', '--data', path.join(home, 'cli-data'), '--config', configFile], env, '/bench/big.bin', totalBytes, '/bench/big.bin');
      const bare = await measure(['-e', BARE_SINK, path.join(home, 'sink.bin')], env, '/sink', totalBytes);
      const sandboxRate = TOTAL_MB / sandbox.seconds;
      const bareRate = TOTAL_MB / bare.seconds;
      const growth = sandbox.peakMb - sandbox.idleMb;
      const bareGrowth = bare.peakMb - bare.idleMb;
      const sampled = sandbox.peakMb > 0;
      const complete = sandbox.extra!;
      const parts = Math.ceil(TOTAL_MB / PART_MB);
      const small = await measureSmall(home);
      const cpuRow = (op: string, value: number, baseline: number): BenchRow => ({
        name: `sandbox CPU per 10 KB ${op}, ${CLIENTS} concurrent ali-oss clients`,
        value,
        unit: 'ms',
        baseline,
        baselineName: 'bare node:http answering 200',
        target: '<= 1 ms',
        met: value <= 1,
      });
      return [
        cpuRow('PutObject', small.sandbox.put, small.bare.put),
        cpuRow('HeadObject', small.sandbox.head, small.bare.head),
        cpuRow('GetObject', small.sandbox.get, small.bare.get),
        {
          name: `CompleteMultipartUpload (${TOTAL_MB} MiB, ${parts} parts)`,
          value: complete,
          unit: 's',
          baseline: sandbox.seconds,
          baselineName: 'PutObject of the same bytes',
          target: '<= 0.05× PUT',
          met: complete <= 0.05 * sandbox.seconds,
        },
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
