import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where things live under `<dataDir>/oss`:
 *
 *   tmp/                                   writes in progress (wiped at start)
 *   buckets/<bucket>/objects/<sha256(key)> one file per object: inline data, or a manifest (objectFile.ts)
 *   buckets/<bucket>/uploads/<uploadId>/   an upload in progress: upload.json + part-00001 …
 *   buckets/<bucket>/multipart/<uploadId>/ a completed upload's part files, the data of a manifest object
 *   buckets/<bucket>/attributes/<sha256(key)>.json  an object's ACL and tags (objectAttributes.ts)
 *   buckets/<bucket>/logging.json          the bucket's access-logging rule (bucketLogging.ts)
 */
export class StorageLayout {
  constructor(readonly root: string) {}

  get tempDir(): string {
    return path.join(this.root, 'tmp');
  }

  bucketDir(bucket: string): string {
    return path.join(this.root, 'buckets', bucket);
  }

  objectsDir(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'objects');
  }

  objectFile(bucket: string, key: string): string {
    return path.join(this.objectsDir(bucket), createHash('sha256').update(key).digest('hex'));
  }

  /** An object's ACL and tags, kept beside it so that changing them does not rewrite its data. */
  attributesFile(bucket: string, key: string): string {
    return path.join(this.bucketDir(bucket), 'attributes', `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  loggingFile(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'logging.json');
  }

  uploadsDir(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'uploads');
  }

  uploadDir(bucket: string, uploadId: string): string {
    return path.join(this.uploadsDir(bucket), uploadId);
  }

  multipartDir(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'multipart');
  }

  /** The part files of a completed multipart object. */
  multipartDataDir(bucket: string, uploadId: string): string {
    return path.join(this.multipartDir(bucket), uploadId);
  }
}

export const UPLOAD_RECORD = 'upload.json';

export function partFileName(partNumber: number): string {
  return `part-${String(partNumber).padStart(5, '0')}`;
}
