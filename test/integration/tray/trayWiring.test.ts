import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { findTrayItem } from '../../../src-main/tray/buildTrayMenu.ts';
import { wireTray, type TrayWiring } from '../../../src-main/tray/trayWiring.ts';
import { checkPolicy } from '../../../src-main/policy/policyModel.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { fetchLink, linksHarness } from '../links/linksHarness.ts';

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value: ${String(value).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(noKeyringReason)('the tray wired to the real uploads engine, link service and sandbox', () => {
  let tray: TrayWiring | undefined;
  afterEach(() => {
    tray?.dispose();
    tray = undefined;
  });

  it('dropping a file on the tray uploads it, copies a working link, notifies, and lists it under Recent files', async () => {
    const h = await linksHarness();
    tray = await wireTray(h.services, h.ports.tray, { table: buildHandlerTable(h.services), quit: () => {} });
    expect(findTrayItem(h.ports.tray.menu, 'recent.empty')).toBeDefined();
    const file = path.join(h.home, 'budget 2027.xlsx');
    await writeFile(file, 'numbers');

    await tray.dropFiles([file]);
    const link = await until(() => h!.ports.clipboard.text, (t) => /^http:\/\/\S+budget%202027\.xlsx\?/.test(t));
    const fetched = await fetchLink(link);
    expect(fetched.status).toBe(200);
    expect(fetched.body.toString()).toBe('numbers');
    const note = await until(() => h!.ports.notifications.shown.at(-1), (n) => n?.title === 'Link copied');
    expect(note?.body).toMatch(/^budget 2027\.xlsx — the link works until /);
    await until(() => findTrayItem(h!.ports.tray.menu, 'recent.0')?.label, (l) => l === 'budget 2027.xlsx');
    expect(h.ports.tray.icon).toBe('idle');
    expect(tray.activeUploads()).toBe(0);
  });

  it('a second launch’s files upload in the background and their links are copied together', async () => {
    const h = await linksHarness();
    tray = await wireTray(h.services, h.ports.tray, { table: buildHandlerTable(h.services), quit: () => {} });
    const files = ['a.txt', 'b.txt'].map((n) => path.join(h!.home, n));
    for (const f of files) await writeFile(f, path.basename(f));
    await tray.uploadFromOs(files);
    const text = await until(() => h!.ports.clipboard.text, (t) => t.split('\n').length === 2);
    const lines = text.split('\n').sort();
    expect(lines[0]).toMatch(/a\.txt\?/);
    expect(lines[1]).toMatch(/b\.txt\?/);
    for (const line of lines) expect((await fetchLink(line)).status).toBe(200);
  });

  it('a failing tray upload notifies the reason, opens the window on click, and shows the error state', async () => {
    const h = await linksHarness();
    tray = await wireTray(h.services, h.ports.tray, { table: buildHandlerTable(h.services), quit: () => {} });
    await tray.dropFiles([path.join(h.home, 'gone.pdf')]);
    const note = await until(() => h!.ports.notifications.shown.at(-1), (n) => n !== undefined);
    expect(note?.title).toMatch(/gone\.pdf/);
    expect(note?.body.length).toBeGreaterThan(10);
    note?.onClick?.();
    expect(h.ports.window.shown).toContain('main');
    expect(h.ports.notifications.shown).toHaveLength(1);
    expect(h.ports.tray.icon).toBe('error');
    expect(findTrayItem(h.ports.tray.menu, 'problem')?.label).toBe('1 upload failed');
    tray.clearUploadProblem();
    expect(h.ports.tray.icon).toBe('idle');
  });

  it('follows the active profile and shows an expired sign-in as the error state', async () => {
    const h = await linksHarness();
    const events = { listen: (fn: Parameters<typeof h.ports.events.subscribe>[0]) => h.ports.events.subscribe(fn) };
    tray = await wireTray(h.services, h.ports.tray, { table: buildHandlerTable(h.services), events, quit: () => {} });
    expect(findTrayItem(h.ports.tray.menu, 'recent.noProfile')).toBeUndefined();
    h.ports.events.emit('session.changed', {
      profileId: h.profile.id,
      state: 'expired',
      error: { code: 'credentials.expired', message: 'Your sign-in has expired. Open Ferry and sign in again.' },
    });
    expect(h.ports.tray.icon).toBe('error');
    expect(findTrayItem(h.ports.tray.menu, 'problem')?.label).toBe('Your sign-in has expired. Open Ferry and sign in again.');
    h.ports.events.emit('session.changed', { profileId: h.profile.id, state: 'ready' });
    expect(h.ports.tray.icon).toBe('idle');

    await h.services.accounts.remove(h.profile.id, { confirmed: true });
    await until(() => findTrayItem(h!.ports.tray.menu, 'recent.noProfile'), (item) => item !== undefined);
  });

  it("offers only the link expiries IT's maximum allows", async () => {
    const h = await linksHarness({ policy: checkPolicy({ maxLinkExpiry: '1d' }, '/etc/ferry/policy.json') });
    tray = await wireTray(h.services, h.ports.tray, { table: buildHandlerTable(h.services), quit: () => {} });
    const file = path.join(h.home, 'plan.txt');
    await writeFile(file, 'plan');
    await tray.dropFiles([file]);
    const choices = await until(
      () => findTrayItem(h!.ports.tray.menu, 'recent.0.copyLinkFor')?.submenu?.map((item) => item.id),
      (ids) => ids !== undefined,
    );
    expect(choices).toEqual(['recent.0.copyLink.1h', 'recent.0.copyLink.1d']);
  });
});
