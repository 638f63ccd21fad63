import { createNetwork } from '../../../src-main/network/network.ts';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { OssObjectOps } from '../../../src-main/links/objectOps.ts';
import { DEMO_ROLE, type OperationName } from '../../../src-main/sandbox/index.ts';
import { assumeRole, ossClient } from '../../support/ossClients.ts';
import { fetchLink, linksHarness, type LinksHarness } from './linksHarness.ts';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';

describe.skipIf(noKeyringReason)('stop sharing: signed URLs cannot be recalled, so delete or move the object', () => {
  /** This test's harness, for the helpers below (closed when the test ends). */
  let h: LinksHarness | undefined;

  it('asks first; cancelling changes nothing', async () => {
    h = await linksHarness();
    const key = await h.put('keep.txt', Buffer.from('keep'));
    const link = await h.services.links.service.copy({ objectKey: key }, 'en');
    const table = buildHandlerTable(h.services);
    const reply = await dispatch(table, 'links.stopSharing', { objectKey: key, mode: 'delete' }, { lang: 'en' });
    expect(reply).toEqual({ ok: true, value: { mode: 'delete', linksStopped: 0, cancelled: true } });
    const asked = h.ports.dialog.calls.at(-1)?.options as { message: string; detail: string; buttons: string[] };
    expect(asked.message).toBe('Delete "keep.txt" from storage?');
    expect(asked.detail).toContain('makes that link stop working');
    expect(asked.buttons).toEqual(['Delete file', 'Cancel']);
    expect((await fetchLink(link.url)).status).toBe(200);
  });

  it('links made through another connection to the same bucket and key are marked stopped too', async () => {
    h = await linksHarness();
    const key = await h.put('shared-twice.txt', Buffer.from('both'));
    const other = await h.services.accounts.save({
      profile: ProfileInputSchema.parse({
        name: 'Acme (second)',
        endpoint: h.company.ossEndpoint,
        stsEndpoint: h.company.stsEndpoint,
        region: 'cn-hangzhou',
        bucket: h.profile.bucket,
        roleArn: h.company.demo?.roleArn,
        prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
      }),
      accessKey: { accessKeyId: h.key.id, accessKeySecret: h.key.secret },
      makeActive: false,
    });
    const viaOther = await h.services.links.service.copy({ objectKey: key, profileId: other.id }, 'en');
    const viaFirst = await h.services.links.service.copy({ objectKey: key, profileId: h.profile.id }, 'en');
    h.ports.dialog.nextConfirm.push(0);
    const reply = await dispatch(buildHandlerTable(h.services), 'links.stopSharing', { objectKey: key, profileId: h.profile.id, mode: 'delete' }, { lang: 'en' });
    expect(reply).toMatchObject({ ok: true, value: { linksStopped: 2 } });
    expect((await fetchLink(viaOther.url)).status).toBe(404);
    const entries = await h.services.links.ledger.list();
    expect(entries.filter((e) => e.id === viaOther.linkId || e.id === viaFirst.linkId).map((e) => e.stopped)).toEqual([true, true]);
    expect((await h.services.links.service.list('active')).entries).toHaveLength(0);
    await h.services.accounts.remove(other.id, { confirmed: true });
  });

  it('delete breaks every link already handed out and marks them stopped', async () => {
    h = await linksHarness();
    const key = await h.put('报价单.pdf', randomBytes(1000));
    const a = await h.services.links.service.copy({ objectKey: key, expiry: '1h' }, 'en');
    const b = await h.services.links.service.copy({ objectKey: key, expiry: '1d', inline: true }, 'en');
    h.ports.dialog.nextConfirm.push(0);
    const reply = await dispatch(buildHandlerTable(h.services), 'links.stopSharing', { objectKey: key, mode: 'delete' }, { lang: 'zh-CN' });
    expect(reply).toEqual({ ok: true, value: { mode: 'delete', linksStopped: 2, cancelled: false } });
    for (const url of [a.url, b.url]) {
      const dead = await fetchLink(url);
      expect(dead.status).toBe(404);
      expect(dead.body.toString()).toContain('<Code>NoSuchKey</Code>');
    }
    expect(await h.exists(key)).toBeUndefined();
    const { entries } = await h.services.links.service.list('active');
    expect(entries).toHaveLength(0);
    const stopped = (await h.services.links.service.list('expired')).entries;
    expect(stopped.map((e) => [e.stopped, e.stopMode])).toEqual([
      [true, 'delete'],
      [true, 'delete'],
    ]);
    const again = await dispatch(buildHandlerTable(h.services), 'links.copyAgain', { id: a.linkId }, { lang: 'en' });
    expect(again).toMatchObject({ ok: false, error: { code: 'links.stopped' } });
  });

  it('move keeps the bytes under a new key and breaks every old link', async () => {
    h = await linksHarness();
    const bytes = randomBytes(50_000);
    const key = await h.put('合同 v2.docx', bytes);
    const old = await h.services.links.service.copy({ objectKey: key }, 'en');
    const result = await h.services.links.stop({ objectKey: key, mode: 'move' }, 'en');
    expect(h.ports.dialog.calls).toHaveLength(0); // moving keeps the file: the window's choice is enough
    expect(result.linksStopped).toBe(1);
    expect(result.newObjectKey).toMatch(/\/moved-[0-9a-f]{8}\/合同 v2\.docx$/);
    expect((await fetchLink(old.url)).status).toBe(404);
    expect(await h.exists(key)).toBeUndefined();
    expect((await h.exists(result.newObjectKey!))?.equals(bytes)).toBe(true);

    const fresh = await h.services.links.service.copy({ objectKey: result.newObjectKey! }, 'en');
    const fetched = await fetchLink(fresh.url);
    expect(fetched.status).toBe(200);
    expect(fetched.body.equals(bytes)).toBe(true);
    expect(fetched.headers.get('content-disposition')).toContain("filename*=UTF-8''%E5%90%88%E5%90%8C%20v2.docx");
    const entry = (await h.services.links.service.list()).entries.find((e) => e.id === old.linkId);
    expect(entry).toMatchObject({ stopped: true, stopMode: 'move', movedTo: result.newObjectKey });
  });

  /** OSS operations the sandbox served while `action` ran. */
  async function served(action: () => Promise<unknown>): Promise<Partial<Record<OperationName, number>>> {
    const before = h!.company.servedOperations();
    await action();
    const after = h!.company.servedOperations();
    const delta: Partial<Record<OperationName, number>> = {};
    for (const [op, n] of Object.entries(after) as [OperationName, number][]) if (n - (before[op] ?? 0) > 0) delta[op] = n - (before[op] ?? 0);
    return delta;
  }

  it('move copies on the server (CopyObject with the manage credentials), never streaming the bytes through Ferry', async () => {
    h = await linksHarness();
    const bytes = randomBytes(300_000);
    const key = await h.put('plan.pdf', bytes);
    let newKey = '';
    const ops = await served(async () => {
      newKey = (await h!.services.links.stop({ objectKey: key, mode: 'move' }, 'en')).newObjectKey!;
    });
    expect(ops).toEqual({ HeadObject: 2, CopyObject: 1, DeleteObject: 1 });
    expect((await h.exists(newKey))?.equals(bytes)).toBe(true);
    expect(await h.exists(key)).toBeUndefined();
  });

  it('a file above the single-copy limit moves by multipart UploadPartCopy on the server, every byte kept', async () => {
    h = await linksHarness();
    const bytes = randomBytes(250 * 1024 + 7); // three parts at 100 KB: 100 KB, 100 KB, the odd rest
    const key = await h.put('big.bin', bytes);
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    const objects = new OssObjectOps(h.services.broker, createNetwork(), { singleCopyLimit: 100 * 1024, partSize: 100 * 1024 });
    const to = `${key}.moved`;
    const ops = await served(() => objects.move(profile, key, to));
    expect(ops).toMatchObject({ InitiateMultipartUpload: 1, UploadPartCopy: 3, CompleteMultipartUpload: 1, DeleteObject: 1 });
    expect(ops.CopyObject ?? 0).toBe(0);
    expect(ops.GetObject ?? 0).toBe(0);
    expect(ops.PutObject ?? 0).toBe(0);
    expect((await h.exists(to))?.equals(bytes)).toBe(true);
    expect(await h.exists(key)).toBeUndefined();
  });

  it('a multipart copy that fails part-way is aborted: no parts left behind, the original untouched', async () => {
    h = await linksHarness();
    const bytes = randomBytes(450 * 1024);
    const key = await h.put('half-moved.bin', bytes);
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    const objects = new OssObjectOps(h.services.broker, createNetwork(), { singleCopyLimit: 100 * 1024, partSize: 100 * 1024 });
    const to = `${key}.moved`;
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=3', status: 503, times: 1 });
    let failure: unknown;
    const ops = await served(() => objects.move(profile, key, to).catch((error: unknown) => (failure = error)));
    expect(failure).toMatchObject({ name: 'FerryError' });
    expect(ops.AbortMultipartUpload).toBe(1);
    expect(ops.CompleteMultipartUpload ?? 0).toBe(0);
    const admin = ossClient(h.company, await assumeRole(h.company, h.key, DEMO_ROLE, { duration: 900 }), { bucket: h.profile.bucket });
    expect((await admin.listUploads({ 'max-uploads': 1000 })).uploads ?? []).toEqual([]);
    expect((await h.exists(key))?.equals(bytes)).toBe(true);
    expect(await h.exists(to)).toBeUndefined();
  });
});
