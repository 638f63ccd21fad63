import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { bucketObjectPolicy, startSandbox, type SandboxConfigInput, type SandboxHandle } from '../../../src-main/sandbox/index.ts';
import { tempDir } from '../../support/integrationHarness.ts';
import { ossClient as baseOssClient, type Creds, type Oss } from '../../support/ossClients.ts';

export { assumeRole, longTerm, type Creds, type Oss } from '../../support/ossClients.ts';

export const KEYS = {
  admin: { id: 'Fake5tAdmin000000000001', secret: 'admin-secret-0000000000000001' },
  assumer: { id: 'Fake5tAssumer0000000001', secret: 'assumer-secret-00000000000001' },
  noperm: { id: 'Fake5tNoPerm00000000001', secret: 'noperm-secret-000000000000001' },
  disabled: { id: 'Fake5tDisabled000000001', secret: 'disabled-secret-0000000000001' },
  reader: { id: 'Fake5tReader00000000001', secret: 'reader-secret-000000000000001' },
  root: { id: 'Fake5tRootOwner00000001', secret: 'root-secret-00000000000000001' },
};

export const BUCKET = 'ferry-test';
/** Lives in cn-shanghai, while the sandbox's address stands for the cn-hangzhou endpoint. */
export const SHANGHAI_BUCKET = 'shanghai-files';

export function testConfig(): SandboxConfigInput {
  return {
    accountId: '1234567890123456',
    buckets: [{ name: BUCKET }, { name: 'other-bucket' }, { name: 'public-bucket', acl: 'public-read' }, { name: SHANGHAI_BUCKET, acl: 'public-read', region: 'cn-shanghai' }],
    users: [
      { name: 'admin', accessKeys: [KEYS.admin], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] }] },
      { name: 'assumer', accessKeys: [KEYS.assumer], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }] },
      { name: 'noperm', accessKeys: [KEYS.noperm] },
      { name: 'owner', root: true, accessKeys: [KEYS.root] },
      { name: 'disabled', accessKeys: [{ ...KEYS.disabled, enabled: false }], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }] },
      {
        name: 'reader',
        accessKeys: [KEYS.reader],
        policies: [
          {
            Version: '1',
            Statement: [
              { Effect: 'Allow', Action: ['oss:Get*', 'oss:ListObjects'], Resource: [`acs:oss:*:*:${BUCKET}`, `acs:oss:*:*:${BUCKET}/*`] },
              { Effect: 'Deny', Action: 'oss:*', Resource: `acs:oss:*:*:${BUCKET}/secret/*` },
              { Effect: 'Allow', Action: 'oss:PutObject', Resource: `acs:oss:*:*:${BUCKET}/office/*`, Condition: { IpAddress: { 'acs:SourceIp': ['127.0.0.0/8'] } } },
              { Effect: 'Allow', Action: 'oss:PutObject', Resource: `acs:oss:*:*:${BUCKET}/vpn/*`, Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
              { Effect: 'Allow', Action: 'oss:PutObject', Resource: `acs:oss:*:*:${BUCKET}/old/*`, Condition: { DateLessThan: { 'acs:CurrentTime': '2020-01-01T00:00:00Z' } } },
            ],
          },
        ],
      },
    ],
    roles: [
      { name: 'uploader', trustedUsers: ['assumer'], policies: [bucketObjectPolicy(BUCKET)], maxSessionDuration: 7200 },
      { name: 'admins-only', trustedUsers: ['admin'], policies: [bucketObjectPolicy(BUCKET)] },
    ],
  };
}

export interface TestSandbox {
  sb: SandboxHandle;
  dir: string;
  stop(): Promise<void>;
}

/** A sandbox with `config` for a whole file: start it in beforeAll, `stop()` it in afterAll. */
export async function startTestSandbox(config: SandboxConfigInput = testConfig()): Promise<TestSandbox> {
  const folder = await tempDir('sandbox-test');
  const sb = await startSandbox({ dataDir: folder.dir, config });
  return {
    sb,
    dir: folder.dir,
    stop: async () => {
      await sb.close();
      await folder.close();
    },
  };
}

/** A real ali-oss client (see support/ossClients.ts), on this file's test bucket unless told otherwise. */
export function ossClient(sb: SandboxHandle, creds: Creds, options: { v4?: boolean; bucket?: string; amendTimeSkewed?: number } = {}): Oss {
  return baseOssClient(sb, creds, { ...options, bucket: options.bucket ?? BUCKET });
}

export interface OssFailure {
  code: string;
  status: number;
  message: string;
  ecCode?: string;
}

export async function failure(promise: Promise<unknown>): Promise<OssFailure> {
  try {
    await promise;
  } catch (error) {
    return error as OssFailure;
  }
  throw new Error('expected the request to fail');
}

export async function expectOssError(promise: Promise<unknown>, code: string, status: number, message?: string | RegExp): Promise<OssFailure> {
  const err = await failure(promise);
  expect({ code: err.code, status: err.status }).toEqual({ code, status });
  if (message !== undefined) expect(err.message).toMatch(message);
  return err;
}

/**
 * A hand-signed V1 request (for cases ali-oss will not produce, e.g. parts out of order).
 * `query` entries are all treated as signed sub-resources.
 */
export async function rawOss(
  sb: SandboxHandle,
  key: { id: string; secret: string },
  method: string,
  resource: string,
  options: { query?: Record<string, string>; body?: string; contentType?: string; date?: Date } = {},
): Promise<Response> {
  const date = (options.date ?? new Date()).toUTCString();
  const q = Object.entries(options.query ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const canonical = q.length ? `${resource}?${q.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&')}` : resource;
  const sig = createHmac('sha1', key.secret).update(`${method}\n\n${options.contentType ?? ''}\n${date}\n${canonical}`).digest('base64');
  const search = q.length ? `?${q.map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&')}` : '';
  const path = resource.split('/').map(encodeURIComponent).join('/');
  return fetch(`${sb.ossEndpoint}${path}${search}`, {
    method,
    headers: { Date: date, Authorization: `OSS ${key.id}:${sig}`, ...(options.contentType ? { 'Content-Type': options.contentType } : {}) },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
}
