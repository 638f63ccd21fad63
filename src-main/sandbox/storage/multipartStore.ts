import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../../storage/atomicJson.ts';
import { syncDirectory } from './directorySync.ts';
import { closeFd, openFd, renameFile } from './fd.ts';
import { KeyLock } from './keyLock.ts';
import { partFileName, UPLOAD_RECORD, type StorageLayout } from './layout.ts';
import { readTrailer, type PartMeta } from './objectFile.ts';

const uploadSchema = z.object({
  uploadId: z.string(),
  bucket: z.string(),
  key: z.string(),
  initiated: z.number(),
  contentType: z.string(),
  headers: z.record(z.string(), z.string()),
});
export type UploadRecord = z.infer<typeof uploadSchema>;

/**
 * Multipart uploads under `<bucket>/uploads/<uploadId>/`: `upload.json` plus one file per part.
 * Part commits, Complete and Abort of one upload run one at a time (`exclusive`).
 */
export class MultipartStore {
  private readonly uploads = new Map<string, UploadRecord>();
  /** Part metas by upload, read from disk once (under the lock), then kept up to date by commitPart. */
  private readonly partMetas = new Map<string, Map<number, PartMeta>>();
  private readonly lock = new KeyLock();

  /** Load after ObjectStore.load, which moves the folders of completed uploads a crash left here. */
  constructor(private readonly layout: StorageLayout) {}

  private dir(record: UploadRecord): string {
    return this.layout.uploadDir(record.bucket, record.uploadId);
  }

  async load(buckets: string[]): Promise<void> {
    for (const bucket of buckets) {
      const base = this.layout.uploadsDir(bucket);
      await fs.mkdir(base, { recursive: true, mode: 0o700 });
      for (const id of await fs.readdir(base)) {
        const record = await readJson(path.join(base, id, UPLOAD_RECORD), uploadSchema).catch(() => undefined);
        if (record) this.uploads.set(id, record);
        else await fs.rm(path.join(base, id), { recursive: true, force: true });
      }
    }
  }

  async initiate(fields: Omit<UploadRecord, 'uploadId'>): Promise<UploadRecord> {
    const record: UploadRecord = { uploadId: randomBytes(16).toString('hex').toUpperCase(), ...fields };
    await writeJsonAtomic(path.join(this.dir(record), UPLOAD_RECORD), record);
    this.uploads.set(record.uploadId, record);
    this.partMetas.set(record.uploadId, new Map());
    return record;
  }

  get(bucket: string, key: string, uploadId: string): UploadRecord | undefined {
    const record = this.uploads.get(uploadId);
    return record && record.bucket === bucket && record.key === key ? record : undefined;
  }

  list(bucket: string): UploadRecord[] {
    return [...this.uploads.values()].filter((u) => u.bucket === bucket);
  }

  /**
   * Runs `work` while no part commit, Complete or Abort of this upload runs; undefined (and `work`
   * not run) when the upload is no longer there.
   */
  async exclusive<T>(record: UploadRecord, work: () => Promise<T>): Promise<T | undefined> {
    return this.lock.run(record.uploadId, async () => (this.uploads.has(record.uploadId) ? work() : undefined));
  }

  /** Publishes a written part; false when the upload was aborted or completed meanwhile. */
  async commitPart(record: UploadRecord, meta: PartMeta, tempPath: string): Promise<boolean> {
    const target = path.join(this.dir(record), partFileName(meta.partNumber));
    let committed = false;
    try {
      committed =
        (await this.exclusive(record, async () => {
          await renameFile(tempPath, target);
          await syncDirectory(path.dirname(target));
          this.partMetas.get(record.uploadId)?.set(meta.partNumber, meta);
          return true;
        })) === true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        await fs.rm(tempPath, { force: true });
        throw error;
      }
    }
    if (!committed) await fs.rm(tempPath, { force: true });
    return committed;
  }

  /** The upload's parts in number order. */
  async parts(record: UploadRecord): Promise<PartMeta[]> {
    const known = this.partMetas.get(record.uploadId) ?? (await this.exclusive(record, () => this.partIndex(record)));
    return byNumber(known);
  }

  /** The same, for use inside `exclusive`. */
  async partsUnderLock(record: UploadRecord): Promise<PartMeta[]> {
    return byNumber(await this.partIndex(record));
  }

  private async partIndex(record: UploadRecord): Promise<Map<number, PartMeta>> {
    let index = this.partMetas.get(record.uploadId);
    if (index) return index;
    index = new Map();
    const dir = this.dir(record);
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!name.startsWith('part-')) continue;
      const fd = await openFd(path.join(dir, name), 'r').catch(() => undefined);
      if (fd === undefined) continue;
      try {
        const { meta } = await readTrailer<PartMeta>(fd);
        index.set(meta.partNumber, meta);
      } finally {
        await closeFd(fd);
      }
    }
    this.partMetas.set(record.uploadId, index);
    return index;
  }

  /** Forgets a completed upload (call inside `exclusive`; its folder now belongs to the object). */
  forget(record: UploadRecord): void {
    this.uploads.delete(record.uploadId);
    this.partMetas.delete(record.uploadId);
  }

  /** Abort: forgets the upload and deletes its parts. */
  async remove(record: UploadRecord): Promise<boolean> {
    const removed = await this.exclusive(record, async () => {
      this.forget(record);
      await fs.rm(this.dir(record), { recursive: true, force: true });
      return true;
    });
    return removed === true;
  }
}

function byNumber(index: Map<number, PartMeta> | undefined): PartMeta[] {
  return [...(index?.values() ?? [])].sort((a, b) => a.partNumber - b.partNumber);
}
