import OSS from 'ali-oss';
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliOssOptions, startSandbox } from '../../../src-main/sandbox/index.ts';
import { tempDir } from '../../support/integrationHarness.ts';
import { assumeRole, KEYS, ossClient, startTestSandbox, type TestSandbox } from './harness.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.stop());

const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function sign(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${enc(k)}=${enc(params[k]!)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`).update(`${method}&%2F&${enc(canonical)}`).digest('base64');
}

function baseParams(key: { id: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Action: 'AssumeRole',
    Version: '2015-04-01',
    Format: 'JSON',
    AccessKeyId: key.id,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    RoleArn: `acs:ram::1234567890123456:role/uploader`,
    RoleSessionName: 'hand-made',
    ...extra,
  };
}

async function call(method: 'GET' | 'POST', params: Record<string, string>, secret: string, split = false): Promise<{ status: number; body: Record<string, unknown> }> {
  const signed = { ...params, Signature: sign(method, params, secret) };
  let res: Response;
  if (method === 'GET') {
    res = await fetch(`${t.sb.stsEndpoint}/?${new URLSearchParams(signed)}`);
  } else if (split) {
    // credentials-go style: common params in the query, the rest in the form body.
    const bodyKeys = ['RoleArn', 'RoleSessionName', 'DurationSeconds', 'Policy'];
    const query = Object.fromEntries(Object.entries(signed).filter(([k]) => !bodyKeys.includes(k)));
    const body = Object.fromEntries(Object.entries(signed).filter(([k]) => bodyKeys.includes(k)));
    res = await fetch(`${t.sb.stsEndpoint}/?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });
  } else {
    res = await fetch(`${t.sb.stsEndpoint}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(signed).toString(),
    });
  }
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function stsFailure(promise: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; status: number; message: string };
  }
  throw new Error('expected AssumeRole to fail');
}

describe('STS AssumeRole with ali-oss STS client', () => {
  it('issues STS.-prefixed keys with a seconds-precision Expiration that OSS accepts', async () => {
    const creds = await assumeRole(t.sb, KEYS.assumer, 'uploader', { duration: 1800 });
    expect(creds.accessKeyId).toMatch(/^STS\.[A-Za-z0-9]{20,}$/);
    expect(creds.expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(creds.expiration) - (Date.now() + 1800_000))).toBeLessThan(5000);
    const put = await ossClient(t.sb, creds).put('sts.txt', Buffer.from('x'));
    expect(put.res.status).toBe(200);
  });

  it('returns the documented errors', async () => {
    const arn = (name: string): string => `acs:ram::1234567890123456:role/${name}`;
    const client = (key: { id: string; secret: string }): OSS.STS =>
      new OSS.STS({ accessKeyId: key.id, accessKeySecret: key.secret, endpoint: t.sb.stsEndpoint } as never);
    const cases: Array<[Promise<unknown>, string, number, string?]> = [
      [client(KEYS.noperm).assumeRole(arn('uploader'), undefined as never, 900, 's1'), 'NoPermission', 403, 'You are not authorized to do this action. You should be authorized by RAM.'],
      [client(KEYS.assumer).assumeRole(arn('admins-only'), undefined as never, 900, 's1'), 'NoPermission', 403, 'does not trust you'],
      [client(KEYS.root).assumeRole(arn('uploader'), undefined as never, 900, 's1'), 'NoPermission', 403, 'Roles may not be assumed by root accounts.'],
      [client(KEYS.assumer).assumeRole(arn('nobody'), undefined as never, 900, 's1'), 'EntityNotExist.Role', 404, 'The specified Role not exists .'],
      [client(KEYS.assumer).assumeRole(arn('uploader'), undefined as never, 899, 's1'), 'InvalidParameter.DurationSeconds', 400, 'The Min/Max value of DurationSeconds is 15min/1hr.'],
      [client(KEYS.assumer).assumeRole(arn('uploader'), undefined as never, 7201, 's1'), 'InvalidParameter.DurationSeconds', 400],
      [client(KEYS.assumer).assumeRole(arn('uploader'), undefined as never, 900, 'x'), 'InvalidParameter.RoleSessionName', 400],
      [client(KEYS.assumer).assumeRole(arn('uploader'), undefined as never, 900, 'bad name!'), 'InvalidParameter.RoleSessionName', 400],
      [client(KEYS.assumer).assumeRole('arn:bad', undefined as never, 900, 's1'), 'InvalidParameter.RoleArn', 400],
      [
        client(KEYS.assumer).assumeRole(arn('uploader'), { Version: '1', Statements: [] } as never, 900, 's1'),
        'InvalidParameter.PolicyGrammar',
        400,
        'The parameter Policy has not passed grammar check.',
      ],
      [
        client(KEYS.assumer).assumeRole(
          arn('uploader'),
          { Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: Array.from({ length: 80 }, (_, i) => `acs:oss:*:*:b/prefix-${i}/*`) }] } as never,
          900,
          's1',
        ),
        'InvalidParameter.PolicySize',
        400,
      ],
      [client({ id: 'Fake5tNobody0000000000', secret: 'x'.repeat(30) }).assumeRole(arn('uploader'), undefined as never, 900, 's1'), 'InvalidAccessKeyId.NotFound', 404],
      [client({ id: KEYS.assumer.id, secret: 'wrong' }).assumeRole(arn('uploader'), undefined as never, 900, 's1'), 'SignatureDoesNotMatch', 400],
      [client(KEYS.disabled).assumeRole(arn('uploader'), undefined as never, 900, 's1'), 'InvalidAccessKeyId.Inactive', 400],
    ];
    for (const [promise, code, status, message] of cases) {
      const err = await stsFailure(promise);
      expect({ code: err.code, status: err.status }).toEqual({ code, status });
      if (message) expect(err.message).toContain(message);
    }
  });
});

describe('STS transports and replay protection', () => {
  it('accepts GET with query, POST with form, and POST split across query and form', async () => {
    for (const [method, split] of [['GET', false], ['POST', false], ['POST', true]] as const) {
      const { status, body } = await call(method, baseParams(KEYS.assumer, { DurationSeconds: '900' }), KEYS.assumer.secret, split);
      expect(status).toBe(200);
      expect((body.Credentials as { AccessKeyId: string }).AccessKeyId).toMatch(/^STS\./);
      expect((body.AssumedRoleUser as { Arn: string }).Arn).toBe('acs:ram::1234567890123456:role/uploader/hand-made');
    }
  });

  it('signs with the real HTTP method (a GET signature does not pass as POST)', async () => {
    const params = baseParams(KEYS.assumer);
    const signed = { ...params, Signature: sign('GET', params, KEYS.assumer.secret) };
    const res = await fetch(`${t.sb.stsEndpoint}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(signed).toString(),
    });
    const body = (await res.json()) as { Code: string; Message: string; RequestId: string; HostId: string };
    expect(res.status).toBe(400);
    expect(body.Code).toBe('SignatureDoesNotMatch');
    expect(body.Message).toContain('server string to sign is:POST&%2F&');
    expect(body.HostId).toBe('sts.aliyuncs.com');
  });

  it('refuses a reused SignatureNonce and a stale Timestamp', async () => {
    const params = baseParams(KEYS.assumer);
    expect((await call('POST', params, KEYS.assumer.secret)).status).toBe(200);
    const replay = await call('POST', params, KEYS.assumer.secret);
    expect(replay).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
    const stale = await call('POST', baseParams(KEYS.assumer, { Timestamp: new Date(Date.now() - 20 * 60_000).toISOString() }), KEYS.assumer.secret);
    expect(stale).toMatchObject({ status: 400, body: { Code: 'InvalidTimeStamp.Expired' } });
    const { RoleSessionName: _omitted, ...withoutSession } = baseParams(KEYS.assumer);
    const missing = await call('POST', withoutSession, KEYS.assumer.secret);
    expect(missing).toMatchObject({ status: 400, body: { Code: 'MissingRoleSessionName', Message: 'RoleSessionName is mandatory for this action.' } });
  });
});

describe('the main (root) account key', () => {
  it('may not assume roles, yet has every OSS right in its own account', async () => {
    const error = await stsFailure(assumeRole(t.sb, KEYS.root, 'uploader'));
    expect([error.code, error.status, error.message]).toEqual(['NoPermission', 403, expect.stringContaining('Roles may not be assumed by root accounts.')]);
    const owner = { accessKeyId: KEYS.root.id, accessKeySecret: KEYS.root.secret };
    for (const v4 of [false, true]) {
      const client = ossClient(t.sb, owner, { v4 });
      await client.put(`root/${v4 ? 'v4' : 'v1'}.txt`, Buffer.from('owner'));
      expect(String((await client.get(`root/${v4 ? 'v4' : 'v1'}.txt`)).content)).toBe('owner');
    }
  });
});

describe('sandbox time in replies', () => {
  it('STS and OSS replies carry the sandbox clock in Date, so clients can learn the skew from it', async () => {
    const offset = 2 * 3_600_000;
    t.sb.setClockOffset(offset);
    try {
      // Signed with this computer's time: two hours behind the sandbox, so STS refuses it.
      const stale = await fetch(`${t.sb.stsEndpoint}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...baseParams(KEYS.assumer), Signature: 'x' }).toString(),
      });
      expect((await stale.json()) as Record<string, unknown>).toMatchObject({ Code: 'InvalidTimeStamp.Expired' });
      const stsDate = Date.parse(stale.headers.get('date') ?? '');
      expect(Math.abs(stsDate - (Date.now() + offset))).toBeLessThan(5_000);

      const params = baseParams(KEYS.assumer, { Timestamp: new Date(Date.now() + offset).toISOString() });
      const ok = await fetch(`${t.sb.stsEndpoint}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...params, Signature: sign('POST', params, KEYS.assumer.secret) }).toString(),
      });
      expect(ok.status).toBe(200);
      expect(Math.abs(Date.parse(ok.headers.get('date') ?? '') - (Date.now() + offset))).toBeLessThan(5_000);

      const oss = await fetch(`${t.sb.ossEndpoint}/ferry-test/anything.txt`);
      expect(oss.status).toBe(403);
      expect(Math.abs(Date.parse(oss.headers.get('date') ?? '') - (Date.now() + offset))).toBeLessThan(5_000);
    } finally {
      t.sb.setClockOffset(0);
    }
  });
});

describe('restarts', () => {
  it('keeps the demo key and honours tokens issued before a restart', async () => {
    const { dir } = await tempDir('sandbox-restart');
    const first = await startSandbox({ dataDir: dir });
    const demo = first.demo!;
    const sts = new OSS.STS({ accessKeyId: demo.accessKeyId, accessKeySecret: demo.accessKeySecret, endpoint: first.stsEndpoint } as never);
    const { credentials } = await sts.assumeRole(demo.roleArn, undefined as never, 900, 'before-restart');
    await first.close();
    const second = await startSandbox({ dataDir: dir });
    try {
      expect(second.demo).toEqual(demo);
      const client = new OSS({
        ...aliOssOptions(second),
        bucket: demo.bucket,
        accessKeyId: credentials.AccessKeyId,
        accessKeySecret: credentials.AccessKeySecret,
        stsToken: credentials.SecurityToken,
        refreshSTSToken: async () => ({ accessKeyId: credentials.AccessKeyId, accessKeySecret: credentials.AccessKeySecret, stsToken: credentials.SecurityToken }),
      } as OSS.Options);
      expect((await client.put('after-restart.txt', Buffer.from('ok'))).res.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('demo setup', () => {
  it('lets "Try it locally" raise the role MaxSessionDuration', async () => {
    const { dir } = await tempDir('sandbox-demo');
    const sb = await startSandbox({ dataDir: dir, demo: { maxSessionDuration: 7200 } });
    try {
      const demo = sb.demo!;
      const sts = new OSS.STS({ accessKeyId: demo.accessKeyId, accessKeySecret: demo.accessKeySecret, endpoint: sb.stsEndpoint } as never);
      const { credentials } = await sts.assumeRole(demo.roleArn, undefined as never, 7200, 'long-session');
      expect(Date.parse(credentials.Expiration) - Date.now()).toBeGreaterThan(7100_000);
      await expect(sts.assumeRole(demo.roleArn, undefined as never, 7201, 'too-long')).rejects.toMatchObject({ code: 'InvalidParameter.DurationSeconds', status: 400 });
    } finally {
      await sb.close();
    }
  });
});
