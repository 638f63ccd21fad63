import type { Lang } from '../../i18n/lang.ts';
import { errorText, text } from '../../i18n/text.ts';
import { isFerryError } from '../../errors/ferryError.ts';
import { logger } from '../../log/logger.ts';
import type { NotificationPort } from '../../ports/uiPorts.ts';
import type { Clock } from '../../time/clock.ts';
import { formatClockTime } from '../formatTime.ts';
import type { Ledger, StoredEntry } from '../ledger.ts';
import { isActive } from '../linkResult.ts';

const log = logger('reminders');

const DAY_MS = 24 * 3600_000;

export interface LinkRemindersDeps {
  ledger: Ledger;
  clock: Clock;
  notifications: NotificationPort;
  lang(): Promise<Lang>;
  /** The "Remind me the day before a link stops working" setting. */
  enabled(): Promise<boolean>;
  /** Renew from the notification: a fresh link for the same file, on the clipboard (its "copied, works until …" summary). */
  renew(id: string, lang: Lang): Promise<{ summary: string }>;
  timeZone?: string;
}

/**
 * The rule: a link is due for its one reminder when it is still active, stops working within a day,
 * lived at least two days (a 1-day link would be "reminded" as soon as it is made), has not been reminded,
 * and no newer link to the same file outlives it (it was already renewed).
 */
export function dueForReminder(entries: readonly StoredEntry[], now: number): StoredEntry[] {
  return entries.filter((e) => {
    if (!isActive(e, now) || e.remindedAt !== undefined) return false;
    if (e.expiresAt - now > DAY_MS || e.expiresAt - e.createdAt < 2 * DAY_MS) return false;
    return !entries.some((o) => o !== e && o.profileId === e.profileId && o.objectKey === e.objectKey && isActive(o, now) && o.expiresAt > e.expiresAt);
  });
}

/** Shows the day-before notifications (call check() now and then: each link is reminded once). */
export class LinkReminders {
  private checking: Promise<number> | undefined;

  constructor(private readonly deps: LinkRemindersDeps) {}

  check(): Promise<number> {
    this.checking ??= this.run().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private renew(entry: StoredEntry, lang: Lang): Promise<void> {
    return renewAndTell(this.deps, entry, lang);
  }

  private async run(): Promise<number> {
    if (!(await this.deps.enabled())) return 0;
    const now = this.deps.clock.now();
    const due = dueForReminder(await this.deps.ledger.list(), now);
    if (due.length === 0) return 0;
    const lang = await this.deps.lang();
    for (const entry of due) {
      // Noted first: a reminder is never shown twice, even if the app quits right after showing it.
      await this.deps.ledger.markReminded(entry.id, now);
      this.deps.notifications.show({
        title: text(lang, sameDay(entry.expiresAt, now, this.deps.timeZone) ? 'links.reminder.titleToday' : 'links.reminder.titleTomorrow', {
          name: entry.name,
          time: formatClockTime(entry.expiresAt, lang, this.deps.timeZone),
        }),
        body: text(lang, 'links.reminder.body'),
        onClick: () => void this.renew(entry, lang),
      });
    }
    return due.length;
  }
}

/** Renew, then say what happened (the click came from outside the window: a toast would not be seen). */
async function renewAndTell(deps: LinkRemindersDeps, entry: StoredEntry, lang: Lang): Promise<void> {
  try {
    const { summary } = await deps.renew(entry.id, lang);
    deps.notifications.show({ title: text(lang, 'links.reminder.renewed', { name: entry.name }), body: summary });
  } catch (error) {
    log.info('renew from a reminder failed', { error: error instanceof Error ? error.message : 'error' });
    deps.notifications.show({ title: text(lang, 'links.reminder.renewFailed', { name: entry.name }), body: errorText(lang, isFerryError(error) ? error.code : 'app.unexpected', isFerryError(error) ? error.params : {}) });
  }
}

function sameDay(a: number, b: number, timeZone?: string): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) });
  return day.format(a) === day.format(b);
}
