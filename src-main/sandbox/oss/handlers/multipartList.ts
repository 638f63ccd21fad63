import { isoMillis } from '../auth/skew.ts';
import { ossErrors } from '../ossError.ts';
import { sendXml } from '../respond.ts';
import type { OssHandler } from '../scope.ts';
import { encoder } from './listObjects.ts';
import { findUpload } from './multipartUpload.ts';

function intParam(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw ossErrors.invalidArgument(`Argument ${name} must be an integer between 0 and ${max}.`, name, value);
  return n;
}

export const listParts: OssHandler = async (scope) => {
  const record = findUpload(scope);
  const q = scope.route.query;
  const maxParts = Math.max(1, intParam(q.get('max-parts'), 'max-parts', 1000, 1000));
  const marker = intParam(q.get('part-number-marker'), 'part-number-marker', 0, 10000);
  const all = (await scope.ctx.uploads.parts(record)).filter((p) => p.partNumber > marker);
  const page = all.slice(0, maxParts);
  const truncated = all.length > page.length;
  const enc = encoder(scope);
  sendXml(scope.res, 200, 'ListPartsResult', {
    ...(q.get('encoding-type') === 'url' ? { EncodingType: 'url' } : {}),
    Bucket: scope.bucket,
    Key: enc(scope.key),
    UploadId: record.uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
    MaxParts: maxParts,
    IsTruncated: truncated,
    Part: page.map((p) => ({
      PartNumber: p.partNumber,
      LastModified: isoMillis(p.lastModified),
      ETag: p.etag,
      HashCrc64ecma: p.crc64,
      Size: p.size,
    })),
  });
};

export const listMultipartUploads: OssHandler = async (scope) => {
  const q = scope.route.query;
  const prefix = q.get('prefix') ?? '';
  const keyMarker = q.get('key-marker') ?? '';
  const uploadIdMarker = q.get('upload-id-marker') ?? '';
  const maxUploads = Math.max(1, intParam(q.get('max-uploads'), 'max-uploads', 1000, 1000));
  const all = scope.ctx.uploads
    .list(scope.bucket)
    .filter((u) => u.key.startsWith(prefix))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.initiated - b.initiated || (a.uploadId < b.uploadId ? -1 : 1)))
    .filter((u) => u.key > keyMarker || (u.key === keyMarker && uploadIdMarker !== '' && u.uploadId > uploadIdMarker));
  const page = all.slice(0, maxUploads);
  const truncated = all.length > page.length;
  const enc = encoder(scope);
  sendXml(scope.res, 200, 'ListMultipartUploadsResult', {
    ...(q.get('encoding-type') === 'url' ? { EncodingType: 'url' } : {}),
    Bucket: scope.bucket,
    KeyMarker: enc(keyMarker),
    UploadIdMarker: uploadIdMarker,
    NextKeyMarker: enc(truncated ? (page.at(-1)?.key ?? '') : ''),
    NextUploadIdMarker: truncated ? (page.at(-1)?.uploadId ?? '') : '',
    Delimiter: enc(q.get('delimiter') ?? ''),
    Prefix: enc(prefix),
    MaxUploads: maxUploads,
    IsTruncated: truncated,
    Upload: page.map((u) => ({ Key: enc(u.key), UploadId: u.uploadId, StorageClass: 'Standard', Initiated: isoMillis(u.initiated) })),
  });
};
