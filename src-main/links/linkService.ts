import { randomUUID } from 'node:crypto';
import type { Profile } from '../profile/profileModel.ts';
import { FerryError } from '../errors/ferryError.ts';
import type { Lang } from '../i18n/lang.ts';
import { text } from '../i18n/text.ts';
import { logger } from '../log/logger.ts';
import { redactUrl } from '../log/redact.ts';
import type { ClipboardPort, EventSink } from '../ports/uiPorts.ts';
import type { Clock } from '../time/clock.ts';
import type { ManagedPolicy } from '../policy/managedPolicy.ts';
import { nameOfKey } from './contentDisposition.ts';
import { requestedExpiry, type ExpiryChoice } from './expiry.ts';
import type { Ledger, StoredEntry } from './ledger.ts';
import type { LinkSigner } from './linkSigner.ts';
import type { ObjectOps } from './objectOps.ts';
import { isActive, optionsOf, toLinkResult, type LinkResult } from './linkResult.ts';
import { linkSummary, shareMessage } from './shareText.ts';
import { signatureHashOf } from './signatureHash.ts';
import type { CheckTarget, LinkCheck } from './verifyLink.ts';
import type { LinkOpens } from './receipts/receiptStore.ts';

export { isActive, type LinkResult } from './linkResult.ts';

/** A ledger entry with what the access logs said about it. */
export type ListedEntry = StoredEntry & { opens?: { count: number; firstAt?: number; recent: LinkOpens['recent'] } };

const log = logger('links');

export interface LinkRequest {
  objectKey: string;
  profileId?: string | undefined;
  expiry?: ExpiryChoice | undefined;
  inline?: boolean | undefined;
  sourceIp?: string | undefined;
  limitKBps?: number | undefined;
}

export interface LinkServiceDeps {
  clock: Clock;
  clipboard: ClipboardPort;
  events: EventSink;
  ledger: Ledger;
  signer: LinkSigner;
  objects: ObjectOps;
  /** The profile (run-time endpoint filled in); undefined → the active one. Throws links.noProfile. */
  profile(id?: string): Promise<Profile>;
  /** A size Ferry already knows (recent uploads); undefined when it does not. */
  knownSize?(profileId: string, key: string): number | undefined;
  /** When the newest upload to a key finished (recent uploads); undefined when Ferry does not know. */
  uploadedAt?(profileId: string, key: string): number | undefined;
  timeZone?: string;
  /** IT's link rules: checked before anything is signed. */
  policy?: Pick<ManagedPolicy, 'checkLinkExpiry' | 'checkSourceIp'>;
  /** "Opened" receipts per ledger id (receipts/receiptStore.ts). */
  opens?(): Promise<{ opens: Readonly<Record<string, LinkOpens>>; readAt: Readonly<Record<string, number>> }>;
  /** Requests the link's first byte (verifyLink.ts); absent: links are not checked before they are handed out. */
  verify?(target: CheckTarget): Promise<LinkCheck>;
}

/** Making, recording and copying share links. */
export class LinkService {
  constructor(private readonly deps: LinkServiceDeps) {}

  /**
   * IT's link rules, before anything is signed: the expiry asked for (or the profile's default) as a
   * local time. Also for callers that do long work before their link (a zip uploads first).
   */
  allowedExpiry(request: Pick<LinkRequest, 'expiry' | 'sourceIp'>, profile: Pick<Profile, 'defaultLinkExpiry'>, now = this.deps.clock.now()): number {
    const requested = requestedExpiry(request.expiry ?? profile.defaultLinkExpiry, now);
    this.deps.policy?.checkLinkExpiry(requested, now);
    this.deps.policy?.checkSourceIp(request.sourceIp);
    return requested;
  }

