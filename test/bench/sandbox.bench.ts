// Sandbox throughput and memory: a streamed 1 GiB PutObject must keep the server's RSS under 150 MB,
// and the sandbox should not be the bottleneck of Ferry's upload benchmarks (compared with a bare
// node:http sink that writes the body to disk, measured in the same run).
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** The baseline: node:http writing the request body straight to a file. */
async function bareSink(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    void pipeline(req, createWriteStream(path.join(dir, 'sink.bin'))).then(() => res.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sink` };
}

const bench: BenchModule = {
  title: `Sandbox: streamed PutObject (${TOTAL_MB} MiB)`,
  async run(): Promise<BenchRow[]> {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-sandbox-bench-'));
    try {
      const configFile = path.join(home, 'config.json');
      writeFileSync(
        configFile,
        JSON.stringify({
          buckets: [{ name: 'bench' }],
          users: [{ name: 'bench', accessKeys: [KEY], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] }] }],
        }),
      );
      const child = spawn(process.execPath, [FERRY, 'sandbox', '--data', path.join(home, 'data'), '--config', configFile], {
        env: { ...process.env, FERRY_HOME: home },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
      const { ossEndpoint } = JSON.parse(first) as { ossEndpoint: string };
      const idle = rssMb(child.pid!);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 50);

      const totalBytes = TOTAL_MB * MB;
      const sandboxSeconds = await put(`${ossEndpoint}/bench/big.bin`, totalBytes, '/bench/big.bin');
      clearInterval(sampler);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));

      const sink = await bareSink(home);
      const bareSeconds = await put(sink.url, totalBytes);
      sink.server.close();

      const sandboxRate = TOTAL_MB / sandboxSeconds;
      const bareRate = TOTAL_MB / bareSeconds;
      return [
        { name: 'PutObject throughput', value: sandboxRate, unit: 'MB/s', baseline: bareRate, baselineName: 'bare http→file', target: '>= 0.3× bare sink', met: sandboxRate >= 0.3 * bareRate },
        { name: 'server RSS peak', value: peak, unit: 'MB', target: '< 150 MB', met: peak > 0 ? peak < 150 : undefined },
        { name: 'server RSS growth', value: peak - idle, unit: 'MB', baseline: idle, baselineName: 'idle RSS' },
      ];
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};

export default bench;
