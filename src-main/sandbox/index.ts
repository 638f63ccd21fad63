import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../storage/atomicJson.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import { parseSandboxConfig, type SandboxConfig } from './config.ts';
import { demoConfig, loadOrCreateDemoKey, loadOrCreateLinkKey } from './demo.ts';
import { FaultInjector } from './faults.ts';
import { Directory } from './iam/directory.ts';
import { createOssHandler } from './oss/ossServer.ts';
import { ServedOperations } from './oss/servedOperations.ts';
import { SandboxClock } from './sandboxClock.ts';
import { MultipartStore } from './storage/multipartStore.ts';
import { ObjectStore } from './storage/objectStore.ts';
import { createStsHandler } from './sts/stsServer.ts';
import type { OperationName } from './oss/operations.ts';
import { TokenAuthority } from './sts/tokens.ts';
import { AccessLogDelivery } from './oss/accessLog/delivery.ts';
import { BucketLoggingStore } from './storage/bucketLogging.ts';
import { ObjectAttributesStore } from './storage/objectAttributes.ts';

export {
  demoConfig,
  loadOrCreateDemoKey,
  loadOrCreateLinkKey,
  folderReadPolicy,
  bucketObjectPolicy, assumeRoleOnlyPolicy, generateDemoKey,
  DEMO_BUCKET,
  DEMO_FOLDER,
  DEMO_LINK_USER,
  DEMO_ROLE,
  DEMO_USER,
} from './demo.ts';
export type { FaultInput } from './faults.ts';
export type { OperationName } from './oss/operations.ts';
export { parseSandboxConfig, SandboxConfigError, type SandboxConfigInput, type SandboxConfig, type FaultSpec } from './config.ts';

export interface SandboxOptions {
  /** Folder for objects, uploads and the sandbox's own keys; survives restarts. */
  dataDir: string;
  /** OSS port on 127.0.0.1 (0 or omitted: any free port). */
  port?: number;
  /** STS port on 127.0.0.1 (0 or omitted: any free port). */
  stsPort?: number;
  /** Parsed or raw config (validated here). Omitted: the demo setup with a key kept in `dataDir`. */
  config?: unknown;
  /** Tunes the default demo setup (ignored when `config` is given). */
  demo?: { bucket?: string; maxSessionDuration?: number };
  /** Base clock; consulted on every request, so a ManualClock moves sandbox time live. */
  clock?: Clock;
}

/** The demo RAM user, role and bucket, as "Try it locally" and `ferry sandbox` announce them. */
export interface SandboxDemo {
  bucket: string;
  accessKeyId: string;
  accessKeySecret: string;
  roleArn: string;
  /** The link-signing user's key (config `demo.linkUser`): GetObject in the trial folder only. */
  linkSigningKey?: { accessKeyId: string; accessKeySecret: string };
}

