import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../storage/atomicJson.ts';
import { logger } from '../log/logger.ts';

const log = logger('uploads');

export const DonePartSchema = z.object({
  number: z.number().int().min(1).max(10_000),
  etag: z.string(),
  /** CRC-64 of the part as sent, decimal. */
  crc: z.string(),
  size: z.number().int().nonnegative(),
});
export type DonePart = z.output<typeof DonePartSchema>;

/** The file as it was when the upload began; any difference means "start over". */
export const FileIdentitySchema = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  ino: z.number(),
  dev: z.number(),
});
export type FileIdentity = z.output<typeof FileIdentitySchema>;

export const CheckpointSchema = z.object({
  v: z.literal(1),
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  path: z.string(),
  name: z.string(),
  key: z.string(),
  file: FileIdentitySchema,
  uploadId: z.string(),
  partSize: z.number().int().positive(),
  parts: z.array(DonePartSchema),
  createdAt: z.number(),
  /** The user paused it: after a restart it waits for Resume instead of starting by itself. */
  paused: z.boolean().optional(),
  /** "replace" uploads must still replace after a restart (older checkpoints lack it: keep both). */
  collision: z.enum(['keepBoth', 'replace']).optional(),
});
export type Checkpoint = z.output<typeof CheckpointSchema>;

/**
 * Multipart checkpoints, one file each under `<home>/uploads/checkpoints/`, written atomically after
 * every part. Writes for one upload are serialised so an older state never lands after a newer one.
 */
export class CheckpointStore {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly home: string) {}

  private get dir(): string {
    return path.join(this.home, 'uploads', 'checkpoints');
  }

  private file(id: string): string {
    return path.join(this.dir, `${id.replace(/[^\w-]/g, '_')}.json`);
  }

  save(checkpoint: Checkpoint): Promise<void> {
    const snapshot: Checkpoint = { ...checkpoint, parts: [...checkpoint.parts].sort((a, b) => a.number - b.number) };
    return this.enqueue(checkpoint.id, () => writeJsonAtomic(this.file(checkpoint.id), snapshot));
  }

  remove(id: string): Promise<void> {
    return this.enqueue(id, () => fs.rm(this.file(id), { force: true }));
  }

  private enqueue(id: string, work: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(id) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => undefined);
    this.chains.set(id, tail);
    void tail.then(() => {
      if (this.chains.get(id) === tail) this.chains.delete(id);
    });
    return next;
  }

  async list(): Promise<Checkpoint[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const found: Checkpoint[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      try {
        const checkpoint = await readJson(path.join(this.dir, name), CheckpointSchema);
        if (checkpoint) found.push(checkpoint);
      } catch (error) {
        // A damaged checkpoint costs a fresh upload, never a wrong one.
        log.warn('ignoring unreadable checkpoint', { name, error: String(error).slice(0, 200) });
        await fs.rm(path.join(this.dir, name), { force: true });
      }
    }
    return found.sort((a, b) => a.createdAt - b.createdAt);
  }
}
