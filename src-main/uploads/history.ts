import path from 'node:path';
import { z } from 'zod';
import { readJson } from '../storage/atomicJson.ts';
import { CoalescedJsonFile } from '../storage/coalescedJsonFile.ts';
import { logger } from '../log/logger.ts';

const log = logger('uploads');

export const HistoryEntrySchema = z.object({
  id: z.string(),
  objectKey: z.string(),
  /** The name the user knows (relative path inside what was dropped). */
  name: z.string(),
  size: z.number(),
  finishedAt: z.number(),
  profileId: z.string(),
  bucket: z.string(),
});
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;

const FileSchema = z.object({ v: z.literal(1), entries: z.array(HistoryEntrySchema) });

const KEEP = 1_000;
const WRITE_DELAY_MS = 250;

/**
 * Finished uploads, newest first, in `<home>/uploads/history.json` — what the links and tray features
 * offer to share. Writes are coalesced (a folder of 1,000 small files is one write, not 1,000).
 */
export class UploadHistory {
  private entries: HistoryEntry[] = [];
  private loaded: Promise<void> | undefined;
  private readonly listeners = new Set<(entries: readonly HistoryEntry[]) => void>();
  private readonly writer: CoalescedJsonFile;

  constructor(private readonly home: string) {
    this.writer = new CoalescedJsonFile(this.file, () => ({ v: 1 as const, entries: [...this.entries] }), WRITE_DELAY_MS, 'upload history');
  }

  private get file(): string {
    return path.join(this.home, 'uploads', 'history.json');
  }

  load(): Promise<void> {
    this.loaded ??= readJson(this.file, FileSchema)
      .then((data) => {
        this.entries = [...(data?.entries ?? []), ...this.entries];
      })
      .catch((error: unknown) => {
        log.warn('history file unreadable; starting a new one', { error: String(error).slice(0, 200) });
      });
    return this.loaded;
  }

  /** The `n` most recent finished uploads, newest first. */
  recent(n = 20): HistoryEntry[] {
    return this.entries.slice(0, n);
  }

  /** Size of a recently uploaded object, so "Copy link" needs no network call. */
  sizeOf(profileId: string, objectKey: string): number | undefined {
    return this.entries.find((e) => e.profileId === profileId && e.objectKey === objectKey)?.size;
  }

  /** When the newest upload to this key finished (a key freed by "Stop sharing" can be uploaded to again). */
  uploadedAt(profileId: string, objectKey: string): number | undefined {
    return this.entries.find((e) => e.profileId === profileId && e.objectKey === objectKey)?.finishedAt;
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.load();
    this.entries.unshift(entry);
    if (this.entries.length > KEEP) this.entries.length = KEEP;
    for (const listener of this.listeners) listener(this.entries);
    this.writer.schedule();
  }

  /** Called with the whole list (newest first) whenever an upload finishes. Returns an unsubscribe. */
  onChange(listener: (entries: readonly HistoryEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes pending changes now (on quit); nothing to write, no write. */
  flush(): Promise<void> {
    return this.writer.flush();
  }
}
