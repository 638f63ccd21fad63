import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { fetchLink, linksHarness } from './linksHarness.ts';

describe.skipIf(noKeyringReason)('share message, copy all, CSV export and upload-only profiles (through the IPC handlers)', () => {
  it('copies a share message with name, size, link and "valid until" in the user\u2019s language', async () => {
    const h = await linksHarness();
    const key = await h.put('年度总结 2026.pptx', Buffer.alloc(1536 * 1024, 1));
    const table = buildHandlerTable(h.services);
    const en = await dispatch(table, 'links.copyMessage', { objectKey: key, expiry: '1h' }, { lang: 'en' });
    expect(en.ok).toBe(true);
    const text = h.ports.clipboard.text.split('\n');
    expect(text[0]).toBe('年度总结 2026.pptx (1.5 MB)');
    expect(text[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/acme-share\//);
    expect(text[2]).toMatch(/^Valid until .+\d\d:\d\d [A-Z]{3}[+-]?\d*\.$/);
    expect((await fetchLink(text[1]!)).status).toBe(200);
    if (en.ok) expect((en.value as { summary: string }).summary).toMatch(/^Message with the link copied/);

    await dispatch(table, 'links.copyMessage', { objectKey: key }, { lang: 'zh-CN' });
    const zh = h.ports.clipboard.text.split('\n');
    expect(zh[0]).toBe('年度总结 2026.pptx（1.5 MB）');
    expect(zh[2]).toMatch(/^有效期至 .+。$/);
  });

  it('copies all selected links one per line and exports them as CSV, skipping what no longer works', async () => {
    const h = await linksHarness();
    const table = buildHandlerTable(h.services);
    const keys = [await h.put('a, "quoted".txt', Buffer.from('a')), await h.put('b.txt', Buffer.from('bb'))];
    const ids: string[] = [];
    for (const objectKey of keys) {
      const r = await dispatch(table, 'links.copy', { objectKey }, { lang: 'en' });
      if (!r.ok) throw new Error(r.error.message);
      ids.push((r.value as { linkId: string }).linkId);
    }
    const all = await dispatch(table, 'links.copyAll', { ids }, { lang: 'en' });
    expect(all).toEqual({ ok: true, value: { count: 2 } });
    const lines = h.ports.clipboard.text.split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect((await fetchLink(line)).status).toBe(200);

    const target = path.join(h.home, 'export', 'links.csv');
    h.ports.dialog.nextSave.push(target);
    const exported = await dispatch(table, 'links.exportCsv', { ids }, { lang: 'en' });
    expect(exported).toEqual({ ok: true, value: { saved: true, count: 2 } });
    const csv = await readFile(target, 'utf8');
    expect(csv.startsWith('\uFEFFname,size,url,expires\r\n')).toBe(true);
    const rows = csv.slice(1).trim().split('\r\n');
    // The size was learned from the link's first byte when it was verified.
    expect(rows[1]).toMatch(/^"a, ""quoted"".txt",\d+,http:\/\/127\.0\.0\.1:\d+\/\S+,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const url = rows[2]!.split(',')[2]!;
    expect((await fetchLink(url)).status).toBe(200);

    h.ports.dialog.nextSave.push(undefined);
    expect(await dispatch(table, 'links.exportCsv', { ids }, { lang: 'en' })).toEqual({ ok: true, value: { saved: false, count: 0 } });

    const list = await dispatch(table, 'links.list', { filter: 'active' }, { lang: 'en' });
    expect(list.ok && (list.value as { entries: unknown[] }).entries).toHaveLength(2);
    expect(JSON.stringify(list)).not.toMatch(/signature|security-token/i);
  });

  it('refuses link features on an upload-only profile with a sentence saying why', async () => {
    const h = await linksHarness();
    const key = await h.put('drop.txt', Buffer.from('x'));
    await h.services.accounts.store.update((file) => ({ ...file, profiles: file.profiles.map((p) => ({ ...p, uploadOnly: true })) }));
    const table = buildHandlerTable(h.services);
    const before = h.services.broker.assumeRoleCalls;
    for (const [channel, request] of [
      ['links.copy', { objectKey: key }],
      ['links.copyMessage', { objectKey: key }],
      ['links.stopSharing', { objectKey: key, mode: 'delete' }],
    ] as const) {
      const reply = await dispatch(table, channel, request, { lang: 'en' });
      expect(reply).toEqual({
        ok: false,
        error: {
          code: 'links.uploadOnly',
          message: 'The profile "Acme" can only upload files, so Ferry cannot make share links with it. Ask the person who gave you this profile to share the files for you.',
        },
      });
    }
    expect(h.services.broker.assumeRoleCalls).toBe(before);
    expect(h.ports.clipboard.writes.filter((w) => w.includes('http'))).toHaveLength(0);
  });
});
