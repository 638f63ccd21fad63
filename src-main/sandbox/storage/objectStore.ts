import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { KeyLock } from './keyLock.ts';
import { readTrailer, type ObjectMeta } from './objectFile.ts';
import { syncDir } from './fsync.ts';
import type { FileHandle } from 'node:fs/promises';

export interface OpenObject {
  handle: FileHandle;
  meta: ObjectMeta;
}

export class ObjectExistsError extends Error {}

/**
 * Objects on disk under `<root>/buckets/<bucket>/objects/<sha256(key)>`, with an in-memory index for
 * listing. Writers stream into `<root>/tmp`, then `commit` renames under a per-key lock.
 */
export class ObjectStore {
  private readonly indexes = new Map<string, Map<string, ObjectMeta>>();
  private readonly sorted = new Map<string, string[]>();
  private readonly lock = new KeyLock();

  constructor(readonly root: string) {}

  get tempDir(): string {
    return path.join(this.root, 'tmp');
  }

  bucketDir(bucket: string): string {
    return path.join(this.root, 'buckets', bucket);
  }

  private objectPath(bucket: string, key: string): string {
    return path.join(this.bucketDir(bucket), 'objects', createHash('sha256').update(key).digest('hex'));
  }

  /** Creates folders, drops leftovers of interrupted writes and rebuilds the index from disk. */
  async load(buckets: string[]): Promise<void> {
    await fs.rm(this.tempDir, { recursive: true, force: true });
    await fs.mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    for (const bucket of buckets) {
      const dir = path.join(this.bucketDir(bucket), 'objects');
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const index = new Map<string, ObjectMeta>();
      for (const name of await fs.readdir(dir)) {
        const handle = await fs.open(path.join(dir, name), 'r');
        try {
          const { meta } = await readTrailer<ObjectMeta>(handle);
          index.set(meta.key, meta);
        } catch {
          // Not one of ours (or damaged by hand): leave it, never list it.
        } finally {
          await handle.close();
        }
      }
      this.indexes.set(bucket, index);
    }
  }

  head(bucket: string, key: string): ObjectMeta | undefined {
    return this.indexes.get(bucket)?.get(key);
  }

  /** Publishes a fully written temp file as the object. Throws ObjectExistsError when asked not to overwrite. */
  async commit(bucket: string, tempPath: string, meta: ObjectMeta, forbidOverwrite = false): Promise<void> {
    const target = this.objectPath(bucket, meta.key);
    await this.lock.run(`${bucket}/${meta.key}`, async () => {
      if (forbidOverwrite && this.head(bucket, meta.key)) {
        await fs.rm(tempPath, { force: true });
        throw new ObjectExistsError();
      }
      await fs.rename(tempPath, target);
      await syncDir(path.dirname(target));
      const index = this.indexes.get(bucket)!;
      if (!index.has(meta.key)) this.sorted.delete(bucket);
      index.set(meta.key, meta);
    });
  }

  /** Opens the object's current file; its meta is read from that same file, so the two agree. */
  async open(bucket: string, key: string): Promise<OpenObject | undefined> {
    let handle: FileHandle;
    try {
      handle = await fs.open(this.objectPath(bucket, key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const { meta } = await readTrailer<ObjectMeta>(handle);
      return { handle, meta };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(bucket: string, key: string): Promise<void> {
    await this.lock.run(`${bucket}/${key}`, async () => {
      await fs.rm(this.objectPath(bucket, key), { force: true });
      if (this.indexes.get(bucket)?.delete(key)) this.sorted.delete(bucket);
    });
  }

  /** Keys in byte order (OSS lists in UTF-8 binary order). */
  sortedKeys(bucket: string): string[] {
    let keys = this.sorted.get(bucket);
    if (!keys) {
      keys = [...(this.indexes.get(bucket)?.keys() ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      this.sorted.set(bucket, keys);
    }
    return keys;
  }
}
