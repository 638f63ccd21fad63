import { promises as fs } from 'node:fs';
import path from 'node:path';
import { logger } from '../../log/logger.ts';
import { partFileName, type StorageLayout } from './layout.ts';
import type { PartsData } from './objectFile.ts';

const log = logger('sandbox');

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The part files behind manifest objects: `multipart/<uploadId>/`, moved there from `uploads/` when
 * the upload completes. A reader pins the folder while it reads, so an overwrite or delete removes
 * it only once the last reader is done (a crash in between leaves it unnamed; the next start drops it).
 */
export class MultipartData {
  private readonly pins = new Map<string, number>();
  private readonly doomed = new Set<string>();

  constructor(private readonly layout: StorageLayout) {}

  /**
   * At start, for the manifests found in `bucket`: finish moves a crash cut short (the manifest is the
   * commit point), trim parts the object does not use, and drop folders no manifest names.
   * Returns the upload ids whose data is gone (not to be listed).
   */
  async recover(bucket: string, manifests: PartsData[]): Promise<Set<string>> {
    const base = this.layout.multipartDir(bucket);
    await fs.mkdir(base, { recursive: true, mode: 0o700 });
    const lost = new Set<string>();
    for (const parts of manifests) {
      const dir = this.layout.multipartDataDir(bucket, parts.uploadId);
      try {
        await fs.access(dir);
      } catch {
        try {
          await fs.rename(this.layout.uploadDir(bucket, parts.uploadId), dir);
        } catch (error) {
          if (!isMissing(error)) throw error;
          log.warn('multipart object has no data; not listing it', { bucket, uploadId: parts.uploadId });
          lost.add(parts.uploadId);
          continue;
        }
      }
      await this.trim(dir, parts);
    }
    const named = new Set(manifests.map((p) => p.uploadId));
    for (const id of await fs.readdir(base)) {
      if (!named.has(id)) await fs.rm(path.join(base, id), { recursive: true, force: true });
    }
    return lost;
  }

  /**
   * Moves a completed upload's folder under `multipart/` (after its manifest is committed) and drops
   * what the object does not use. No fsync: if the move is lost in a crash, `recover` redoes it.
   */
  async adopt(bucket: string, parts: PartsData): Promise<void> {
    const dir = this.layout.multipartDataDir(bucket, parts.uploadId);
    await fs.rename(this.layout.uploadDir(bucket, parts.uploadId), dir);
    // The object is already committed: a failed trim only leaves files `recover` drops next start.
    await this.trim(dir, parts).catch((error: unknown) => log.warn('could not trim multipart data', { bucket, uploadId: parts.uploadId, error: String(error) }));
  }

  private async trim(dir: string, parts: PartsData): Promise<void> {
    const keep = new Set(parts.pieces.map((p) => partFileName(p.partNumber)));
    for (const name of await fs.readdir(dir)) {
      if (!keep.has(name)) await fs.rm(path.join(dir, name), { force: true });
    }
  }

  /** Keeps the folder until the returned release runs. Synchronous, so no commit slips in between. */
  pin(bucket: string, uploadId: string): () => void {
    const id = `${bucket}/${uploadId}`;
    this.pins.set(id, (this.pins.get(id) ?? 0) + 1);
    return () => {
      const left = (this.pins.get(id) ?? 1) - 1;
      if (left > 0) {
        this.pins.set(id, left);
        return;
      }
      this.pins.delete(id);
      if (this.doomed.delete(id)) void this.remove(bucket, uploadId);
    };
  }

  /** The object that named this data is gone (its manifest removal is durable): remove it when unpinned. */
  async discard(bucket: string, uploadId: string): Promise<void> {
    if (this.pins.has(`${bucket}/${uploadId}`)) this.doomed.add(`${bucket}/${uploadId}`);
    else await this.remove(bucket, uploadId);
  }

  private async remove(bucket: string, uploadId: string): Promise<void> {
    await fs.rm(this.layout.multipartDataDir(bucket, uploadId), { recursive: true, force: true }).catch((error: unknown) => {
      log.warn('could not remove multipart data', { bucket, uploadId, error: String(error) });
    });
  }
}
