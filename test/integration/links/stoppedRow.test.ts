import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import type { UploadItem } from '../../../src-main/uploads/queueEntry.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { fetchLink, linksHarness, type LinksHarness } from './linksHarness.ts';

describe.skipIf(noKeyringReason)('after Stop sharing, the upload row and links.copy tell the truth', () => {
  /** This test's harness, for the helpers below (closed when the test ends). */
  let h: LinksHarness | undefined;

  /** Uploads a file through the real uploads service; returns its row as the window gets it. */
  async function uploaded(name: string, text: string): Promise<UploadItem> {
    const file = path.join(h!.home, name);
    await writeFile(file, text);
    const { ids } = await h!.services.uploads.add([file], { source: 'drop' });
    await h!.services.uploads.whenIdle();
    return row(ids![0]!);
  }

  async function row(id: string): Promise<UploadItem> {
    const reply = await dispatch(buildHandlerTable(h!.services), 'uploads.list', undefined, { lang: 'en' });
    const item = (reply as { ok: true; value: { items: UploadItem[] } }).value.items.find((i) => i.id === id);
    return item!;
  }

  it('after stop → delete, links.copy refuses in plain words and leaves the clipboard alone', async () => {
    h = await linksHarness();
    const item = await uploaded('gone.txt', 'gone');
    const table = buildHandlerTable(h.services);
    await dispatch(table, 'links.copy', { objectKey: item.objectKey! }, { lang: 'en' });
    h.ports.dialog.nextConfirm.push(0);
    await dispatch(table, 'links.stopSharing', { objectKey: item.objectKey!, mode: 'delete' }, { lang: 'en' });
    const writes = h.ports.clipboard.writes.length;

    expect((await row(item.id)).stopped).toEqual({ mode: 'delete' });
    const en = await dispatch(table, 'links.copy', { objectKey: item.objectKey! }, { lang: 'en' });
    expect(en).toMatchObject({ ok: false, error: { code: 'links.stoppedDeleted' } });
    expect((en as { error: { message: string } }).error.message).toBe(
      '"gone.txt" was deleted from storage when you stopped sharing it, so a link to it would not work. To share it again, upload the file again.',
    );
    const zh = await dispatch(table, 'links.copyMessage', { objectKey: item.objectKey! }, { lang: 'zh-CN' });
    expect((zh as { error: { message: string } }).error.message).toContain('重新上传');
    expect(h.ports.clipboard.writes).toHaveLength(writes);
    expect((await h.services.links.service.list('active')).entries).toEqual([]);
  });

  it('after stop → move, the row carries the new key and sharing it gives a working link; the old key is refused', async () => {
    h = await linksHarness();
    const item = await uploaded('kept.txt', 'kept bytes');
    const table = buildHandlerTable(h.services);
    await dispatch(table, 'links.copy', { objectKey: item.objectKey! }, { lang: 'en' });
    const moved = await dispatch(table, 'links.stopSharing', { objectKey: item.objectKey!, mode: 'move' }, { lang: 'en' });
    const newKey = (moved as { value: { newObjectKey: string } }).value.newObjectKey;

    const after = await row(item.id);
    expect(after.stopped).toEqual({ mode: 'move', movedTo: newKey });
    const old = await dispatch(table, 'links.copy', { objectKey: item.objectKey! }, { lang: 'en' });
    expect(old).toMatchObject({ ok: false, error: { code: 'links.stoppedMoved' } });

    const fresh = await dispatch(table, 'links.copy', { objectKey: after.stopped!.movedTo! }, { lang: 'en' });
    const url = (fresh as { value: { url: string } }).value.url;
    expect(h.ports.clipboard.text).toBe(url);
    const fetched = await fetchLink(url);
    expect(fetched.status).toBe(200);
    expect(fetched.body.toString()).toBe('kept bytes');
  });
});
