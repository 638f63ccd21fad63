import type { AccountsService } from '../accounts/accountsService.ts';
import type { Profile } from '../profile/profileModel.ts';
import { currentUserName, stablePrefix } from '../accounts/prefixTemplate.ts';
import type { CredentialBroker } from '../credentials/types.ts';
import { FerryError } from '../errors/ferryError.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Ports } from '../ports/uiPorts.ts';
import type { Network } from '../network/network.ts';
import type { Clock } from '../time/clock.ts';
import { exportCsv } from './csvExport.ts';
import { expiryOptions, type ExpiryOptions } from './expiryOptions.ts';
import { Ledger } from './ledger.ts';
import { LinkService } from './linkService.ts';
import { LinkSigner } from './linkSigner.ts';
import { OssObjectOps, type ObjectOps } from './objectOps.ts';
import type { ManagedPolicy } from '../policy/managedPolicy.ts';
import { verifyLink } from './verifyLink.ts';
import { ReceiptReader } from './receipts/receiptReader.ts';
import { ReceiptStore } from './receipts/receiptStore.ts';
import { LinkReminders } from './reminders/linkReminders.ts';
import { stopSharing, type StopMode, type StopResult, type StopSharingDeps } from './stopSharing.ts';

/** Everything behind the `links.*` channels and the link CLI commands. */
export interface Links {
  readonly service: LinkService;
  readonly ledger: Ledger;
  stop(request: { objectKey: string; profileId?: string | undefined; mode: StopMode; confirmed?: boolean }, lang: Lang): Promise<StopResult>;
  exportCsv(ids: readonly string[], lang: Lang): Promise<{ saved: boolean; count: number }>;
  expiryOptions(request: { profileId?: string | undefined; custom?: string | undefined }, lang: Lang): Promise<ExpiryOptions>;
  /** "Opened" receipts from the buckets' access logs. */
  readonly receipts: ReceiptReader;
  /** Day-before notifications. */
  readonly reminders: LinkReminders;
  /** Reads access logs and checks reminders now and then, in the background (the app only, not the CLI). */
  startBackground(every?: { receiptsMs?: number; remindersMs?: number }): void;
  close(): Promise<void>;
}

export interface LinksOptions {
  home: string;
  clock: Clock;
  ports: Pick<Ports, 'clipboard' | 'dialog' | 'events' | 'notifications'>;
  /** The language the user sees (reminders are shown outside the window). */
  lang?: () => Promise<Lang>;
  /** The "remind me the day before" setting; off when absent. */
  remindersEnabled?: () => Promise<boolean>;
  broker: CredentialBroker;
  accounts: Pick<AccountsService, 'active' | 'runtimeProfile' | 'list'>;
  /** Sizes of recently uploaded files (the uploads history), to keep "Copy link" free of network calls. */
  knownSize?: (profileId: string, key: string) => number | undefined;
  /** When the newest upload to a key finished, so a key freed by "Stop sharing" and uploaded again can be shared. */
  uploadedAt?: (profileId: string, key: string) => number | undefined;
  /** "Stop sharing" deleted or moved an object (the upload rows say so). */
  onStopped?: StopSharingDeps['onStopped'];
  /** Makes the OSS clients for Stop sharing, and checks each link's first byte before it is handed out (network/network.ts). */
  network: Pick<Network, 'ossClient' | 'fetch'>;
  objects?: ObjectOps;
  timeZone?: string;
  /** IT's link rules (maximum expiry, IP restriction required). */
  policy?: ManagedPolicy;
}

/** OSS delivers access logs about hourly: reading them every few minutes keeps receipts close behind. */
const RECEIPTS_EVERY_MS = 5 * 60_000;
const REMINDERS_EVERY_MS = 60_000;
/** After start-up settles. */
const FIRST_PASS_MS = 20_000;

export function createLinks(options: LinksOptions): Links {
  const ledger = new Ledger(options.home);
  const objects = options.objects ?? new OssObjectOps(options.broker, options.network);
  const profile = async (id?: string): Promise<Profile> => {
    const chosen = id ?? (await options.accounts.active())?.id;
    if (!chosen) throw new FerryError('links.noProfile');
    return options.accounts.runtimeProfile(chosen);
  };
  const user = currentUserName();
  const folder = (p: Profile): string => stablePrefix(p.prefixTemplate, user);
  const signer = new LinkSigner(options.broker, options.clock, folder);
  const receiptStore = new ReceiptStore(options.home);
  const service = new LinkService({
    clock: options.clock,
    clipboard: options.ports.clipboard,
    events: options.ports.events,
    ledger,
    signer,
    objects,
    profile,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.knownSize ? { knownSize: options.knownSize } : {}),
    ...(options.uploadedAt ? { uploadedAt: options.uploadedAt } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    verify: (target) => verifyLink(options.network, target),
    opens: async () => ({ opens: await receiptStore.all(), readAt: await receiptStore.readAt() }),
  });
  const receipts = new ReceiptReader({
    ledger,
    store: receiptStore,
    broker: options.broker,
    network: options.network,
    profile: (id) => options.accounts.runtimeProfile(id),
    now: () => options.clock.now(),
    changed: () => options.ports.events.emit('links.changed', { count: 0 }),
  });
  const lang = options.lang ?? (async (): Promise<Lang> => 'en');
  const reminders = new LinkReminders({
    ledger,
    clock: options.clock,
    notifications: options.ports.notifications,
    lang,
    enabled: options.remindersEnabled ?? (async () => false),
    renew: (id, l) => service.renew(id, undefined, l),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const timers: NodeJS.Timeout[] = [];
  const stopDeps: StopSharingDeps = {
    clock: options.clock,
    dialog: options.ports.dialog,
    events: options.ports.events,
    ledger,
    objects,
    profile,
    folder,
    async sameBucket(p) {
      const { profiles } = await options.accounts.list();
      // The sandbox's address changes with each start: trial connections are told apart by bucket alone.
      const where = (v: { isSandbox: boolean; endpoint: string; bucket: string }): string => `${v.isSandbox ? 'trial' : v.endpoint.toLowerCase()}|${v.bucket}`;
      const own = profiles.find((v) => v.id === p.id);
      return own ? profiles.filter((v) => where(v) === where(own)).map((v) => v.id) : [p.id];
    },
    ...(options.onStopped ? { onStopped: options.onStopped } : {}),
  };
  return {
    service,
    ledger,
    stop: (request, lang) => stopSharing(stopDeps, request, lang),
    expiryOptions: (request, lang) =>
      expiryOptions({ clock: options.clock, signer, profile, ...(options.policy ? { maxLifetimeMs: options.policy.maxLinkLifetimeMs } : {}), ...(options.timeZone ? { timeZone: options.timeZone } : {}) }, request, lang),
    exportCsv: (ids, lang) => exportCsv(service, options.ports.dialog, ids, lang, options.clock.now()),
    receipts,
    reminders,
    startBackground(every = {}) {
      if (timers.length) return;
      const quietly = (job: () => Promise<unknown>) => () => void job().catch(() => undefined);
      timers.push(setInterval(quietly(() => receipts.poll()), every.receiptsMs ?? RECEIPTS_EVERY_MS));
      timers.push(setInterval(quietly(() => reminders.check()), every.remindersMs ?? REMINDERS_EVERY_MS));
      timers.push(setTimeout(quietly(() => Promise.all([receipts.poll(), reminders.check()])), FIRST_PASS_MS));
      for (const t of timers) t.unref();
    },
    async close() {
      for (const t of timers.splice(0)) clearTimeout(t);
    },
  };
}
