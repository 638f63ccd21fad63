import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LedgerEntrySchema } from '../contract/links.ts';
import { readJson, writeJsonAtomic } from '../storage/atomicJson.ts';

/**
 * Every link Ferry made: object, profile, when, until when, options. Never the URL or its signature —
 * links are re-signed on demand; only SHA-256 hashes of the signatures handed out, to match access-log
 * lines ("opened" receipts, receipts/). Kept in `<dataHome>/links.json`, written atomically.
 */
export const StoredEntrySchema = LedgerEntrySchema.extend({
  stoppedAt: z.number().optional(),
  /** What the user asked for, when the link was made shorter (cappedBy). */
  requestedExpiresAt: z.number().optional(),
  /** signatureHash.ts of each URL handed out for this entry (newest last, at most LINK_HASHES). */
  linkHashes: z.array(z.string()).optional(),
  /** When the day-before reminder for this link was shown (reminders/): it is shown once. */
  remindedAt: z.number().optional(),
});
export type StoredEntry = z.output<typeof StoredEntrySchema>;

const LedgerFileSchema = z.object({ version: z.literal(1), entries: z.array(StoredEntrySchema) });

/** Oldest entries beyond this are dropped (expired ones first, as they are the oldest). */
export const LEDGER_LIMIT = 5_000;
/** Re-signing the same entry (Copy again, Copy all) adds a hash each time; the oldest are dropped beyond this. */
export const LINK_HASHES = 20;

export class Ledger {
  private entries: StoredEntry[] | undefined;
  private loadedMtime = 0;
  private pending: { change: (entries: StoredEntry[]) => void; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing: Promise<void> | undefined;

  constructor(private readonly home: string) {}

  get file(): string {
    return path.join(this.home, 'links.json');
  }

  async list(): Promise<StoredEntry[]> {
    return [...(await this.load())];
  }

  async get(id: string): Promise<StoredEntry | undefined> {
    return (await this.load()).find((e) => e.id === id);
  }

  add(entry: StoredEntry): Promise<void> {
    return this.mutate((entries) => {
      entries.push(entry);
      if (entries.length > LEDGER_LIMIT) entries.splice(0, entries.length - LEDGER_LIMIT);
    });
  }

  /** Remembers one more signature handed out for entry `id` (a re-signed copy of the same link). */
  addLinkHash(id: string, hash: string): Promise<void> {
    return this.mutate((entries) => {
      const e = entries.find((x) => x.id === id);
      if (!e) return;
      const hashes = (e.linkHashes ?? []).filter((h) => h !== hash);
      hashes.push(hash);
      e.linkHashes = hashes.slice(-LINK_HASHES);
    });
  }

  /** Notes that the reminder for entry `id` was shown. */
  markReminded(id: string, at: number): Promise<void> {
    return this.mutate((entries) => {
      const e = entries.find((x) => x.id === id);
      if (e) e.remindedAt = at;
    });
  }

  /**
   * Marks every link to `objectKey` made through any of `profileIds` (the connections to one bucket) stopped;
   * returns how many were still counted as live.
   */
  markStopped(profileIds: string | readonly string[], objectKey: string, stop: { at: number; mode: 'delete' | 'move'; movedTo?: string }): Promise<number> {
    const through = new Set(typeof profileIds === 'string' ? [profileIds] : profileIds);
    let live = 0;
    return this.mutate((entries) => {
      for (const e of entries) {
        if (!through.has(e.profileId) || e.objectKey !== objectKey || e.stopped) continue;
        if (e.expiresAt > stop.at) live += 1;
        e.stopped = true;
        e.stoppedAt = stop.at;
        e.stopMode = stop.mode;
        if (stop.movedTo !== undefined) e.movedTo = stop.movedTo;
      }
    }).then(() => live);
  }

  /**
   * Serialized read-modify-write that picks up what another Ferry process (the CLI) wrote meanwhile.
   * Changes that arrive while a write is in flight are applied together in the next one (group commit),
   * so a burst of links costs one fsync'd write, not one each.
   */
  private mutate(change: (entries: StoredEntry[]) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ change, resolve, reject });
      if (!this.writing) this.writing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0);
      try {
        const entries = (await this.load()).map((e) => ({ ...e }));
        for (const { change } of batch) change(entries);
        await writeJsonAtomic(this.file, { version: 1, entries });
        this.entries = entries;
        this.loadedMtime = await this.mtime();
        for (const { resolve } of batch) resolve();
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    this.writing = undefined;
  }

  private async load(): Promise<StoredEntry[]> {
    const mtime = await this.mtime();
    if (this.entries && mtime === this.loadedMtime) return this.entries;
    const file = await readJson(this.file, LedgerFileSchema);
    this.entries = file?.entries ?? [];
    this.loadedMtime = mtime;
    return this.entries;
  }

  private async mtime(): Promise<number> {
    try {
      return (await fs.stat(this.file)).mtimeMs;
    } catch {
      return 0;
    }
  }
}
