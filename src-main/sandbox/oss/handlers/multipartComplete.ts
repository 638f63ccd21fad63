import { createHash } from 'node:crypto';
import { crc64Combine } from '../../../crc64/crc64.ts';
import type { ObjectMeta, PartMeta, PartsData } from '../../storage/objectFile.ts';
import { ObjectExistsError } from '../../storage/objectStore.ts';
import type { UploadRecord } from '../../storage/multipartStore.ts';
import { etagsEqual } from '../objectHeaders.ts';
import { forbidsOverwrite, headerValue } from '../header.ts';
import { ossErrors } from '../ossError.ts';
import { sendXml } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';
import { childElements, childText, parseXml, readXmlBody, type XmlElement } from '../xmlBody.ts';
import { encoder } from './listObjects.ts';
import { findUpload } from './multipartUpload.ts';

export const MIN_PART_SIZE = 100 * 1024;
const MAX_BODY = 1024 * 1024;

/** Checks the client's part list: ascending numbers, known parts with matching ETags, 100 KB minimum but last. */
function selectParts(doc: XmlElement | undefined, stored: PartMeta[], completeAll: boolean): PartMeta[] {
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  if (completeAll) return [...stored].sort((a, b) => a.partNumber - b.partNumber);
  if (doc?.name !== 'CompleteMultipartUpload') throw ossErrors.malformedXml();
  const requested = childElements(doc, 'Part').map((part) => ({
    number: Number(childText(part, 'PartNumber') || NaN),
    etag: childText(part, 'ETag') ?? '',
  }));
  if (requested.length === 0) throw ossErrors.malformedXml();
  if (requested.some((r) => !Number.isInteger(r.number))) throw ossErrors.malformedXml();
  for (let i = 1; i < requested.length; i++) {
    if (requested[i]!.number <= requested[i - 1]!.number) throw ossErrors.invalidPartOrder();
  }
  const chosen = requested.map((r) => {
    const part = byNumber.get(r.number);
    if (!part || !etagsEqual(part.etag, r.etag)) throw ossErrors.invalidPart(r.number, r.etag);
    return part;
  });
  for (const part of chosen.slice(0, -1)) if (part.size < MIN_PART_SIZE) throw ossErrors.entityTooSmall(part.partNumber);
  return chosen;
}

export function multipartEtag(parts: PartMeta[]): string {
  const md5 = createHash('md5');
  for (const p of parts) md5.update(Buffer.from(p.etag.replace(/"/g, ''), 'hex'));
  return `"${md5.digest('hex').toUpperCase()}-${parts.length}"`;
}

/** The object the chosen parts make: data stays in the part files; CRC-64 combined from theirs. */
function manifestMeta(scope: OssScope, record: UploadRecord, parts: PartMeta[]): ObjectMeta & { parts: PartsData } {
  return {
    key: scope.key,
    size: parts.reduce((n, p) => n + p.size, 0),
    etag: multipartEtag(parts),
    crc64: parts.reduce((acc, p) => crc64Combine(acc, BigInt(p.crc64), p.size), 0n).toString(),
    type: 'Multipart',
    lastModified: scope.ctx.clock.now(),
    contentType: record.contentType,
    headers: record.headers,
    parts: { uploadId: record.uploadId, pieces: parts.map((p) => ({ partNumber: p.partNumber, size: p.size })) },
  };
}

export const completeMultipartUpload: OssHandler = async (scope) => {
  const record = findUpload(scope);
  const body = (await readXmlBody(scope.req, MAX_BODY)).toString('utf8');
  const completeAll = headerValue(scope.req, 'x-oss-complete-all')?.toLowerCase() === 'yes';
  // With x-oss-complete-all the body is ignored (it is usually empty).
  const doc = completeAll ? undefined : await parseXml(body);
  const { uploads, objects } = scope.ctx;
  // No part lands, and no Abort runs, between reading the parts and publishing the object.
  const meta = await uploads.exclusive(record, async () => {
    const built = manifestMeta(scope, record, selectParts(doc, await uploads.partsUnderLock(record), completeAll));
    try {
      await objects.commitParts(scope.bucket, built, forbidsOverwrite(scope.req));
    } catch (error) {
      if (error instanceof ObjectExistsError) throw ossErrors.fileAlreadyExists('0042-00000214');
      throw error;
    }
    uploads.forget(record);
    return built;
  });
  if (!meta) throw ossErrors.noSuchUpload(record.uploadId);
  const enc = encoder(scope);
  sendXml(
    scope.res,
    200,
    'CompleteMultipartUploadResult',
    {
      ...(scope.route.query.get('encoding-type') === 'url' ? { EncodingType: 'url' } : {}),
      Location: `${scope.ctx.endpoint}/${scope.bucket}/${encodeURIComponent(scope.key).replace(/%2F/g, '/')}`,
      Bucket: scope.bucket,
      Key: enc(scope.key),
      ETag: meta.etag,
    },
    { ETag: meta.etag, 'x-oss-hash-crc64ecma': meta.crc64 },
  );
};
