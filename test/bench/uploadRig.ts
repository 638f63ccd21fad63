// What the upload benchmarks share: the sandbox in its own process (`ferry sandbox`), Ferry's services
// pointed at it, test files, and the plain ali-oss / node:http baselines.
import OSS from 'ali-oss';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { request, type Agent, type ClientRequest } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from '../../src-main/app/services.ts';
import { ProfileInputSchema } from '../../src-main/contract/profiles.ts';
import type { OssCredentials } from '../../src-main/credentials/types.ts';
import { bucketObjectPolicy } from '../../src-main/sandbox/index.ts';
import { recordingPorts } from '../../src-main/ports/recordingPorts.ts';

export const MB = 1024 * 1024;
export const KEY = { id: 'FakeUploadBenchKeyId01', secret: 'upload-bench-secret-000000001' };
export const BUCKET = 'bench';
export const FERRY = fileURLToPath(new URL('../../src-main/cli/ferry.mjs', import.meta.url));

export interface Sandbox {
  ossEndpoint: string;
  stsEndpoint: string;
  roleArn: string;
  child: ChildProcess;
}

/** `latencyMs`: every OSS request is held that long before it is served, as a network round trip would. */
export async function startSandboxProcess(home: string, latencyMs = 0): Promise<Sandbox> {
  const configFile = path.join(home, 'sandbox.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      buckets: [{ name: BUCKET }],
      users: [{ name: 'bench', accessKeys: [KEY], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:*', 'sts:AssumeRole'], Resource: '*' }] }] }],
      roles: [{ name: 'uploader', policies: [bucketObjectPolicy(BUCKET)] }],
      faults: latencyMs > 0 ? [{ service: 'oss', delayMs: latencyMs }] : [],
    }),
  );
  const child = spawn(process.execPath, [FERRY, 'sandbox', '--data', path.join(home, 'sandbox'), '--config', configFile], {
    env: { ...process.env, FERRY_HOME: path.join(home, 'sandbox-home') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const info = JSON.parse(line) as { ossEndpoint: string; stsEndpoint: string; roleArn: string };
  return { ...info, child };
}


/** A file of `mb` MiB of varied (not all-zero) bytes. */
export async function makeFile(file: string, mb: number): Promise<void> {
  const block = Buffer.alloc(MB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const out = createWriteStream(file);
  for (let i = 0; i < mb; i++) {
    block.writeUInt32LE(i, 0);
    if (!out.write(block)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** One V1-signed PUT of `size` bytes to the sandbox; `send` writes the body into the request. */
export function signedPut(endpoint: string, key: string, size: number, send: (req: ClientRequest) => void, agent?: Agent): Promise<void> {
  const resource = `/${BUCKET}/${key}`;
  const date = new Date().toUTCString();
  const sig = createHmac('sha1', KEY.secret).update(`PUT\n\n\n${date}\n${resource}`).digest('base64');
  return new Promise<void>((resolve, reject) => {
    const req = request(`${endpoint}${resource}`, { ...(agent ? { agent } : {}), method: 'PUT', headers: { 'Content-Length': String(size), Date: date, Authorization: `OSS ${KEY.id}:${sig}` } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`raw PUT answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    send(req);
  });
}


/** The baseline: a V1-signed PutObject streaming the file with node:http and nothing else (seconds). */
export async function rawPut(endpoint: string, key: string, file: string, size: number): Promise<number> {
  const started = performance.now();
  await signedPut(endpoint, key, size, (req) => void pipeline(createReadStream(file, { highWaterMark: MB }), req).catch((error: Error) => req.destroy(error)));
  return (performance.now() - started) / 1000;
}

export function envFor(home: string, sb: Sandbox): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, FERRY_HOME: home, OSS_ACCESS_KEY_ID: KEY.id, OSS_ACCESS_KEY_SECRET: KEY.secret, OSS_STS_ROLE_ARN: sb.roleArn };
}

export async function ferryServices(home: string, sb: Sandbox): Promise<Services> {
  const services = await createServices({ home, ports: recordingPorts(), appVersion: 'bench', systemLocale: () => 'en', env: envFor(home, sb) });
  const existing = await services.accounts.list();
  if (existing.profiles.length === 0) {
    await services.accounts.save({
      profile: ProfileInputSchema.parse({ name: 'Bench', endpoint: sb.ossEndpoint, stsEndpoint: sb.stsEndpoint, region: 'cn-hangzhou', bucket: BUCKET, roleArn: sb.roleArn, prefixTemplate: 'bench/', credentialSource: 'env' }),
    });
  }
  return services;
}

/**
 * Uploads with Ferry in this process; resolves with seconds from "add" to the last file done, and the
 * seconds spent after the last part (Complete: the sandbox concatenates the parts into one file).
 */
export async function ferryUpload(services: Services, paths: string[]): Promise<number>;
export async function ferryUpload(services: Services, paths: string[], timing: { completeSeconds: number }): Promise<number>;
export async function ferryUpload(services: Services, paths: string[], timing?: { completeSeconds: number }): Promise<number> {
  const started = performance.now();
  let verifyingAt: number | undefined;
  const unsubscribe = services.uploads.onChanged((items) => {
    if (verifyingAt === undefined && items.some((i) => i.state === 'verifying')) verifyingAt = performance.now();
  });
  const reply = await services.uploads.add(paths, { source: 'args', collision: 'replace' });
  await services.uploads.whenIdle();
  unsubscribe();
  if (timing) timing.completeSeconds = verifyingAt === undefined ? 0 : (performance.now() - verifyingAt) / 1000;
  const items = await services.uploads.list('en');
  const failed = items.filter((i) => reply.ids.includes(i.id) && i.state !== 'done');
  if (failed.length > 0) throw new Error(`bench upload failed: ${JSON.stringify(failed[0])}`);
  await services.uploads.clearFinished();
  return (performance.now() - started) / 1000;
}


/** The STS credentials Ferry uploads with, for the plain ali-oss baselines. */
export async function uploadCredentials(services: Services): Promise<OssCredentials> {
  return services.broker.get((await services.accounts.active())!.id, 'upload');
}

/** Files per second putting `files` of `dir` one after another with plain ali-oss, signed as Ferry signs (V4, STS). */
export async function sequentialRate(endpoint: string, creds: OssCredentials, dir: string, files: number, prefix: string): Promise<number> {
  const plain = new OSS({ endpoint, region: 'oss-cn-hangzhou', bucket: BUCKET, sldEnable: true, authorizationV4: true, accessKeyId: creds.accessKeyId, accessKeySecret: creds.accessKeySecret, stsToken: creds.securityToken!, refreshSTSTokenInterval: 3_600_000 } as OSS.Options);
  const t = performance.now();
  for (let i = 0; i < files; i++) await plain.put(`${prefix}/f${i}.txt`, path.join(dir, `f${i}.txt`));
  return files / ((performance.now() - t) / 1000);
}


export interface ShapingProxyProcess {
  /** The OSS endpoint through the shaped link. */
  endpoint: string;
  /** Resolves once the link watches for the next byte a client sends; `firstByte` then gives its epoch ms. */
  arm(): Promise<{ firstByte: Promise<number> }>;
  close(): Promise<void>;
}

/** shapingProxy.ts in its own process, in front of `target` (an http://127.0.0.1:port endpoint). */
export async function startShapingProxyProcess(target: string, rttMs: number, mbit: number): Promise<ShapingProxyProcess> {
  const script = fileURLToPath(new URL('./shapingProxy.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, new URL(target).port, String(rttMs), String(mbit)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = (): Promise<string> => new Promise((resolve) => waiting.push(resolve));
  const { port } = JSON.parse(await next()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async arm() {
      const armed = next();
      const first = next();
      child.stdin!.write('arm\n');
      await armed;
      return { firstByte: first.then((line) => (JSON.parse(line) as { firstByteAt: number }).firstByteAt) };
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.end();
      await exited;
    },
  };
}
