import path from 'node:path';
import { z } from 'zod';
import { UploadSourceSchema } from '../contract/uploads.ts';
import { logger } from '../log/logger.ts';
import { readJson } from '../storage/atomicJson.ts';
import { CoalescedJsonFile } from '../storage/coalescedJsonFile.ts';
import { isFinished, type QueueEntry } from './queueEntry.ts';

const log = logger('uploads');

export const PendingUploadSchema = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  profileId: z.string(),
  baseKey: z.string(),
  collision: z.enum(['keepBoth', 'replace']),
  source: UploadSourceSchema,
  /** The user paused it: after a restart it waits for Resume. */
  paused: z.boolean(),
});
export type PendingUpload = z.output<typeof PendingUploadSchema>;

const FileSchema = z.object({ v: z.literal(1), uploads: z.array(PendingUploadSchema) });

const WRITE_DELAY_MS = 500;

/**
 * The unfinished part of the queue in `<home>/uploads/queue.json`, so files dropped but not yet sent
 * (not only multipart uploads with a checkpoint) carry on after a quit or a crash. Written when an
 * entry's state changes — coalesced, never on plain progress.
 */
export class PendingUploadsStore {
  private readonly lastState = new Map<string, string>();
  private readonly writer: CoalescedJsonFile;

  constructor(
    private readonly home: string,
    private readonly entries: () => Iterable<QueueEntry>,
  ) {
    this.writer = new CoalescedJsonFile(this.file, () => ({ v: 1, uploads: this.unfinished() }), WRITE_DELAY_MS, 'upload queue');
  }

  private get file(): string {
    return path.join(this.home, 'uploads', 'queue.json');
  }

  /** Cheap enough to call on every progress tick: only a state change schedules a write. */
  observe(entry: QueueEntry | undefined, id: string): void {
    const state = entry ? `${entry.state}:${entry.userPaused ? 1 : 0}` : 'removed';
    if (this.lastState.get(id) === state) return;
    if (entry) this.lastState.set(id, state);
    else this.lastState.delete(id);
    this.writer.schedule();
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  private unfinished(): PendingUpload[] {
    const uploads: PendingUpload[] = [];
    for (const e of this.entries()) {
      if (isFinished(e.state) || e.baseKey === '') continue;
      uploads.push({ id: e.id, path: e.path, name: e.name, profileId: e.profile.id, baseKey: e.baseKey, collision: e.collision, source: e.source, paused: e.userPaused === true });
    }
    return uploads;
  }

  async load(): Promise<PendingUpload[]> {
    try {
      return (await readJson(this.file, FileSchema))?.uploads ?? [];
    } catch (error) {
      // A damaged queue file costs the user a re-drop, never a wrong upload.
      log.warn('ignoring unreadable upload queue', { error: String(error).slice(0, 200) });
      return [];
    }
  }
}
