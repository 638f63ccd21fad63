import { describe, expect, it } from 'vitest';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { DEMO_ROLE } from '../../../src-main/sandbox/index.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { assumeRole, ossClient } from '../../support/ossClients.ts';
import { addLinkSigningKey, linksHarness, type LinksHarness } from './linksHarness.ts';

/**
 * The link-signing RAM user may read the whole `shared/` tree, and the manage role the whole bucket, but
 * Ferry shares, moves and deletes only inside the profile's own folder — whatever credentials it holds.
 */
describe.skipIf(noKeyringReason)('every credential source stays inside the profile folder', () => {
  /** A colleague's file, written with the role's full rights (no session policy), and a way to read it back. */
  async function colleaguesFile(harness: LinksHarness): Promise<{ key: string; read(): Promise<string> }> {
    const admin = ossClient(harness.company, await assumeRole(harness.company, harness.key, DEMO_ROLE, { duration: 900 }), { bucket: harness.profile.bucket });
    const key = 'shared/bob/salaries.xlsx';
    await admin.put(key, Buffer.from('not yours'));
    return { key, read: async () => String((await admin.get(key)).content) };
  }

  it('a link-signing key does not sign a link to a file outside the folder', async () => {
    const h = await linksHarness();
    await addLinkSigningKey(h);
    const { key: outside } = await colleaguesFile(h);
    const table = buildHandlerTable(h.services);
    for (const channel of ['links.copy', 'links.copyMessage'] as const) {
      const reply = await dispatch(table, channel, { objectKey: outside, expiry: '7d' }, { lang: 'en' });
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'links.outsideFolder' } });
    }
    const zh = await dispatch(table, 'links.copy', { objectKey: `${(await h.put('a.txt', Buffer.from('a'))).replace(/a\.txt$/, '')}../../bob/salaries.xlsx` }, { lang: 'zh-CN' });
    expect(zh).toMatchObject({ ok: false, error: { code: 'links.outsideFolder' } });
    expect((zh as { error: { message: string } }).error.message).toMatch(/不在您的共享文件夹/);
    expect(h.ports.clipboard.writes).toEqual([]);
    expect((await h.services.links.service.list()).entries).toEqual([]);

    // Inside the folder the same key still signs week-long links.
    const own = await h.put('mine.txt', Buffer.from('mine'));
    expect(await dispatch(table, 'links.copy', { objectKey: own, expiry: '7d' }, { lang: 'en' })).toMatchObject({ ok: true, value: { cappedBy: 'none' } });
  });

  it('stop sharing refuses to delete or move a file outside the folder, and asks nothing', async () => {
    const h = await linksHarness();
    const colleague = await colleaguesFile(h);
    const outside = colleague.key;
    const table = buildHandlerTable(h.services);
    for (const mode of ['delete', 'move'] as const) {
      h.ports.dialog.nextConfirm.push(0);
      const reply = await dispatch(table, 'links.stopSharing', { objectKey: outside, mode }, { lang: 'en' });
      expect(reply, mode).toMatchObject({ ok: false, error: { code: 'links.outsideFolder' } });
    }
    expect(h.ports.dialog.calls).toEqual([]);
    expect(await colleague.read()).toBe('not yours');
  });
});
