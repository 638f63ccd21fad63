import { BodyDigest } from '../../storage/bodyDigest.ts';
import { writeTempObject } from '../../storage/tempFile.ts';
import type { PartMeta } from '../../storage/objectFile.ts';
import { isoMillis } from '../auth/skew.ts';
import { headerValue } from '../header.ts';
import { quoteEtag } from '../objectHeaders.ts';
import { ossErrors } from '../ossError.ts';
import { sendXml } from '../respond.ts';
import type { OssHandler } from '../scope.ts';
import { findUpload, partNumberOf } from './multipartUpload.ts';
import { authorizedCopySource, openCopySource } from './objectWrite.ts';

const RANGE = /^bytes=(\d+)-(\d+)$/;

/** `x-oss-copy-source-range: bytes=first-last` (inclusive), which must lie inside the source. */
function copyRange(header: string | undefined, size: number): { start: number; end: number } {
  if (header === undefined) return { start: 0, end: size - 1 };
  const m = RANGE.exec(header.trim());
  const start = Number(m?.[1]);
  const end = Number(m?.[2]);
  if (!m || start > end || end >= size) {
    throw ossErrors.invalidArgument('The specified copy range is invalid or exceeds the size of the source object.', 'x-oss-copy-source-range', header);
  }
  return { start, end };
}

/**
 * UploadPartCopy: `PUT /<key>?partNumber=N&uploadId=ID` with `x-oss-copy-source` (and optionally
 * `x-oss-copy-source-range`) — a part made of bytes the server already holds. Needs GetObject on the
 * source and PutObject on the target, like CopyObject.
 */
export const uploadPartCopy: OssHandler = async (scope) => {
  const { ctx } = scope;
  const partNumber = partNumberOf(scope);
  const record = findUpload(scope);
  const source = authorizedCopySource(scope);
  const opened = await openCopySource(scope, source);
  let written: { tempPath: string; meta: PartMeta };
  try {
    const { start, end } = copyRange(headerValue(scope.req, 'x-oss-copy-source-range'), opened.meta.size);
    const digest = new BodyDigest();
    written = await writeTempObject(ctx.objects.tempDir, opened.read(start, end), [], (): PartMeta => ({
      partNumber,
      size: digest.bytes,
      etag: quoteEtag(digest.md5Bytes().toString('hex').toUpperCase()),
      crc64: digest.crc64().toString(),
      lastModified: ctx.clock.now(),
    }), digest.update);
  } finally {
    await opened.close();
  }
  if (!(await ctx.uploads.commitPart(record, written.meta, written.tempPath))) throw ossErrors.noSuchUpload(record.uploadId);
  sendXml(scope.res, 200, 'CopyPartResult', { LastModified: isoMillis(written.meta.lastModified), ETag: written.meta.etag }, { ETag: written.meta.etag });
};
