import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOssError, KEYS, longTerm, ossClient, rawOss, startTestSandbox, type Oss, type TestSandbox } from './harness.ts';

let t: TestSandbox;
let oss: Oss;
beforeAll(async () => {
  t = await startTestSandbox();
  oss = ossClient(t.sb, longTerm(KEYS.admin));
});
afterAll(() => t.stop());

const BYTES = Buffer.from('the object itself\n');

describe('object ACL (PutObjectACL / GetObjectACL)', () => {
  it('reads and sets the ACL without touching the bytes, ETag or Last-Modified', async () => {
    await oss.put('acl/a.txt', BYTES);
    const before = await oss.head('acl/a.txt');
    // ali-oss lib/object.js getACL reads AccessControlPolicy/AccessControlList/Grant and Owner.
    expect((await oss.getACL('acl/a.txt')).acl).toBe('default');
    await oss.putACL('acl/a.txt', 'public-read');
    const read = await oss.getACL('acl/a.txt');
    expect(read.acl).toBe('public-read');
    expect(read.owner.id).toBe(t.sb.accountId);
    expect((await oss.get('acl/a.txt')).content.equals(BYTES)).toBe(true);
    const after = await oss.head('acl/a.txt');
    expect(after.res.headers.etag).toBe(before.res.headers.etag);
    expect(after.res.headers['last-modified']).toBe(before.res.headers['last-modified']);
  });

  it('a public-read object in a private bucket is readable anonymously; private again, it is not', async () => {
    await oss.put('acl/open.txt', BYTES);
    const url = `${t.sb.ossEndpoint}/ferry-test/acl/open.txt`;
    expect((await fetch(url)).status).toBe(403);
    await oss.putACL('acl/open.txt', 'public-read');
    const open = await fetch(url);
    expect(open.status).toBe(200);
    expect(Buffer.from(await open.arrayBuffer()).equals(BYTES)).toBe(true);
    await oss.putACL('acl/open.txt', 'private');
    expect((await fetch(url)).status).toBe(403);
  });

  it('an overwrite starts again from the default ACL', async () => {
    await oss.put('acl/reset.txt', BYTES);
    await oss.putACL('acl/reset.txt', 'public-read');
    await oss.put('acl/reset.txt', Buffer.from('new bytes'));
    expect((await oss.getACL('acl/reset.txt')).acl).toBe('default');
  });

  it('answers an unknown ACL with 400 InvalidArgument and a missing object with 404 NoSuchKey', async () => {
    await oss.put('acl/b.txt', BYTES);
    await expectOssError(oss.putACL('acl/b.txt', 'world-writable'), 'InvalidArgument', 400);
    await expectOssError(oss.getACL('acl/nothing.txt'), 'NoSuchKey', 404);
    await expectOssError(oss.putACL('acl/nothing.txt', 'private'), 'NoSuchKey', 404);
  });

  it('needs oss:GetObjectAcl / oss:PutObjectAcl, not oss:GetObject / oss:PutObject', async () => {
    await oss.put('acl/c.txt', BYTES);
    // reader: Allow oss:Get* on the bucket (GetObjectAcl matches), PutObject only under office/ — no PutObjectAcl.
    const reader = ossClient(t.sb, longTerm(KEYS.reader));
    expect((await reader.getACL('acl/c.txt')).acl).toBe('default');
    await expectOssError(reader.putACL('acl/c.txt', 'public-read'), 'AccessDenied', 403);
    expect((await oss.getACL('acl/c.txt')).acl).toBe('default');
  });
});

