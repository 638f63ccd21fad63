import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assumeRole, BUCKET, expectOssError, KEYS, longTerm, ossClient, startTestSandbox, type TestSandbox } from './harness.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await ossClient(t.sb, longTerm(KEYS.admin)).put('secret/plan.txt', Buffer.from('top secret'));
  await ossClient(t.sb, longTerm(KEYS.admin)).put('public.txt', Buffer.from('hello'));
});
afterAll(() => t.stop());
afterEach(() => t.sb.setClockOffset(0));

const MIN = 60_000;

/** A hand-made V1 request, to look at raw response headers. */
async function rawV1(method: string, path: string, key: { id: string; secret: string }, date: Date): Promise<Response> {
  const dateLine = date.toUTCString();
  const sig = createHmac('sha1', key.secret).update(`${method}\n\n\n${dateLine}\n${path}`).digest('base64');
  return fetch(`${t.sb.ossEndpoint}${path}`, { method, headers: { Date: dateLine, Authorization: `OSS ${key.id}:${sig}` } });
}

describe('authentication errors', () => {
  it('anonymous access is forbidden on a private bucket, allowed for reads on a public-read one', async () => {
    const res = await fetch(`${t.sb.ossEndpoint}/${BUCKET}/public.txt`);
    expect(res.status).toBe(403);
    const xml = await res.text();
    expect(xml).toContain('<Code>AccessDenied</Code>');
    expect(xml).toContain('<Message>Anonymous access is forbidden for this operation.</Message>');
    expect(res.headers.get('x-oss-ec')).toBe('0003-00001201');
    const pub = await fetch(`${t.sb.ossEndpoint}/public-bucket/nothing`);
    expect(pub.status).toBe(404);
  });

  it.each([false, true])('unknown, disabled and wrongly signed keys (V4: %s)', async (v4) => {
    await expectOssError(
      ossClient(t.sb, { accessKeyId: 'Fake5tUnknown000000000', accessKeySecret: 'x'.repeat(30) }, { v4 }).get('public.txt'),
      'InvalidAccessKeyId',
      403,
      'The OSS Access Key Id you provided does not exist in our records.',
    );
    await expectOssError(ossClient(t.sb, longTerm(KEYS.disabled), { v4 }).get('public.txt'), 'InvalidAccessKeyId', 403);
    const err = await expectOssError(
      ossClient(t.sb, { accessKeyId: KEYS.admin.id, accessKeySecret: 'wrong-secret' }, { v4 }).get('public.txt'),
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    expect(err.ecCode).toBe(v4 ? '0002-00000201' : '0002-00000040');
  });

  it('returns StringToSign in the SignatureDoesNotMatch body', async () => {
    const res = await rawV1('GET', `/${BUCKET}/public.txt`, { id: KEYS.admin.id, secret: 'nope' }, new Date());
    const xml = await res.text();
    expect(res.status).toBe(403);
    expect(xml).toContain(`<StringToSign>GET\n\n\n`);
    expect(xml).toContain(`/${BUCKET}/public.txt</StringToSign>`);
    expect(xml).toContain('<StringToSignBytes>47 45 54 0A');
  });

  it('rejects a V4 signature for the wrong region with InvalidArgument', async () => {
    const client = ossClient(t.sb, longTerm(KEYS.admin), { v4: true });
    (client as unknown as { options: { region: string } }).options.region = 'oss-cn-beijing';
    await expectOssError(client.get('public.txt'), 'InvalidArgument', 400, 'Invalid signing region in Authorization header.');
  });

  it('rejects requests more than 15 minutes off with RequestTimeTooSkewed and tells the server time', async () => {
    t.sb.setClockOffset(16 * MIN);
    await expectOssError(ossClient(t.sb, longTerm(KEYS.admin)).get('public.txt'), 'RequestTimeTooSkewed', 403);
    await expectOssError(ossClient(t.sb, longTerm(KEYS.admin), { v4: true }).get('public.txt'), 'RequestTimeTooSkewed', 403);
    const res = await rawV1('GET', `/${BUCKET}/public.txt`, KEYS.admin, new Date());
    expect(res.status).toBe(403);
    const serverDate = Date.parse(res.headers.get('date')!);
    expect(Math.abs(serverDate - (Date.now() + 16 * MIN))).toBeLessThan(5000);
    expect(await res.text()).toContain('<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>');
    // ali-oss's own skew correction makes the same request succeed.
    const amended = ossClient(t.sb, longTerm(KEYS.admin), { amendTimeSkewed: 16 * MIN });
    expect((await amended.get('public.txt')).res.status).toBe(200);
  });
});

describe('temporary credentials', () => {
  it.each([false, true])('expired tokens fail with SecurityTokenExpired, also after working earlier (V4: %s)', async (v4) => {
    const creds = await assumeRole(t.sb, KEYS.assumer, 'uploader', { duration: 900 });
    // Used once while valid, so the sandbox has seen (and may remember) the token: expiry is still checked per request.
    await ossClient(t.sb, creds, { v4 }).get('public.txt');
    t.sb.setClockOffset(16 * MIN);
    await expectOssError(
      ossClient(t.sb, creds, { v4, amendTimeSkewed: 16 * MIN }).get('public.txt'),
      'SecurityTokenExpired',
      403,
      'The security token you provided has expired.',
    );
  });

  it('a token must belong to its key and be genuine', async () => {
    const a = await assumeRole(t.sb, KEYS.assumer, 'uploader');
    const b = await assumeRole(t.sb, KEYS.assumer, 'uploader');
    await expectOssError(ossClient(t.sb, { ...a, stsToken: b.stsToken! }).get('public.txt'), 'AccessKeyIdAndSecurityTokenNotMatch', 403);
    await expectOssError(ossClient(t.sb, { ...a, stsToken: 'CAIS' + 'x'.repeat(40) }).get('public.txt'), 'InvalidSecurityToken', 403);
    await expectOssError(ossClient(t.sb, { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret }).get('public.txt'), 'InvalidAccessKeyId', 403);
  });
});

describe('signed URLs', () => {
  it.each([false, true])('expire with AccessDenied "Request has expired." (V4: %s)', async (v4) => {
    const c = ossClient(t.sb, longTerm(KEYS.admin), { v4 });
    const url = v4 ? await c.signatureUrlV4('GET', 60, {}, 'public.txt') : c.signatureUrl('public.txt', { expires: 60 });
    expect((await fetch(url)).status).toBe(200);
    t.sb.setClockOffset(2 * MIN);
    const res = await fetch(url);
    expect(res.status).toBe(403);
    const xml = await res.text();
    expect(xml).toContain('<Code>AccessDenied</Code>');
    expect(xml).toContain('<Message>Request has expired.</Message>');
    expect(xml).toMatch(/<Expires>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z<\/Expires><ServerTime>/);
  });

  it('work with STS credentials and stop when the token expires', async () => {
    const creds = await assumeRole(t.sb, KEYS.assumer, 'uploader', { duration: 900 });
    const url = ossClient(t.sb, creds).signatureUrl('public.txt', { expires: 3600 });
    expect(url).toContain('security-token=');
    expect((await fetch(url)).status).toBe(200);
    t.sb.setClockOffset(20 * MIN);
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SecurityTokenExpired</Code>');
  });

  it('V4 x-oss-expires must be 1…604800', async () => {
    const url = await ossClient(t.sb, longTerm(KEYS.admin), { v4: true }).signatureUrlV4('GET', 700_000, {}, 'public.txt');
    const res = await fetch(url);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidArgument</Code>');
  });

  it('enforce x-oss-ac-source-ip / x-oss-ac-subnet-mask', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin));
    const ok = c.signatureUrl('public.txt', { expires: 60, subResource: { 'x-oss-ac-source-ip': '127.0.0.0', 'x-oss-ac-subnet-mask': '8' } } as never);
    expect((await fetch(ok)).status).toBe(200);
    const elsewhere = c.signatureUrl('public.txt', { expires: 60, subResource: { 'x-oss-ac-source-ip': '10.1.2.3', 'x-oss-ac-subnet-mask': '32' } } as never);
    const res = await fetch(elsewhere);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const tampered = ok.replace('x-oss-ac-subnet-mask=8', 'x-oss-ac-subnet-mask=0');
    expect((await fetch(tampered)).status).toBe(403);
  });

  it('throttle downloads to x-oss-traffic-limit', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin));
    await c.put('big.bin', Buffer.alloc(150 * 1024, 1));
    const url = c.signatureUrl('big.bin', { expires: 60, trafficLimit: 819_200 } as never);
    const started = Date.now();
    const res = await fetch(url);
    expect((await res.arrayBuffer()).byteLength).toBe(150 * 1024);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1300); // 150 KB at 100 KB/s
    const tooLow = c.signatureUrl('big.bin', { expires: 60, trafficLimit: 1000 } as never);
    const bad = await fetch(tooLow);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<Code>InvalidArgument</Code>');
  });
});

