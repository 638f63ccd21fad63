import { describe, expect, it } from 'vitest';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { findTrayItem } from '../../../src-main/tray/buildTrayMenu.ts';
import { TrayController } from '../../../src-main/tray/trayController.ts';
import { createTrayActions } from '../../../src-main/tray/trayActions.ts';
import { trayServicesFromHandlers } from '../../../src-main/tray/trayServices.ts';
import { UploadNotifier } from '../../../src-main/tray/uploadNotifier.ts';
import type { TrayMenuItem } from '../../../src-main/ports/uiPorts.ts';
import { systemClock } from '../../../src-main/time/clock.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { addLinkSigningKey, fetchLink, linksHarness } from '../links/linksHarness.ts';

const HOUR = 3_600_000;

function click(menu: readonly TrayMenuItem[], id: string): void {
  const item = findTrayItem(menu, id);
  if (!item?.click) throw new Error(`no clickable item ${id}`);
  item.click();
}

describe.skipIf(noKeyringReason)('tray over the real link service and the sandbox', () => {
  async function setUp() {
    const h = await linksHarness();
    const services = trayServicesFromHandlers(buildHandlerTable(h.services), () => 'en', h.services.uploads);
    const actions = createTrayActions({ services, ports: h.ports, lang: () => 'en', quit: () => {} });
    const controller = new TrayController(h.ports.tray, actions, 'en');
    controller.setProfile({ name: 'Acme', uploadOnly: false });
    const objectKey = await h.put('plan.pdf', Buffer.from('the plan'));
    controller.setRecent([{ id: 'h1', name: 'plan.pdf', objectKey, profileId: h.profile.id, finishedAt: Date.now() }]);
    return { h, services, actions, objectKey };
  }

  it('Copy link and Copy link for 1 hour put a working link on the clipboard and tell the real expiry', async () => {
    const { h, actions } = await setUp();
    await addLinkSigningKey(h); // a long-term signing key: links are not cut short by the STS session
    const before = Date.now();
    click(h.ports.tray.menu, 'recent.0.copyLink');
    await actions.idle();
    const first = h.ports.clipboard.text;
    expect(first).toMatch(/^http:\/\/.*plan\.pdf\?/);
    const fetched = await fetchLink(first);
    expect(fetched.status).toBe(200);
    expect(fetched.body.toString()).toBe('the plan');
    expect(h.ports.notifications.shown.at(-1)).toMatchObject({ title: 'Link copied' });
    expect(h.ports.notifications.shown.at(-1)?.body).toMatch(/^plan\.pdf — the link works until /);
    const newestEntry = async () => (await h.services.links.service.list('all')).entries.reduce((a, b) => (a.createdAt >= b.createdAt ? a : b));
    expect((await newestEntry()).expiresAt).toBeGreaterThan(before + 24 * HOUR - 60_000); // the profile's default, 1 day

    click(h.ports.tray.menu, 'recent.0.copyLink.1h');
    await actions.idle();
    const newest = await newestEntry();
    expect(newest.expiresAt).toBeGreaterThan(before + HOUR - 60_000);
    expect(newest.expiresAt).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(h.ports.clipboard.text).not.toBe(first);
    expect((await fetchLink(h.ports.clipboard.text)).status).toBe(200);
  });

  it('Copy share message puts the name and the link on the clipboard', async () => {
    const { h, actions } = await setUp();
    click(h.ports.tray.menu, 'recent.0.copyMessage');
    await actions.idle();
    expect(h.ports.clipboard.text).toContain('plan.pdf');
    expect(h.ports.clipboard.text).toMatch(/http:\/\/\S+plan\.pdf\?\S+/);
    expect(h.ports.notifications.shown.at(-1)?.title).toBe('Share message copied');
  });

  it('Stop sharing asks once, then deletes the file so the link stops working', async () => {
    const { h, actions } = await setUp();
    click(h.ports.tray.menu, 'recent.0.copyLink');
    await actions.idle();
    const url = h.ports.clipboard.text;
    h.ports.dialog.nextConfirm.push(0);
    click(h.ports.tray.menu, 'recent.0.stopSharing');
    await actions.idle();
    expect(h.ports.dialog.calls.filter((c) => c.kind === 'confirm')).toHaveLength(1);
    expect((await fetchLink(url)).status).toBe(404);
    expect(h.ports.notifications.shown.at(-1)).toMatchObject({ title: 'Sharing stopped' });
  });

  it('a finished tray upload copies its link; two in a row copy both', async () => {
    const { h, services, objectKey } = await setUp();
    const second = await h.put('notes.txt', Buffer.from('notes'));
    const notifier = new UploadNotifier({
      services,
      ports: h.ports,
      lang: () => 'en',
      clock: systemClock,
      isUploadOnly: () => false,
      onFailure: () => {},
    });
    await notifier.finished({ id: 'u1', name: 'plan.pdf', profileId: h.profile.id, objectKey, source: 'tray', outcome: 'done' });
    expect((await fetchLink(h.ports.clipboard.text)).status).toBe(200);
    expect(h.ports.notifications.shown.at(-1)?.title).toBe('Link copied');
    await notifier.finished({ id: 'u2', name: 'notes.txt', profileId: h.profile.id, objectKey: second, source: 'args', outcome: 'done' });
    const lines = h.ports.clipboard.text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('plan.pdf');
    expect(lines[1]).toContain('notes.txt');
    expect(h.ports.notifications.shown.at(-1)?.title).toBe('2 links copied');
  });
});
