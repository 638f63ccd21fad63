import { promises as fs } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './directorySync.ts';
import { closeFd, openFd, readFd, removeFile, renameFile } from './fd.ts';
import { KeyLock } from './keyLock.ts';
import { StorageLayout } from './layout.ts';
import { MultipartData } from './multipartData.ts';
import { decodeObjectFile, encodeManifest, readTrailer, type ObjectMeta, type PartsData } from './objectFile.ts';
import { bufferedObject, inlineObject, manifestObject, type OpenObject } from './objectReader.ts';
import { writeTempFile } from './tempFile.ts';

export type { OpenObject } from './objectReader.ts';

export class ObjectExistsError extends Error {}

/** Objects up to this size are read whole when opened (one read instead of stat + trailer + data reads). */
const READ_WHOLE_BYTES = 256 * 1024;
/** Room for the JSON meta and trailer beyond the data, when reading a small object whole. */
const META_ROOM = 16 * 1024;

/**
 * Objects on disk under `<root>/buckets/<bucket>/objects/<sha256(key)>`, with an in-memory index for
 * listing. Writers stream into `<root>/tmp`, then `commit` renames under a per-key lock. A multipart
 * object is a manifest naming its completed upload's part files (see multipartData.ts).
 */
export class ObjectStore {
  readonly layout: StorageLayout;
  private readonly indexes = new Map<string, Map<string, ObjectMeta>>();
  private readonly sorted = new Map<string, string[]>();
  private readonly lock = new KeyLock();
  private readonly data: MultipartData;

  constructor(readonly root: string) {
    this.layout = new StorageLayout(root);
    this.data = new MultipartData(this.layout);
  }

  get tempDir(): string {
    return this.layout.tempDir;
  }

  /** Creates folders, drops leftovers of interrupted writes and rebuilds the index from disk. */
  async load(buckets: string[]): Promise<void> {
    await fs.rm(this.tempDir, { recursive: true, force: true });
    await fs.mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    for (const bucket of buckets) {
      const dir = this.layout.objectsDir(bucket);
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const index = new Map<string, ObjectMeta>();
      for (const name of await fs.readdir(dir)) {
        const fd = await openFd(path.join(dir, name), 'r');
        try {
          const { meta } = await readTrailer<ObjectMeta>(fd);
          index.set(meta.key, meta);
        } catch {
          // Not one of ours (or damaged by hand): leave it, never list it.
        } finally {
          await closeFd(fd);
        }
      }
      const lost = await this.data.recover(bucket, [...index.values()].flatMap((m) => (m.parts ? [m.parts] : [])));
      for (const [key, meta] of index) if (meta.parts && lost.has(meta.parts.uploadId)) index.delete(key);
      this.indexes.set(bucket, index);
    }
  }

  head(bucket: string, key: string): ObjectMeta | undefined {
    return this.indexes.get(bucket)?.get(key);
  }

  /** Publishes a fully written temp file as the object. Throws ObjectExistsError when asked not to overwrite. */
  async commit(bucket: string, tempPath: string, meta: ObjectMeta, forbidOverwrite = false): Promise<void> {
    await this.lock.run(`${bucket}/${meta.key}`, async () => {
      if (forbidOverwrite && this.head(bucket, meta.key)) {
        await removeFile(tempPath);
        throw new ObjectExistsError();
      }
      await this.publish(bucket, tempPath, meta);
    });
  }

  /**
   * Makes a completed upload's parts the object, without copying them: writes a manifest naming them,
   * renames it into place (the commit point), then moves the upload's folder to `multipart/`. A crash
   * after the commit point is rolled forward at the next start (MultipartData.recover).
   */
  async commitParts(bucket: string, meta: ObjectMeta & { parts: PartsData }, forbidOverwrite: boolean): Promise<void> {
    await this.lock.run(`${bucket}/${meta.key}`, async () => {
      if (forbidOverwrite && this.head(bucket, meta.key)) throw new ObjectExistsError();
      const tempPath = await writeTempFile(this.tempDir, encodeManifest(meta));
      await this.publish(bucket, tempPath, meta, () => this.data.adopt(bucket, meta.parts));
    });
  }

  /** Under the key's lock: rename into place, then (before readers are pointed at it) `beforeIndex`. */
  private async publish(bucket: string, tempPath: string, meta: ObjectMeta, beforeIndex?: () => Promise<void>): Promise<void> {
    const target = this.layout.objectFile(bucket, meta.key);
    try {
      await renameFile(tempPath, target);
    } catch (error) {
      await removeFile(tempPath);
      throw error;
    }
    await syncDirectory(path.dirname(target));
    await beforeIndex?.();
    const index = this.indexes.get(bucket)!;
    const previous = index.get(meta.key);
    if (!previous) this.sorted.delete(bucket);
    index.set(meta.key, meta);
    if (previous?.parts) await this.data.discard(bucket, previous.parts.uploadId);
  }

  /** Opens the object as it is now; reading it stays valid if it is overwritten or deleted meanwhile. */
  async open(bucket: string, key: string): Promise<OpenObject | undefined> {
    let stale: ObjectMeta | undefined;
    for (;;) {
      const indexed = this.head(bucket, key);
      if (!indexed) return undefined;
      // Pin before any await, so a concurrent overwrite keeps the parts until this reader closes.
      if (indexed.parts) return manifestObject(indexed, indexed.parts, this.layout.multipartDataDir(bucket, indexed.parts.uploadId), this.data.pin(bucket, indexed.parts.uploadId));
      if (indexed === stale) throw new Error('object file and index disagree after a failed commit');
      const opened = await this.openInline(bucket, key, indexed.size);
      if (opened !== 'manifest') return opened;
      // The file became a manifest that the index does not show yet: wait for that commit to finish.
      stale = indexed;
      await this.lock.run(`${bucket}/${key}`, async () => undefined);
    }
  }

  /** `indexedSize`: the size the index knows, to guess whether the file can be read whole. */
  private async openInline(bucket: string, key: string, indexedSize: number): Promise<OpenObject | undefined | 'manifest'> {
    let fd: number;
    try {
      fd = await openFd(this.layout.objectFile(bucket, key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let keepOpen = false;
    try {
      // The meta comes from the opened file itself, so data and meta agree.
      if (indexedSize <= READ_WHOLE_BYTES) {
        const room = indexedSize + META_ROOM;
        const file = Buffer.allocUnsafe(room);
        const length = await readFd(fd, file, room, 0);
        // A short read of a regular file means its end was reached: all of it is in `file`.
        if (length < room) {
          const { meta, data } = decodeObjectFile<ObjectMeta>(file.subarray(0, length));
          return meta.parts ? 'manifest' : bufferedObject(meta, data);
        }
      }
      const { meta } = await readTrailer<ObjectMeta>(fd);
      if (meta.parts) return 'manifest';
      keepOpen = true;
      return inlineObject(fd, meta);
    } finally {
      if (!keepOpen) await closeFd(fd);
    }
  }

  async delete(bucket: string, key: string): Promise<void> {
    await this.lock.run(`${bucket}/${key}`, async () => {
      const file = this.layout.objectFile(bucket, key);
      await removeFile(file);
      // Durable before any part files go: a crash must never bring back a manifest without its data.
      await syncDirectory(path.dirname(file));
      const previous = this.indexes.get(bucket)?.get(key);
      if (this.indexes.get(bucket)?.delete(key)) this.sorted.delete(bucket);
      if (previous?.parts) await this.data.discard(bucket, previous.parts.uploadId);
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
