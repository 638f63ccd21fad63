import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET, failure, KEYS, longTerm, ossClient, startTestSandbox, type Oss, type TestSandbox } from './harness.ts';

let t: TestSandbox;
let oss: Oss;
beforeAll(async () => {
  t = await startTestSandbox();
  // V4: every query parameter is signed, whichever sub-resource it names.
  oss = ossClient(t.sb, longTerm(KEYS.admin), { v4: true });
});
afterAll(() => t.stop());

/**
 * Sub-resources OSS documents, listed here independently of the sandbox: the request lines of the OSS
 * API reference (object: `PUT /key?acl`, `?tagging`, `?symlink`, `POST /key?restore`, `?cleanRestoredObject`,
 * `HEAD /key?objectMeta`, `POST /key?append&position=`, multipart `?uploads`/`?uploadId`/`?partNumber`,
 * `GET /key?x-oss-process=`; bucket: `?cors`, `?lifecycle`, `?logging`, `?website`, `?referer`, `?location`,
 * `?stat`, `?bucketInfo`, `?encryption`, `?versioning`, `?versions`, `?policy`, `?worm`, `?inventory`,
 * `?replication`, `?qos`, `?requestPayment`, `?transferAcceleration` …) and the signed sub-resource lists
 * of the SDKs (ali-oss lib/common/signUtils.js, oss2 auth.py `_subresource_key_set`, Go v2 signer/v1.go).
 */
const DOCUMENTED = `acl tagging symlink restore cleanRestoredObject objectMeta append position uploads uploadId partNumber
delete cors lifecycle logging website referer location stat bucketInfo encryption versioning versions versionId policy
policyStatus worm wormId wormExtend inventory inventoryId replication replicationLocation replicationProgress rtc qos
qosInfo requestPayment transferAcceleration x-oss-process x-oss-async-process objectInfo cname comp live status vod
startTime endTime img style styleName asyncFetch metaQuery resourceGroup httpsConfig redundancyTransition accessPoint
accessPointPolicy publicAccessBlock requesterQosInfo qosRequester resourcePool resourcePoolInfo resourcePoolBuckets
bucketArchiveDirectRead userDefinedLogFieldsConfig regionList`.split(/\s+/);

/** Object requests the sandbox implements (each gets its own tests); everything else must be NotImplemented. */
const IMPLEMENTED_ON_OBJECT = new Set(['PUT acl', 'GET acl', 'PUT tagging', 'GET tagging', 'DELETE tagging', 'HEAD objectMeta', 'POST uploads', 'GET uploadId', 'PUT uploadId', 'DELETE uploadId', 'POST uploadId', 'PUT partNumber']);
const IMPLEMENTED_ON_BUCKET = new Set(['GET bucketInfo', 'GET location', 'GET uploads', 'GET logging', 'PUT logging', 'DELETE logging', 'POST delete']);

const PRECIOUS = Buffer.from('precious bytes that no sub-resource request may touch\n');
const KEY = 'walk/target.txt';

async function call(params: Record<string, unknown>): Promise<{ status: number; code?: string }> {
  try {
    const res = await oss.request({ ...params, successStatuses: [200, 204, 206], timeout: 10_000 });
    return { status: res.status as number };
  } catch (error) {
    const e = error as { status: number; code?: string };
    return { status: e.status, code: e.code };
  }
}

async function bytesNow(): Promise<Buffer> {
  return (await oss.get(KEY)).content as Buffer;
}

describe('sub-resources', () => {
  it('on an object: each one OSS documents is either its own operation or 501 NotImplemented, and never changes the object', async () => {
    await oss.put(KEY, PRECIOUS);
    const head = await oss.head(KEY);
    const unexpected: string[] = [];
    for (const name of DOCUMENTED) {
      for (const method of ['PUT', 'POST', 'GET', 'DELETE', 'HEAD']) {
        const params = oss._objectRequestParams(method, KEY, { subres: { [name]: '' } });
        if (method === 'PUT' || method === 'POST') params.content = Buffer.from('garbage that must not become the object');
        const answer = await call(params);
        if (!IMPLEMENTED_ON_OBJECT.has(`${method} ${name}`)) {
          // OSS "Error responses": NotImplemented, 501. A HEAD reply has no body, so only its status tells.
          const expected = method === 'HEAD' ? { status: 501 } : { status: 501, code: 'NotImplemented' };
          const got = method === 'HEAD' ? { status: answer.status } : answer;
          if (JSON.stringify(got) !== JSON.stringify(expected)) unexpected.push(`${method} ?${name} → ${JSON.stringify(answer)}`);
        }
        if (!(await bytesNow()).equals(PRECIOUS)) throw new Error(`${method} ?${name} changed the object`);
      }
    }
    expect(unexpected).toEqual([]);
    const after = await oss.head(KEY);
    expect(after.res.headers.etag).toBe(head.res.headers.etag);
    expect(after.res.headers['last-modified']).toBe(head.res.headers['last-modified']);
  });

  it('on a bucket: unimplemented ones are 501 NotImplemented and leave its objects alone', async () => {
    await oss.put(KEY, PRECIOUS);
    const unexpected: string[] = [];
    for (const name of DOCUMENTED) {
      for (const method of ['PUT', 'POST', 'GET', 'DELETE']) {
        if (IMPLEMENTED_ON_BUCKET.has(`${method} ${name}`)) continue;
        const params = oss._bucketRequestParams(method, BUCKET, { [name]: '' });
        if (method === 'PUT' || method === 'POST') params.content = Buffer.from('<garbage/>');
        const answer = await call(params);
        if (answer.status !== 501 || answer.code !== 'NotImplemented') unexpected.push(`${method} /?${name} → ${JSON.stringify(answer)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect((await bytesNow()).equals(PRECIOUS)).toBe(true);
  });

  it('a DELETE naming an unknown operation does not delete the object', async () => {
    await oss.put(KEY, PRECIOUS);
    const err = await failure(oss.request({ ...oss._objectRequestParams('DELETE', KEY, { subres: { symlink: '' } }), successStatuses: [204] }));
    expect({ status: err.status, code: err.code }).toEqual({ status: 501, code: 'NotImplemented' });
    expect((await bytesNow()).equals(PRECIOUS)).toBe(true);
  });
});
