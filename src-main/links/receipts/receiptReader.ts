import type OSS from 'ali-oss';
import type { CredentialBroker } from '../../credentials/types.ts';
import { logger } from '../../log/logger.ts';
import type { Network } from '../../network/network.ts';
import type { Profile } from '../../profile/profileModel.ts';
import type { Ledger } from '../ledger.ts';
import { signatureHashOf } from '../signatureHash.ts';
import { LINK_CHECK_AGENT } from '../verifyLink.ts';
import { parseAccessLogLine } from './accessLogLine.ts';
import { logLocationOf, logObjectsOf } from './logLocation.ts';
import type { Open, ReceiptStore } from './receiptStore.ts';

const log = logger('receipts');

/** Log objects read per location per pass (the rest wait for the next pass). */
const OBJECTS_PER_PASS = 200;
/** Log objects larger than this are skipped (OSS writes about hourly; a busy bucket's hour stays far below). */
const MAX_LOG_OBJECT_BYTES = 64 * 1024 ** 2;
/** Links older than this are not looked for (OSS links live at most 7 days). */
const LOOK_BACK_MS = 8 * 24 * 3600_000;

export interface ReceiptReaderDeps {
  ledger: Ledger;
  store: ReceiptStore;
  broker: CredentialBroker;
  network: Pick<Network, 'ossClient'>;
  profile(id: string): Promise<Profile>;
  now(): number;
  /** Something new was counted (the Links screen refreshes). */
  changed(): void;
}

/** What one pass found per profile: logging off, logs read, or a failure (kept quiet: receipts are a bonus). */
export type PassResult = Record<string, 'off' | 'read' | 'failed'>;

/**
 * Reads the buckets' OSS access logs for opens of Ferry's links. The rule: a log line counts as one open
 * of a link when it is a GET of an object answered 200 or 206 whose request URI carries a signature whose
 * SHA-256 is one the ledger recorded for that link (never the signature itself), and it is not Ferry's own
 * first-byte check. Only log objects after the last one read (a marker per log location) are read.
 */
export class ReceiptReader {
  private running: Promise<PassResult> | undefined;

  constructor(private readonly deps: ReceiptReaderDeps) {}

  /** One pass over every profile with recent links (one pass at a time). */
  poll(): Promise<PassResult> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<PassResult> {
    const started = this.deps.now();
    const since = started - LOOK_BACK_MS;
    const byProfile = new Map<string, Map<string, string[]>>();
    for (const entry of await this.deps.ledger.list()) {
      if (entry.createdAt < since || !entry.linkHashes?.length) continue;
      const hashes = byProfile.get(entry.profileId) ?? new Map<string, string[]>();
      // Two entries signed in the same second with the same options are the same URL: an open counts for both.
      for (const hash of entry.linkHashes) hashes.set(hash, [...(hashes.get(hash) ?? []), entry.id]);
      byProfile.set(entry.profileId, hashes);
    }
    const result: PassResult = {};
    for (const [profileId, hashes] of byProfile) {
      try {
        const read = await this.readProfile(profileId, hashes);
        result[profileId] = read === undefined ? 'off' : 'read';
        // Only when every delivered log object was read is a link without opens known to be unopened.
        if (read?.complete) await this.deps.store.markRead(profileId, started);
      } catch (error) {
        result[profileId] = 'failed';
        log.info('access logs not read', { profileId, error: error instanceof Error ? error.name : 'error' });
      }
    }
    // The Links screen shows counts and "not opened yet": refresh it after each read.
    if (Object.values(result).includes('read')) this.deps.changed();
    return result;
  }

  /** Opens counted for one profile's links, and whether every log object was read; undefined when its bucket has logging off. */
  private async readProfile(profileId: string, hashes: ReadonlyMap<string, readonly string[]>): Promise<{ counted: number; complete: boolean } | undefined> {
    const profile = await this.deps.profile(profileId);
    const credentials = await this.deps.broker.get(profileId, 'receipts');
    const client = this.deps.network.ossClient(profile, credentials, { clockOffsetMs: this.deps.broker.clockOffsetMs() });
    const location = await logLocationOf(client, profile.bucket);
    if (!location) return undefined;
    const logs = this.deps.network.ossClient({ ...profile, bucket: location.bucket }, credentials, { clockOffsetMs: this.deps.broker.clockOffsetMs() });
    const { prefix, id } = logObjectsOf(location, profile.bucket);
    const ownObject = new RegExp(`^${escapeRegExp(prefix)}\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-`);
    let counted = 0;
    const marker = await this.deps.store.marker(id);
    const listed = await logs.listV2({ prefix, 'max-keys': String(OBJECTS_PER_PASS), ...(marker ? { 'start-after': marker } : {}) }, {});
    for (const object of listed.objects ?? []) {
      if (!ownObject.test(object.name)) continue;
      const opens = object.size > MAX_LOG_OBJECT_BYTES ? [] : opensIn(await readText(logs, object.name), hashes);
      await this.deps.store.record(id, object.name, opens);
      counted += opens.length;
    }
    return { counted, complete: !listed.isTruncated };
  }
}

async function readText(client: OSS, key: string): Promise<string> {
  const { content } = await client.get(key);
  return Buffer.isBuffer(content) ? content.toString('utf8') : String(content ?? '');
}

/** The lines of one log object that are opens of a known link. */
export function opensIn(text: string, hashes: ReadonlyMap<string, readonly string[]>): { linkId: string; open: Open }[] {
  const out: { linkId: string; open: Open }[] = [];
  for (const raw of text.split('\n')) {
    const line = parseAccessLogLine(raw);
    if (!line || line.method !== 'GET' || (line.status !== 200 && line.status !== 206)) continue;
    if (line.userAgent === LINK_CHECK_AGENT) continue;
    const hash = signatureHashOf(line.requestUri);
    const open = { at: line.time, ip: line.remoteIp, ...(line.userAgent ? { agent: line.userAgent } : {}) };
    for (const linkId of (hash && hashes.get(hash)) || []) out.push({ linkId, open });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

