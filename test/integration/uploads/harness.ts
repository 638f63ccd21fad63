import { createNetwork } from '../../../src-main/network/network.ts';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { demoConfig, generateDemoKey, DEMO_ROLE } from '../../../src-main/sandbox/index.ts';
import type { DemoKey } from '../../../src-main/sandbox/demo.ts';
import type { Clock } from '../../../src-main/time/clock.ts';
import type { TransferTuning } from '../../../src-main/uploads/partPlan.ts';
import type { UploadItem } from '../../../src-main/uploads/queueEntry.ts';
import { UploadsService } from '../../../src-main/uploads/uploadsService.ts';
import { closeWhenTestEnds, companySandbox, servicesHarness, tempDir, type CompanySandbox, type Harness } from '../../support/integrationHarness.ts';
import { assumeRole, ossClient, type Oss } from '../../support/ossClients.ts';

export const BUCKET = 'acme-share';

export interface UploadHarness extends Harness {
  company: CompanySandbox;
  key: DemoKey;
  profileId: string;
  uploads: UploadsService;
  /** Where test files are made. */
  files: string;
  /** Environment that gives the profile its key (credential source "env" → real broker → sandbox STS). */
  env: NodeJS.ProcessEnv;
  /** A client with the role's full rights (no session policy), for checking what landed. */
  admin(): Promise<Oss>;
  write(relative: string, data: Buffer | string): Promise<string>;
  /** A new uploads service in the same data folder (call `uploads.close()` first), as after quitting and starting again. */
  restart(): UploadsService;
  /** Resolves with the item once it reaches a final state (or `states`). */
  until(id: string, states?: UploadItem['state'][], timeoutMs?: number): Promise<UploadItem>;
}

export const SMALL_TUNING: TransferTuning = { multipartThreshold: 1024 * 1024, partSize: 256 * 1024 };

/**
 * A company sandbox and Ferry's real services (profile store, STS broker) with one profile whose key
 * comes from the environment, plus an uploads service with small parts so tests stay fast. Built on
 * test/support/integrationHarness.ts: closed when the test ends.
 */
export async function uploadHarness(
  options: { tuning?: Partial<TransferTuning>; sandboxClock?: Clock; clock?: Clock; sessionDurationSeconds?: number; random?: () => number } = {},
): Promise<UploadHarness> {
  const key = generateDemoKey();
  const company = await companySandbox({ config: demoConfig({ key, bucket: BUCKET }), ...(options.sandboxClock ? { clock: options.sandboxClock } : {}) });
  const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
  const h = await servicesHarness({ env, ...(options.clock ? { clock: options.clock } : {}) });
  const profile = await h.services.accounts.save({
    profile: ProfileInputSchema.parse({
      name: 'Acme',
      endpoint: company.ossEndpoint,
      stsEndpoint: company.stsEndpoint,
      region: 'cn-hangzhou',
      bucket: BUCKET,
      roleArn: company.demo!.roleArn,
      prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
      credentialSource: 'env',
      signatureVersion: 'v4',
      sessionDurationSeconds: options.sessionDurationSeconds ?? 3600,
    }),
  });
  const makeUploads = (): UploadsService =>
    new UploadsService({
      home: h.home,
      clock: h.services.clock,
      settings: h.services.settings,
      ports: h.ports,
      broker: h.services.broker,
      accounts: h.services.accounts,
      network: createNetwork(),
      lang: async () => 'en',
      tuning: { ...SMALL_TUNING, ...options.tuning },
      ...(options.random ? { random: options.random } : {}),
    });
  const uploads = makeUploads();
  const files = await tempDir('upload-files');
  let adminClient: Oss | undefined;
  const harness: UploadHarness = {
    ...h,
    company,
    key,
    profileId: profile.id,
    uploads,
    files: files.dir,
    env,
    async admin() {
      if (!adminClient) {
        const creds = await assumeRole(company, key, DEMO_ROLE, { duration: 3600 });
        adminClient = ossClient(company, creds, { bucket: BUCKET });
      }
      return adminClient;
    },
    restart() {
      harness.uploads = makeUploads();
      return harness.uploads;
    },
    async write(relative, data) {
      const file = path.join(files.dir, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
      return file;
    },
    until(id, states = ['done', 'failed', 'cancelled'], timeoutMs = 50_000) {
      return new Promise((resolve, reject) => {
        const check = async (): Promise<boolean> => {
          const item = harness.uploads.item(id, 'en');
          if (item && states.includes(item.state)) {
            clearInterval(timer);
            clearTimeout(deadline);
            resolve(item);
            return true;
          }
          return false;
        };
        const timer = setInterval(() => void check(), 10);
        const deadline = setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`item ${id} did not reach ${states.join('/')}: ${JSON.stringify(harness.uploads.item(id, 'en'))}`));
        }, timeoutMs);
        void check();
      });
    },
    async close() {
      await harness.uploads.close();
      await h.close();
      await company.close();
      await files.close();
    },
  };
  return closeWhenTestEnds(harness);
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Deterministic pseudo-random bytes (fast, incompressible enough). */
export function bytes(size: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i + 4 <= size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  for (let i = size - (size % 4); i < size; i++) out[i] = i & 0xff;
  return out;
}

/** The object's bytes as stored in the bucket. */
export async function download(admin: Oss, key: string): Promise<Buffer> {
  const result = await admin.get(key);
  return result.content as Buffer;
}

export async function listUploads(admin: Oss): Promise<{ name: string; uploadId: string }[]> {
  const result = await admin.listUploads({ 'max-uploads': 1000 });
  return result.uploads as { name: string; uploadId: string }[];
}