describe('RAM policy evaluation', () => {
  it('users get exactly their policies: Deny beats Allow, implicit deny, conditions', async () => {
    const reader = ossClient(t.sb, longTerm(KEYS.reader));
    expect((await reader.get('public.txt')).res.status).toBe(200);
    await expectOssError(reader.put('x.txt', Buffer.from('x')), 'AccessDenied', 403, 'You have no right to access this object because of bucket acl.');
    await expectOssError(reader.get('secret/plan.txt'), 'AccessDenied', 403);
    expect((await reader.put('office/a.txt', Buffer.from('a'))).res.status).toBe(200);
    await expectOssError(reader.put('vpn/a.txt', Buffer.from('a')), 'AccessDenied', 403);
    await expectOssError(reader.put('old/a.txt', Buffer.from('a')), 'AccessDenied', 403);
    await expectOssError(ossClient(t.sb, longTerm(KEYS.noperm)).get('public.txt'), 'AccessDenied', 403);
  });

  it("STS rights are the role's policies intersected with the session policy", async () => {
    const policy = {
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: 'oss:PutObject', Resource: `acs:oss:*:*:${BUCKET}/inbox/*` },
        { Effect: 'Allow', Action: 'oss:ListObjects', Resource: `acs:oss:*:*:${BUCKET}`, Condition: { StringLike: { 'oss:Prefix': 'inbox/*' } } },
        { Effect: 'Allow', Action: 'oss:PutObject', Resource: 'acs:oss:*:*:other-bucket/*' },
      ],
    };
    const creds = await assumeRole(t.sb, KEYS.assumer, 'uploader', { policy });
    const c = ossClient(t.sb, creds, { v4: true });
    expect((await c.put('inbox/a.txt', Buffer.from('a'))).res.status).toBe(200);
    await expectOssError(c.put('elsewhere.txt', Buffer.from('a')), 'AccessDenied', 403, "Access denied by authorizer's policy.");
    await expectOssError(c.get('inbox/a.txt'), 'AccessDenied', 403, "Access denied by authorizer's policy.");
    expect((await c.list({ prefix: 'inbox/' }, {})).objects.map((o: { name: string }) => o.name)).toEqual(['inbox/a.txt']);
    await expectOssError(c.list({ prefix: 'other/' }, {}), 'AccessDenied', 403, "Access denied by authorizer's policy.");
    // The session policy cannot grant what the role lacks.
    const other = ossClient(t.sb, creds, { bucket: 'other-bucket' });
    await expectOssError(other.put('a.txt', Buffer.from('a')), 'AccessDenied', 403, 'You have no right to access this object because of bucket acl.');
  });
});
