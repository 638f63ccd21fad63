import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger, type StoredEntry } from '../../../src-main/links/ledger.ts';
import { LinkReminders, dueForReminder } from '../../../src-main/links/reminders/linkReminders.ts';
import { recordingPorts } from '../../../src-main/ports/recordingPorts.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// Fri 4 Dec 2026 09:00 in Shanghai.
const START = Date.UTC(2026, 11, 4, 1, 0, 0);
const TZ = 'Asia/Shanghai';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-reminders-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function entry(id: string, over: Partial<StoredEntry> = {}): StoredEntry {
  return { id, profileId: 'p1', objectKey: `k/${id}`, name: `${id}.pdf`, createdAt: START, expiresAt: START + 7 * DAY, cappedBy: 'none', inline: false, stopped: false, ...over };
}

function setup(enabled = true) {
  const clock = new ManualClock(START);
  const ledger = new Ledger(home);
  const ports = recordingPorts();
  const renewed: string[] = [];
  const reminders = new LinkReminders({
    ledger,
    clock,
    notifications: ports.notifications,
    lang: async () => 'en',
    enabled: async () => enabled,
    renew: async (id) => {
      renewed.push(id);
      return { summary: 'Link copied. It works until Fri, Dec 18, 2026, 18:00.' };
    },
    timeZone: TZ,
  });
  return { clock, ledger, ports, reminders, renewed };
}

describe('day-before reminders', () => {
  it('fires once, the day before, for an active 7-day link; clicking renews and says so', async () => {
    const { clock, ledger, ports, reminders, renewed } = setup();
    // Stops working Fri 11 Dec 18:00 Shanghai.
    await ledger.add(entry('report', { expiresAt: Date.UTC(2026, 11, 11, 10, 0, 0) }));
    expect(await reminders.check()).toBe(0);
    clock.set(Date.UTC(2026, 11, 10, 9, 0, 0)); // Thu 17:00: 25 hours left
    expect(await reminders.check()).toBe(0);
    clock.set(Date.UTC(2026, 11, 10, 11, 0, 0)); // Thu 19:00: 23 hours left
    expect(await reminders.check()).toBe(1);
    expect(ports.notifications.shown[0]!.title).toBe('report.pdf stops working tomorrow at 18:00');
    expect(await reminders.check()).toBe(0);
    clock.advance(HOUR);
    // Remembered in the ledger: a restarted app does not remind again.
    const restarted = new LinkReminders({ ledger: new Ledger(home), clock, notifications: ports.notifications, lang: async () => 'en', enabled: async () => true, renew: async () => ({ summary: '' }) });
    expect(await restarted.check()).toBe(0);
    ports.notifications.shown[0]!.onClick!();
    await expect.poll(() => renewed).toEqual(['report']);
    await expect.poll(() => ports.notifications.shown[1]?.title).toBe('New link to report.pdf copied');
  });

  it('not for stopped, expired, short-lived, already renewed links, nor with the setting off', async () => {
    const now = START + 6.5 * DAY;
    const list = [
      entry('stopped', { stopped: true }),
      entry('expired', { expiresAt: now - 1 }),
      entry('oneDay', { createdAt: now - 12 * HOUR, expiresAt: now + 12 * HOUR }),
      entry('renewedOld', { objectKey: 'k/same' }),
      entry('renewedNew', { objectKey: 'k/same', createdAt: now - HOUR, expiresAt: now + 7 * DAY }),
      entry('due'),
    ];
    expect(dueForReminder(list, now).map((e) => e.id)).toEqual(['due']);

    const off = setup(false);
    await off.ledger.add(entry('due'));
    off.clock.set(now);
    expect(await off.reminders.check()).toBe(0);
    expect(off.ports.notifications.shown).toHaveLength(0);
  });

  it('says "today" when the link stops later the same day, in Chinese too', async () => {
    const { clock, ledger, ports } = setup();
    const zh = new LinkReminders({ ledger, clock, notifications: ports.notifications, lang: async () => 'zh-CN', enabled: async () => true, renew: async () => ({ summary: '' }), timeZone: TZ });
    await ledger.add(entry('报告', { expiresAt: Date.UTC(2026, 11, 11, 10, 0, 0) }));
    clock.set(Date.UTC(2026, 11, 11, 1, 0, 0)); // Fri 09:00
    expect(await zh.check()).toBe(1);
    expect(ports.notifications.shown[0]!.title).toBe('报告.pdf 的链接将于今天 18:00 失效');
  });
});