export interface SandboxHandle {
  ossEndpoint: string;
  stsEndpoint: string;
  /** As ali-oss takes it: `oss-cn-hangzhou` (V4 signs the bare `cn-hangzhou`). */
  region: string;
  accountId: string;
  demo: SandboxDemo | undefined;
  config: SandboxConfig;
  faults: FaultInjector;
  /** Shifts sandbox time relative to the base clock (ms); replaces any earlier offset. */
  setClockOffset(ms: number): void;
  /** Freezes sandbox time at `ms` (epoch), or follows the base clock again with undefined. */
  setNow(ms: number | undefined): void;
  now(): number;
  /** Writes the access-log lines gathered so far now, rather than at the next delivery interval. */
  flushAccessLogs(): Promise<void>;
  /** OSS requests answered with success so far, by operation (read-only; for tests and diagnostics). */
  servedOperations(): Partial<Record<OperationName, number>>;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

/**
 * ali-oss options for a sandbox: path style (`sldEnable`) and `localhost` instead of 127.0.0.1,
 * because ali-oss's `signatureUrl` refuses IP endpoints. Add credentials, bucket, authorizationV4.
 */
export function aliOssOptions(handle: Pick<SandboxHandle, 'ossEndpoint' | 'region'>): {
  endpoint: string;
  region: string;
  sldEnable: true;
  secure: false;
} {
  return { endpoint: handle.ossEndpoint.replace('//127.0.0.1:', '//localhost:'), region: handle.region, sldEnable: true, secure: false };
}

const stateSchema = z.object({ tokenKey: z.string().regex(/^[0-9a-f]{64}$/), createdAt: z.number() });

async function loadState(dataDir: string): Promise<z.infer<typeof stateSchema>> {
  const file = path.join(dataDir, 'sandbox-state.json');
  const existing = await readJson(file, stateSchema);
  if (existing) return existing;
  const state = { tokenKey: TokenAuthority.generateKey().toString('hex'), createdAt: Date.now() };
  await writeJsonAtomic(file, state);
  return state;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, lets in-flight requests finish, and drops keep-alive sockets as they go idle. */
function shutdown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function demoOf(config: SandboxConfig, directory: Directory): SandboxDemo | undefined {
  const user = config.demo.user ? directory.user(config.demo.user) : config.users.find((u) => u.accessKeys.length > 0);
  const role = config.demo.role ? directory.role(config.demo.role) : config.roles[0];
  const bucket = config.demo.bucket ?? config.buckets[0]?.name;
  const key = user?.accessKeys[0];
  if (!key || !role || !bucket) return undefined;
  const linkKey = config.demo.linkUser ? directory.user(config.demo.linkUser)?.accessKeys[0] : undefined;
  return {
    bucket,
    accessKeyId: key.id,
    accessKeySecret: key.secret,
    roleArn: directory.roleArn(role.name),
    ...(linkKey ? { linkSigningKey: { accessKeyId: linkKey.id, accessKeySecret: linkKey.secret } } : {}),
  };
}

export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const raw = options.config ?? demoConfig({ key: await loadOrCreateDemoKey(options.dataDir), linkKey: await loadOrCreateLinkKey(options.dataDir), ...options.demo });
  const config = parseSandboxConfig(raw);
  const state = await loadState(options.dataDir);
  const directory = new Directory(config);
  const clock = new SandboxClock(options.clock ?? systemClock, config.time);
  const tokens = new TokenAuthority(Buffer.from(state.tokenKey, 'hex'));
  const objects = new ObjectStore(path.join(options.dataDir, 'oss'));
  const uploads = new MultipartStore(objects.layout);
  const bucketNames = config.buckets.map((b) => b.name);
  await objects.load(bucketNames);
  await uploads.load(bucketNames);
  const logging = new BucketLoggingStore(objects.layout);
  await logging.load(bucketNames);
  const accessLogs = new AccessLogDelivery(objects, config.accessLogs.deliveryIntervalSeconds * 1000, () => clock.now());
  const faults = new FaultInjector(config.faults);

  const stsServer = createServer(createStsHandler({ directory, tokens, clock }, faults));
  const served = new ServedOperations();
  const attributes = new ObjectAttributesStore(objects.layout);
  const ossContext = { directory, tokens, clock, objects, uploads, endpoint: '', createdAt: state.createdAt, served, attributes, logging, accessLogs };
  const ossServer = createServer({ requestTimeout: 0 }, createOssHandler(ossContext, faults));
  const ossPort = await listen(ossServer, options.port ?? 0);
  const stsPort = await listen(stsServer, options.stsPort ?? 0).catch(async (error: unknown) => {
    await shutdown(ossServer);
    throw error;
  });
  ossContext.endpoint = `http://127.0.0.1:${ossPort}`;
  accessLogs.start();

  return {
    ossEndpoint: ossContext.endpoint,
    stsEndpoint: `http://127.0.0.1:${stsPort}`,
    region: `oss-${config.region}`,
    accountId: config.accountId,
    demo: demoOf(config, directory),
    config,
    faults,
    setClockOffset: (ms) => clock.setOffset(ms),
    setNow: (ms) => clock.setNow(ms),
    now: () => clock.now(),
    servedOperations: () => served.snapshot(),
    flushAccessLogs: () => accessLogs.flush(),
    close: async () => {
      await Promise.all([shutdown(ossServer), shutdown(stsServer)]);
      await accessLogs.close();
    },
  };
}