  /**
   * Signs, verifies (its first byte, when this service verifies) and records a link (profile's default
   * expiry unless given). `deliver` receives the URL once it is verified (the clipboard, for "Copy link"),
   * while the ledger entry is being written; the call resolves once both are done.
   */
  async create(request: LinkRequest, lang: Lang, size?: number, deliver?: (link: { url: string; expiresAt: number }) => Promise<void>): Promise<LinkResult> {
    const profile = await this.shareableProfile(request.profileId);
    await this.assertNotStopped(profile.id, request.objectKey);
    const now = this.deps.clock.now();
    const requested = this.allowedExpiry(request, profile, now);
    const name = nameOfKey(request.objectKey);
    const options = { name, inline: request.inline ?? false, sourceIp: request.sourceIp, limitKBps: request.limitKBps };
    const signed = await this.deps.signer.sign(profile, request.objectKey, options, requested);
    // Before the link is recorded or handed out: a link that would not open is neither.
    const check = await this.check(profile, signed.url, name, request.sourceIp);
    const knownSize = size ?? this.deps.knownSize?.(profile.id, request.objectKey) ?? (check?.opens ? check.size : undefined);
    const hash = signatureHashOf(signed.url);
    const entry: StoredEntry = {
      id: randomUUID(),
      profileId: profile.id,
      objectKey: request.objectKey,
      name,
      ...(knownSize !== undefined ? { size: knownSize } : {}),
      createdAt: now,
      expiresAt: signed.expiresAt,
      requestedExpiresAt: signed.requestedExpiresAt,
      cappedBy: signed.cappedBy,
      inline: options.inline,
      ...(request.sourceIp ? { sourceIp: request.sourceIp.trim() } : {}),
      ...(request.limitKBps !== undefined ? { limitKBps: request.limitKBps } : {}),
      ...(hash ? { linkHashes: [hash] } : {}),
      stopped: false,
    };
    // Read before this link is added, alongside the clipboard write: only the trial's first link says it is local.
    const earlier = profile.isSandbox ? this.deps.ledger.list().catch(() => undefined) : undefined;
    const recorded = this.deps.ledger.add(entry);
    const delivered = deliver?.(signed);
    try {
      await recorded;
    } catch (error) {
      await delivered?.catch(() => undefined);
      throw new FerryError(deliver ? 'links.notRecorded' : 'links.recordFailed', {}, { cause: error });
    }
    await delivered;
    this.changed();
    log.info('link made', { url: redactUrl(signed.url), expiresAt: signed.expiresAt, cappedBy: signed.cappedBy });
    const result = toLinkResult(entry, signed.url, { lang, timeZone: this.deps.timeZone });
    if (check && !check.opens) return { ...result, notice: text(lang, 'links.notice.ipUnchecked', { ip: entry.sourceIp ?? '' }) };
    const firstTrialLink = (await earlier)?.every((e) => e.profileId !== profile.id) ?? false;
    return firstTrialLink ? { ...result, notice: text(lang, 'links.notice.trialOnlyHere') } : result;
  }

  /** The link's first byte, fetched through the same network (undefined when this service does not verify). */
  private async check(profile: Profile, url: string, name: string, sourceIp: string | undefined): Promise<LinkCheck | undefined> {
    return this.deps.verify?.({ url, name, bucket: profile.bucket, sourceIp: sourceIp?.trim() || undefined });
  }

  /** One click: sign, put the URL on the clipboard, record it. */
  async copy(request: LinkRequest, lang: Lang): Promise<LinkResult> {
    return this.create(request, lang, undefined, ({ url }) => this.deps.clipboard.writeText(url));
  }

  /**
   * A link to an object looked up in storage first (the `ferry` command, where no list of uploads
   * vouches for the key): a key that is not there fails as links.objectMissing instead of giving a link
   * that answers 404. With verification on, the link's own first byte is the look-up (and gives the size).
   */
  async checkedLink(request: LinkRequest, lang: Lang): Promise<LinkResult> {
    const profile = await this.shareableProfile(request.profileId);
    await this.assertShareable(profile, request.objectKey);
    const size = this.deps.verify ? undefined : await this.deps.objects.size(profile, request.objectKey);
    return this.create({ ...request, profileId: profile.id }, lang, size);
  }

