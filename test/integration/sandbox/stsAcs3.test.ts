import Sts20150401, { AssumeRoleRequest } from '@alicloud/sts20150401';
import { Config } from '@alicloud/openapi-client';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, ossClient, startTestSandbox, type TestSandbox } from './harness.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.stop());

const ROLE = 'acs:ram::1234567890123456:role/uploader';

/** The official STS SDK (@alicloud/sts20150401 on @alicloud/openapi-core), which signs ACS3-HMAC-SHA256 by default. */
function officialClient(key: { id: string; secret: string }): Sts20150401 {
  const endpoint = t.sb.stsEndpoint.replace('http://', '');
  return new Sts20150401(new Config({ accessKeyId: key.id, accessKeySecret: key.secret, endpoint, protocol: 'http', readTimeout: 10_000 }));
}

interface SdkError {
  code: string;
  statusCode: number;
  data?: { Code?: string; Message?: string };
}

async function sdkFailure(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the SDK call to fail');
}

/**
 * A hand-signed ACS3 request, per openapi-core dist/utils.js `getAuthorization` and Alibaba Cloud's
 * "V3 request signature" page, so single fields can be changed after signing.
 */
function acs3Request(key: { id: string; secret: string }, overrides: { date?: string; nonce?: string; secret?: string; host?: string } = {}) {
  const body = new URLSearchParams({ RoleArn: ROLE, RoleSessionName: 'v3-by-hand', DurationSeconds: '900' }).toString();
  const host = overrides.host ?? t.sb.stsEndpoint.replace('http://', '');
  const headers: Record<string, string> = {
    host,
    'content-type': 'application/x-www-form-urlencoded',
    'x-acs-action': 'AssumeRole',
    'x-acs-version': '2015-04-01',
    'x-acs-date': overrides.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': overrides.nonce ?? randomUUID(),
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
  };
  const signed = Object.keys(headers).sort();
  const canonical = ['POST', '/', '', signed.map((h) => `${h}:${headers[h]}\n`).join(''), signed.join(';'), headers['x-acs-content-sha256']].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  const signature = createHmac('sha256', overrides.secret ?? key.secret).update(stringToSign).digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${key.id},SignedHeaders=${signed.join(';')},Signature=${signature}`;
  return { headers, body };
}

async function send(req: { headers: Record<string, string>; body: string }): Promise<{ status: number; body: Record<string, unknown> }> {
  const { host: _host, ...headers } = req.headers;
  const res = await fetch(`${t.sb.stsEndpoint}/`, { method: 'POST', headers, body: req.body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('STS AssumeRole signed with ACS3-HMAC-SHA256', () => {
  it('issues credentials to the official SDK, and they work against OSS', async () => {
    const res = await officialClient(KEYS.assumer).assumeRole(new AssumeRoleRequest({ roleArn: ROLE, roleSessionName: 'official-sdk', durationSeconds: 900 }));
    expect(res.statusCode).toBe(200);
    const creds = res.body!.credentials!;
    expect(creds.accessKeyId).toMatch(/^STS\./);
    expect(creds.expiration).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(res.body!.assumedRoleUser!.arn).toBe(`${ROLE}/official-sdk`);
    const oss = ossClient(t.sb, { accessKeyId: creds.accessKeyId!, accessKeySecret: creds.accessKeySecret!, stsToken: creds.securityToken! });
    await oss.put('v3/hello.txt', Buffer.from('hi'));
    expect((await oss.get('v3/hello.txt')).content.toString()).toBe('hi');
  });

  it('answers the SDK with the real error codes: wrong secret, unknown key, no permission', async () => {
    // POP gateway codes (reference §4): SignatureDoesNotMatch 400, InvalidAccessKeyId.NotFound 404, NoPermission 403.
    const wrongSecret = await sdkFailure(officialClient({ id: KEYS.assumer.id, secret: 'not-the-secret-000000' }).assumeRole(new AssumeRoleRequest({ roleArn: ROLE, roleSessionName: 'x1' })));
    expect({ code: wrongSecret.code, status: wrongSecret.statusCode }).toEqual({ code: 'SignatureDoesNotMatch', status: 400 });
    const unknown = await sdkFailure(officialClient({ id: 'NoSuchKey000000000001', secret: 'whatever-secret-0000' }).assumeRole(new AssumeRoleRequest({ roleArn: ROLE, roleSessionName: 'x2' })));
    expect({ code: unknown.code, status: unknown.statusCode }).toEqual({ code: 'InvalidAccessKeyId.NotFound', status: 404 });
    const noperm = await sdkFailure(officialClient(KEYS.noperm).assumeRole(new AssumeRoleRequest({ roleArn: ROLE, roleSessionName: 'x3' })));
    expect({ code: noperm.code, status: noperm.statusCode }).toEqual({ code: 'NoPermission', status: 403 });
  });

  it('accepts a hand-signed request, then refuses its nonce a second time', async () => {
    const req = acs3Request(KEYS.assumer);
    const first = await send(req);
    expect(first.status).toBe(200);
    expect((first.body.Credentials as Record<string, string>).AccessKeyId).toMatch(/^STS\./);
    const again = await send(req);
    expect(again).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
  });

  it('refuses a request whose x-acs-date is more than 15 minutes off, or not ISO 8601', async () => {
    const old = await send(acs3Request(KEYS.assumer, { date: new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z') }));
    expect(old).toMatchObject({ status: 400, body: { Code: 'InvalidTimeStamp.Expired' } });
    const bad = await send(acs3Request(KEYS.assumer, { date: 'Tue, 01 Jan 2030 00:00:00 GMT' }));
    expect(bad).toMatchObject({ status: 400, body: { Code: 'InvalidTimeStamp.Format' } });
  });

  it('refuses a wrong signature, naming the string it signed; and a body changed after signing', async () => {
    const wrong = await send(acs3Request(KEYS.assumer, { secret: 'not-the-secret-000000' }));
    expect(wrong).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    expect(String(wrong.body.Message)).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    const req = acs3Request(KEYS.assumer);
    const tampered = await send({ ...req, body: req.body.replace('900', '3600') });
    expect(tampered).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
  });

  it('refuses an Authorization that leaves an x-acs header unsigned', async () => {
    const req = acs3Request(KEYS.assumer);
    req.headers.authorization = req.headers.authorization!.replace(';x-acs-signature-nonce', '');
    expect(await send(req)).toMatchObject({ status: 400, body: { Code: 'IncompleteSignature' } });
  });
});
