import type { ExpiryCap } from './expiry.ts';
import type { LinkRequest } from './linkService.ts';
import type { StoredEntry } from './ledger.ts';
import { linkSummary, type TextOptions } from './shareText.ts';

/** What "Copy link" and friends answer with (see LinkResultSchema in the contract). */
export interface LinkResult {
  linkId: string;
  objectKey: string;
  name: string;
  size?: number | undefined;
  url: string;
  expiresAt: number;
  requestedExpiresAt: number;
  cappedBy: ExpiryCap;
  summary: string;
  notice?: string;
}

export function toLinkResult(entry: StoredEntry, url: string, text: TextOptions): LinkResult {
  const link = { expiresAt: entry.expiresAt, requestedExpiresAt: entry.requestedExpiresAt ?? entry.expiresAt, cappedBy: entry.cappedBy };
  return { linkId: entry.id, objectKey: entry.objectKey, name: entry.name, size: entry.size, url, ...link, summary: linkSummary(link, text) };
}

export function isActive(entry: StoredEntry, now: number): boolean {
  return !entry.stopped && entry.expiresAt > now;
}

/** The options a ledger entry was made with, to make the same kind of link again. */
export function optionsOf(entry: StoredEntry): LinkRequest {
  return { objectKey: entry.objectKey, profileId: entry.profileId, inline: entry.inline, sourceIp: entry.sourceIp, limitKBps: entry.limitKBps };
}