  /** Copies "name (size) / link / valid until …" in the user's language. */
  async copyMessage(request: LinkRequest, lang: Lang): Promise<LinkResult> {
    const profile = await this.shareableProfile(request.profileId);
    // Before the size is looked up: a file outside the folder or stopped is named as such, not as missing.
    await this.assertShareable(profile, request.objectKey);
    const size = this.deps.knownSize?.(profile.id, request.objectKey) ?? (await this.deps.objects.size(profile, request.objectKey));
    const text = { lang, timeZone: this.deps.timeZone };
    const name = nameOfKey(request.objectKey);
    const result = await this.create({ ...request, profileId: profile.id }, lang, size, (link) =>
      this.deps.clipboard.writeText(shareMessage({ name, size, ...link }, text)),
    );
    return { ...result, summary: linkSummary(result, text, 'message') };
  }

  async list(filter: 'all' | 'active' | 'expired' = 'all'): Promise<{ entries: ListedEntry[]; now: number }> {
    const now = this.deps.clock.now();
    const { opens, readAt } = (await this.deps.opens?.().catch(() => undefined)) ?? { opens: {}, readAt: {} };
    const entries = (await this.deps.ledger.list())
      .filter((e) => filter === 'all' || (filter === 'active' ? isActive(e, now) : !isActive(e, now)))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((e): ListedEntry => {
        const o = opens[e.id];
        if (o) return { ...e, opens: { count: o.count, firstAt: o.first.at, recent: o.recent } };
        // The bucket's logs were read after this link was made: "not opened (yet)" is known, not a guess.
        const read = readAt[e.profileId];
        return read !== undefined && read > e.createdAt ? { ...e, opens: { count: 0, recent: [] } } : e;
      });
    return { entries, now };
  }

  /** The same link again (same options, same expiry), freshly signed, on the clipboard. */
  async copyAgain(id: string, lang: Lang): Promise<LinkResult> {
    const entry = await this.entry(id);
    const result = await this.resign(entry, lang);
    const profile = await this.shareableProfile(entry.profileId);
    const check = await this.check(profile, result.url, entry.name, entry.sourceIp);
    await this.deps.clipboard.writeText(result.url);
    await this.rememberHandedOut([result]);
    return check && !check.opens ? { ...result, notice: text(lang, 'links.notice.ipUnchecked', { ip: entry.sourceIp ?? '' }) } : result;
  }

  /** A fresh link for the same object and options, with the default (or given) expiry. */
  async renew(id: string, expiry: ExpiryChoice | undefined, lang: Lang): Promise<LinkResult> {
    const entry = await this.entry(id);
    if (entry.stopped) throw new FerryError('links.stopped', { name: entry.name });
    const result = await this.copy({ ...optionsOf(entry), expiry }, lang);
    return result;
  }

  /** Re-signs each still-active link; returns them in the order asked (expired and stopped ones skipped). */
  async resignMany(ids: readonly string[], lang: Lang): Promise<{ entry: StoredEntry; result?: LinkResult }[]> {
    const now = this.deps.clock.now();
    const byId = new Map((await this.deps.ledger.list()).map((e) => [e.id, e]));
    const out: { entry: StoredEntry; result?: LinkResult }[] = [];
    for (const id of ids) {
      const entry = byId.get(id);
      if (!entry) continue;
      out.push(isActive(entry, now) ? { entry, result: await this.resign(entry, lang) } : { entry });
    }
    return out;
  }

