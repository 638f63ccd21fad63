import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../../storage/atomicJson.ts';
import { syncDir } from './fsync.ts';
import { readTrailer, type PartMeta } from './objectFile.ts';
import type { ObjectStore } from './objectStore.ts';

const uploadSchema = z.object({
  uploadId: z.string(),
  bucket: z.string(),
  key: z.string(),
  initiated: z.number(),
  contentType: z.string(),
  headers: z.record(z.string(), z.string()),
});
export type UploadRecord = z.infer<typeof uploadSchema>;

/** Multipart uploads under `<bucket>/uploads/<uploadId>/`: `upload.json` plus one file per part. */
export class MultipartStore {
  private readonly uploads = new Map<string, UploadRecord>();

  constructor(private readonly objects: ObjectStore) {}

  private dir(bucket: string, uploadId?: string): string {
    const base = path.join(this.objects.bucketDir(bucket), 'uploads');
    return uploadId === undefined ? base : path.join(base, uploadId);
  }

  async load(buckets: string[]): Promise<void> {
    for (const bucket of buckets) {
      const base = this.dir(bucket);
      await fs.mkdir(base, { recursive: true, mode: 0o700 });
      for (const id of await fs.readdir(base)) {
        const record = await readJson(path.join(base, id, 'upload.json'), uploadSchema).catch(() => undefined);
        if (record) this.uploads.set(id, record);
        else await fs.rm(path.join(base, id), { recursive: true, force: true });
      }
    }
  }

  async initiate(fields: Omit<UploadRecord, 'uploadId'>): Promise<UploadRecord> {
    const record: UploadRecord = { uploadId: randomBytes(16).toString('hex').toUpperCase(), ...fields };
    await writeJsonAtomic(path.join(this.dir(record.bucket, record.uploadId), 'upload.json'), record);
    this.uploads.set(record.uploadId, record);
    return record;
  }

  get(bucket: string, key: string, uploadId: string): UploadRecord | undefined {
    const record = this.uploads.get(uploadId);
    return record && record.bucket === bucket && record.key === key ? record : undefined;
  }

  list(bucket: string): UploadRecord[] {
    return [...this.uploads.values()].filter((u) => u.bucket === bucket);
  }

  partPath(record: UploadRecord, partNumber: number): string {
    return path.join(this.dir(record.bucket, record.uploadId), `part-${String(partNumber).padStart(5, '0')}`);
  }

  /** Publishes a written part; false when the upload was aborted or completed meanwhile. */
  async commitPart(record: UploadRecord, partNumber: number, tempPath: string): Promise<boolean> {
    if (!this.uploads.has(record.uploadId)) {
      await fs.rm(tempPath, { force: true });
      return false;
    }
    const target = this.partPath(record, partNumber);
    try {
      await fs.rename(tempPath, target);
    } catch (error) {
      await fs.rm(tempPath, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    await syncDir(path.dirname(target));
    return true;
  }

  async parts(record: UploadRecord): Promise<PartMeta[]> {
    const dir = this.dir(record.bucket, record.uploadId);
    const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith('part-')).sort();
    const parts: PartMeta[] = [];
    for (const name of names) {
      const handle = await fs.open(path.join(dir, name), 'r').catch(() => undefined);
      if (!handle) continue;
      try {
        parts.push((await readTrailer<PartMeta>(handle)).meta);
      } finally {
        await handle.close();
      }
    }
    return parts;
  }

  async remove(record: UploadRecord): Promise<void> {
    this.uploads.delete(record.uploadId);
    await fs.rm(this.dir(record.bucket, record.uploadId), { recursive: true, force: true });
  }
}
