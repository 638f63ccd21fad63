// Uploads through an office proxy: Debian's tinyproxy on 127.0.0.1 (HTTP CONNECT tunnels), against the
// same upload straight to the sandbox, measured in the same run with the same services, switched by the
// app's network setting. The sandbox runs in its own process (`ferry sandbox`); data lives in os.tmpdir().
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from '../../src-main/app/services.ts';
import { ProfileInputSchema } from '../../src-main/contract/profiles.ts';
import { recordingPorts } from '../../src-main/ports/recordingPorts.ts';
import { bucketObjectPolicy } from '../../src-main/sandbox/index.ts';
import type { BenchModule, BenchRow } from './report.ts';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.FERRY_BENCH_PROXY_MB ?? 128);
const ROUNDS = 2;
const KEY = { id: 'FakeProxyBenchKeyId001', secret: 'proxy-bench-secret-000000001' };
const BUCKET = 'bench';
const FERRY = fileURLToPath(new URL('../../src-main/cli/ferry.mjs', import.meta.url));
const TINYPROXY = '/usr/bin/tinyproxy';

async function startSandbox(home: string): Promise<{ ossEndpoint: string; stsEndpoint: string; roleArn: string; child: ChildProcess }> {
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
  return { ...(JSON.parse(line) as { ossEndpoint: string; stsEndpoint: string; roleArn: string }), child };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startTinyproxy(home: string): Promise<{ url: string; log: () => string; child: ChildProcess }> {
  const port = await freePort();
  const logFile = path.join(home, 'tinyproxy.log');
  const conf = path.join(home, 'tinyproxy.conf');
  writeFileSync(conf, [`Port ${port}`, 'Listen 127.0.0.1', 'Timeout 600', 'LogLevel Connect', `LogFile "${logFile}"`, 'MaxClients 100', 'Allow 127.0.0.1'].join('\n') + '\n');
  const child = spawn(TINYPROXY, ['-d', '-c', conf], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''), child };
}

async function makeFile(file: string, mb: number): Promise<void> {
  const block = Buffer.alloc(MB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const out = createWriteStream(file);
  for (let i = 0; i < mb; i++) {
    block.writeUInt32LE(i, 0);
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Seconds from "add" to done for one upload of `file`. */
async function upload(services: Services, file: string): Promise<number> {
  const started = performance.now();
  const reply = await services.uploads.add([file], { source: 'args', collision: 'replace' });
  await services.uploads.whenIdle();
  const failed = (await services.uploads.list('en')).filter((i) => reply.ids.includes(i.id) && i.state !== 'done');
  if (failed.length > 0) throw new Error(`bench upload failed: ${JSON.stringify(failed[0])}`);
  await services.uploads.clearFinished();
  return (performance.now() - started) / 1000;
}

const bench: BenchModule = {
  title: `Uploads through a proxy (tinyproxy, ${SIZE_MB} MiB, best of ${ROUNDS}, same run)`,
  async run(): Promise<BenchRow[]> {
    if (!existsSync(TINYPROXY)) return [{ name: 'tinyproxy is not installed (.ci/run installs it): skipped', value: 0, unit: '' }];
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-proxy-'));
    const sb = await startSandbox(home);
    const proxy = await startTinyproxy(home);
    let services: Services | undefined;
    try {
      const env = { PATH: process.env.PATH, FERRY_HOME: home, OSS_ACCESS_KEY_ID: KEY.id, OSS_ACCESS_KEY_SECRET: KEY.secret, OSS_STS_ROLE_ARN: sb.roleArn };
      services = await createServices({ home, ports: recordingPorts(), appVersion: 'bench', systemLocale: () => 'en', env });
      await services.accounts.save({
        profile: ProfileInputSchema.parse({ name: 'Bench', endpoint: sb.ossEndpoint, stsEndpoint: sb.stsEndpoint, region: 'cn-hangzhou', bucket: BUCKET, roleArn: sb.roleArn, prefixTemplate: 'bench/', credentialSource: 'env' }),
      });
      const file = path.join(home, 'upload.bin');
      await makeFile(file, SIZE_MB);
      const best = { direct: Infinity, proxy: Infinity };
      // Alternating, so neither side gets the warmer caches or the quieter moment.
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of ['direct', 'proxy'] as const) {
          await services.settings.update({ network: side === 'direct' ? { mode: 'none' } : { mode: 'fixed', url: proxy.url } });
          best[side] = Math.min(best[side], await upload(services, file));
        }
      }
      const tunnels = (proxy.log().match(/CONNECT /g) ?? []).length;
      if (tunnels === 0) throw new Error('the proxy rows did not go through tinyproxy');
      const direct = SIZE_MB / best.direct;
      const viaProxy = SIZE_MB / best.proxy;
      return [
        { name: `${SIZE_MB} MiB upload through tinyproxy (${tunnels} tunnels)`, value: viaProxy, unit: 'MiB/s', baseline: direct, baselineName: 'direct', target: '>= 0.5x direct', met: viaProxy >= 0.5 * direct },
      ];
    } finally {
      await services?.close();
      proxy.child.kill();
      sb.child.kill();
      rmSync(home, { recursive: true, force: true });
    }
  },
};

export default bench;