  /** Ledger links re-signed, plus a new link for each of `objects`, on the clipboard one per line (one write). */
  async copyAll(ids: readonly string[], lang: Lang, objects: readonly { objectKey: string; profileId: string }[] = []): Promise<number> {
    const resigned = (await this.resignMany(ids, lang)).flatMap((r) => (r.result ? [r.result] : []));
    const urls = resigned.map((r) => r.url);
    for (const object of objects) urls.push((await this.create(object, lang)).url);
    if (urls.length === 0) throw new FerryError('links.nothingActive');
    await this.deps.clipboard.writeText(urls.join('\n'));
    await this.rememberHandedOut(resigned);
    return urls.length;
  }

  /**
   * Records the signature hashes of re-signed links once they were handed out (clipboard, CSV), so their
   * opens count as the entry's ("opened" receipts); a call that fails changes nothing.
   */
  async rememberHandedOut(results: readonly LinkResult[]): Promise<void> {
    for (const r of results) {
      const hash = signatureHashOf(r.url);
      if (hash) await this.deps.ledger.addLinkHash(r.linkId, hash);
    }
  }

  private async resign(entry: StoredEntry, lang: Lang): Promise<LinkResult> {
    if (entry.stopped) throw new FerryError('links.stopped', { name: entry.name });
    const now = this.deps.clock.now();
    if (entry.expiresAt <= now + 1000) throw new FerryError('links.entryExpired', { name: entry.name });
    this.deps.policy?.checkLinkExpiry(entry.expiresAt, now);
    this.deps.policy?.checkSourceIp(entry.sourceIp);
    const profile = await this.shareableProfile(entry.profileId);
    const options = { name: entry.name, inline: entry.inline, sourceIp: entry.sourceIp, limitKBps: entry.limitKBps };
    const signed = await this.deps.signer.sign(profile, entry.objectKey, options, entry.expiresAt);
    let current = entry;
    const hash = signatureHashOf(signed.url);
    // Signed expiries are whole seconds: only a link at least a second shorter is a new, shorter link.
    if (signed.expiresAt < Math.floor(entry.expiresAt / 1000) * 1000) {
      // The credentials no longer reach the recorded expiry: this is a shorter, new link; record it.
      current = { ...entry, id: randomUUID(), createdAt: now, expiresAt: signed.expiresAt, cappedBy: signed.cappedBy, linkHashes: hash ? [hash] : [] };
      await this.deps.ledger.add(current);
      this.changed();
    }
    return toLinkResult(current, signed.url, { lang, timeZone: this.deps.timeZone });
  }

  /** Inside the profile's folder, and not a key Stop sharing emptied. */
  private async assertShareable(profile: Profile, objectKey: string): Promise<void> {
    this.deps.signer.checkFolder(profile, objectKey);
    await this.assertNotStopped(profile.id, objectKey);
  }

  /** A key "Stop sharing" deleted or moved away holds nothing (unless uploaded to again since): no link to it. */
  private async assertNotStopped(profileId: string, objectKey: string): Promise<void> {
    let stop: StoredEntry | undefined;
    for (const e of await this.deps.ledger.list()) {
      if (e.profileId === profileId && e.objectKey === objectKey && e.stopped && (e.stoppedAt ?? 0) >= (stop?.stoppedAt ?? 0)) stop = e;
    }
    if (!stop) return;
    const uploaded = this.deps.uploadedAt?.(profileId, objectKey);
    if (uploaded !== undefined && uploaded > (stop.stoppedAt ?? Infinity)) return;
    throw new FerryError(stop.stopMode === 'move' ? 'links.stoppedMoved' : 'links.stoppedDeleted', { name: stop.name });
  }

  private async entry(id: string): Promise<StoredEntry> {
    const entry = await this.deps.ledger.get(id);
    if (!entry) throw new FerryError('links.entryNotFound');
    return entry;
  }

  private async shareableProfile(id: string | undefined): Promise<Profile> {
    const profile = await this.deps.profile(id);
    if (profile.uploadOnly) throw new FerryError('links.uploadOnly', { profile: profile.name });
    return profile;
  }

  private changed(): void {
    this.deps.events.emit('links.changed', { count: 1 });
  }
}