describe('object tagging (PutObjectTagging / GetObjectTagging / DeleteObjectTagging)', () => {
  it('keeps tags beside the object and deletes them, leaving the bytes alone', async () => {
    await oss.put('tags/a.txt', BYTES);
    expect((await oss.getObjectTagging('tags/a.txt')).tag).toEqual({});
    await oss.putObjectTagging('tags/a.txt', { project: 'ferry', 'shared-by': 'office 2' });
    expect((await oss.getObjectTagging('tags/a.txt')).tag).toEqual({ project: 'ferry', 'shared-by': 'office 2' });
    const deleted = await oss.deleteObjectTagging('tags/a.txt');
    expect(deleted.status).toBe(204);
    expect((await oss.getObjectTagging('tags/a.txt')).tag).toEqual({});
    expect((await oss.get('tags/a.txt')).content.equals(BYTES)).toBe(true);
  });

  it('reads the XML body with a real parser: CDATA, comments and character references', async () => {
    await oss.put('tags/xml.txt', BYTES);
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- tags for the share -->\n<Tagging><TagSet>' +
      '<Tag><Key><![CDATA[a+b]]></Key><Value>x&#x3D;1 y&#61;2</Value></Tag>' +
      '<Tag><!-- second --><Key>k</Key><Value><![CDATA[v:w]]></Value></Tag>' +
      '</TagSet></Tagging>';
    const res = await rawOss(t.sb, KEYS.admin, 'PUT', '/ferry-test/tags/xml.txt', { query: { tagging: '' }, body, contentType: 'application/xml' });
    expect(res.status).toBe(200);
    expect((await oss.getObjectTagging('tags/xml.txt')).tag).toEqual({ 'a+b': 'x=1 y=2', k: 'v:w' });
    expect((await oss.get('tags/xml.txt')).content.equals(BYTES)).toBe(true);
  });

  it('refuses a document that is not XML with 400 MalformedXML, and bad tags with 400 InvalidTag', async () => {
    await oss.put('tags/bad.txt', BYTES);
    const broken = await rawOss(t.sb, KEYS.admin, 'PUT', '/ferry-test/tags/bad.txt', { query: { tagging: '' }, body: '<Tagging><TagSet><Tag></TagSet>', contentType: 'application/xml' });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('<Code>MalformedXML</Code>');
    const tooMany = `<Tagging><TagSet>${Array.from({ length: 11 }, (_, i) => `<Tag><Key>k${i}</Key><Value>v</Value></Tag>`).join('')}</TagSet></Tagging>`;
    const eleven = await rawOss(t.sb, KEYS.admin, 'PUT', '/ferry-test/tags/bad.txt', { query: { tagging: '' }, body: tooMany, contentType: 'application/xml' });
    expect(eleven.status).toBe(400);
    expect(await eleven.text()).toContain('<Code>InvalidTag</Code>');
    expect((await oss.get('tags/bad.txt')).content.equals(BYTES)).toBe(true);
  });

  it('needs oss:PutObjectTagging, which the upload role does not have', async () => {
    await oss.put('tags/role.txt', BYTES);
    const reader = ossClient(t.sb, longTerm(KEYS.reader));
    expect((await reader.getObjectTagging('tags/role.txt')).tag).toEqual({});
    await expectOssError(reader.putObjectTagging('tags/role.txt', { a: '1' }), 'AccessDenied', 403);
    await expectOssError(reader.deleteObjectTagging('tags/role.txt'), 'AccessDenied', 403);
  });
});

describe('DeleteMultipleObjects body', () => {
  it('reads keys given as CDATA and character references', async () => {
    await oss.put('multi/a&b.txt', BYTES);
    await oss.put('multi/c<d.txt', BYTES);
    const body = '<?xml version="1.0"?><Delete><!-- two --><Quiet>false</Quiet><Object><Key><![CDATA[multi/a&b.txt]]></Key></Object><Object><Key>multi/c&#x3C;d.txt</Key></Object></Delete>';
    const { createHash } = await import('node:crypto');
    const res = await oss.request({
      ...oss._bucketRequestParams('POST', 'ferry-test', 'delete'),
      content: body,
      mime: 'xml',
      headers: { 'Content-MD5': createHash('md5').update(body).digest('base64') },
      successStatuses: [200],
    });
    expect(res.status).toBe(200);
    expect((await oss.list({ prefix: 'multi/' })).objects ?? []).toEqual([]);
  });
});

describe('a security token with a long-term AccessKey', () => {
  it('is refused with 403 InvalidAccessKeyId, EC 0002-00000002, as OSS treats it as an STS request', async () => {
    // https://help.aliyun.com/zh/oss/support/0002-00000002: RAM user key + SecurityToken → the key is no STS key.
    await oss.put('token/a.txt', BYTES);
    for (const v4 of [false, true]) {
      const withToken = ossClient(t.sb, { ...longTerm(KEYS.admin), stsToken: 'CAISnotarealtoken' }, { v4 });
      const err = await expectOssError(withToken.get('token/a.txt'), 'InvalidAccessKeyId', 403);
      expect(err.ecCode).toBe('0002-00000002');
    }
    const signed = ossClient(t.sb, longTerm(KEYS.admin)).signatureUrl('token/a.txt', { expires: 600 });
    const res = await fetch(`${signed}&security-token=CAISnotarealtoken`);
    expect(res.status).toBe(403);
  });
});
