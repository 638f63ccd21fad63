import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../storage/atomicJson.ts';
import type { SandboxConfigInput } from './config.ts';
import type { PolicyDocument } from './policy/types.ts';

export const DEMO_BUCKET = 'ferry-demo';
export const DEMO_ROLE = 'ferry-demo';
export const DEMO_USER = 'ferry-demo-user';
/** The trial's link-signing user: reads objects in the trial folder and does nothing else. */
export const DEMO_LINK_USER = 'ferry-demo-links';
/** The trial folder: the fixed start of the trial profile's prefix (`shared/{user}/{yyyy}-{mm}/`). */
export const DEMO_FOLDER = 'shared/';

/** What Alibaba's AliyunSTSAssumeRoleAccess system policy grants: AssumeRole and nothing else. */
export const assumeRoleOnlyPolicy: PolicyDocument = {
  Version: '1',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
};

/** Object rights on one bucket, as the STS guide in the seeds recommends for an upload role. */
export function bucketObjectPolicy(bucket: string): PolicyDocument {
  return {
    Version: '1',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['oss:PutObject', 'oss:GetObject', 'oss:DeleteObject', 'oss:AbortMultipartUpload', 'oss:ListParts'],
        Resource: [`acs:oss:*:*:${bucket}/*`],
      },
      {
        Effect: 'Allow',
        Action: ['oss:ListObjects', 'oss:ListMultipartUploads', 'oss:GetBucketInfo', 'oss:GetBucketLocation'],
        Resource: [`acs:oss:*:*:${bucket}`],
      },
    ],
  };
}

/** GetObject inside one folder of one bucket: what a link-signing key needs, and all it gets. */
export function folderReadPolicy(bucket: string, folder: string): PolicyDocument {
  return { Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: [`acs:oss:*:*:${bucket}/${folder}*`] }] };
}

export interface DemoKey {
  id: string;
  secret: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

/** A fresh key pair shaped like a real RAM user's (`LTAI5t…`, 30-character secret). */
export function generateDemoKey(): DemoKey {
  return { id: `LTAI5t${randomAlnum(18)}`, secret: randomAlnum(30) };
}

const demoKeySchema = z.object({ id: z.string(), secret: z.string() });

async function loadOrCreateKey(file: string): Promise<DemoKey> {
  const existing = await readJson(file, demoKeySchema);
  if (existing) return existing;
  const key = generateDemoKey();
  await writeJsonAtomic(file, key);
  return key;
}

/** The demo user's key, generated once and kept in the sandbox data folder across restarts. */
export function loadOrCreateDemoKey(dataDir: string): Promise<DemoKey> {
  return loadOrCreateKey(path.join(dataDir, 'demo-user-key.json'));
}

/** The link-signing user's key, kept beside the demo user's so links made before a restart still open. */
export function loadOrCreateLinkKey(dataDir: string): Promise<DemoKey> {
  return loadOrCreateKey(path.join(dataDir, 'demo-links-key.json'));
}

export interface DemoOptions {
  key: DemoKey;
  /** A key for the link-signing user (DEMO_LINK_USER); without one the setup has no such user. */
  linkKey?: DemoKey;
  bucket?: string;
  maxSessionDuration?: number;
  accountId?: string;
}

/**
 * The default sandbox: one bucket, a RAM user that may only AssumeRole, a role with object rights, and
 * (with `linkKey`) a user that may only read the trial folder, whose long-term key signs links that last
 * as long as asked (up to 7 days) rather than as long as an STS session.
 */
export function demoConfig(options: DemoOptions): SandboxConfigInput {
  const bucket = options.bucket ?? DEMO_BUCKET;
  const linkUser = options.linkKey
    ? [{ name: DEMO_LINK_USER, accessKeys: [{ id: options.linkKey.id, secret: options.linkKey.secret }], policies: [folderReadPolicy(bucket, DEMO_FOLDER)] }]
    : [];
  return {
    ...(options.accountId ? { accountId: options.accountId } : {}),
    buckets: [{ name: bucket }],
    users: [{ name: DEMO_USER, accessKeys: [{ id: options.key.id, secret: options.key.secret }], policies: [assumeRoleOnlyPolicy] }, ...linkUser],
    roles: [
      {
        name: DEMO_ROLE,
        trustedUsers: ['*'],
        policies: [bucketObjectPolicy(bucket)],
        maxSessionDuration: options.maxSessionDuration ?? 3600,
      },
    ],
    demo: { user: DEMO_USER, role: DEMO_ROLE, bucket, ...(options.linkKey ? { linkUser: DEMO_LINK_USER } : {}) },
  };
}
