import { ObjectExistsError, type OpenObject } from '../../storage/objectStore.ts';
import { writeTempObject } from '../../storage/tempFile.ts';
import type { ObjectMeta } from '../../storage/objectFile.ts';
import { isoMillis } from '../auth/skew.ts';
import { authorize } from '../authorize.ts';
import { resourceArn } from '../operations.ts';
import { contentTypeOf, quoteEtag, storableHeaders } from '../objectHeaders.ts';
import { forbidsOverwrite, headerValue } from '../header.ts';
import { ossErrors } from '../ossError.ts';
import { sendEmpty, sendXml } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';
import { receiveBody } from './receiveBody.ts';

/** Refuses early (before reading a body) when the key is taken and the request forbids overwriting. */
function checkOverwrite(scope: OssScope): void {
  if (forbidsOverwrite(scope.req) && scope.ctx.objects.head(scope.bucket, scope.key)) throw ossErrors.fileAlreadyExists('0026-00000002');
}

async function publish(scope: OssScope, tempPath: string, meta: ObjectMeta): Promise<void> {
  try {
    await scope.ctx.objects.commit(scope.bucket, tempPath, meta, forbidsOverwrite(scope.req));
  } catch (error) {
    if (error instanceof ObjectExistsError) throw ossErrors.fileAlreadyExists('0026-00000002');
    throw error;
  }
}

export const putObject: OssHandler = async (scope) => {
  checkOverwrite(scope);
  const { tempPath, meta } = await receiveBody(scope, (body): ObjectMeta => ({
    key: scope.key,
    size: body.size,
    etag: quoteEtag(body.md5.toString('hex').toUpperCase()),
    crc64: body.crc64.toString(),
    type: 'Normal',
    lastModified: scope.ctx.clock.now(),
    contentType: contentTypeOf(scope.req),
    headers: storableHeaders(scope.req),
  }));
  await publish(scope, tempPath, meta);
  sendEmpty(scope.res, 200, {
    ETag: meta.etag,
    'x-oss-hash-crc64ecma': meta.crc64,
    'Content-MD5': Buffer.from(meta.etag.slice(1, -1), 'hex').toString('base64'),
  });
};

export const deleteObject: OssHandler = async (scope) => {
  await scope.ctx.objects.delete(scope.bucket, scope.key);
  sendEmpty(scope.res, 204);
};

function parseCopySource(header: string): { bucket: string; key: string } {
  const decoded = decodeURIComponent(header.split('?')[0] ?? '');
  const m = /^\/?([^/]+)\/(.+)$/.exec(decoded);
  if (!m) throw ossErrors.invalidArgument('Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.', 'x-oss-copy-source', header);
  return { bucket: m[1]!, key: m[2]! };
}

/**
 * The `x-oss-copy-source` of CopyObject / UploadPartCopy, once the caller is found to have GetObject on
 * it (PutObject on the target was checked with the request).
 */
export function authorizedCopySource(scope: OssScope): { bucket: string; key: string } {
  const { ctx } = scope;
  const source = parseCopySource(String(headerValue(scope.req, 'x-oss-copy-source')));
  if (!ctx.directory.bucket(source.bucket)) throw ossErrors.noSuchBucket(source.bucket);
  authorize(ctx, scope.principal, { action: 'oss:GetObject', resource: resourceArn(ctx.directory.bucketRegion(source.bucket), ctx.directory.accountId, source.bucket, source.key), context: {} }, {
    sourceIp: scope.sourceIp,
    userAgent: headerValue(scope.req, 'user-agent') ?? '',
    publicRead: ctx.directory.bucket(source.bucket)?.acl === 'public-read',
  });
  return source;
}

/** Opens the copy source for reading; the caller closes the handle. */
export async function openCopySource(scope: OssScope, source: { bucket: string; key: string }): Promise<OpenObject> {
  const opened = await scope.ctx.objects.open(source.bucket, source.key);
  if (!opened) throw ossErrors.noSuchKey(source.key);
  return opened;
}

/** CopyObject: needs GetObject on the source as well as PutObject on the target. */
export const copyObject: OssHandler = async (scope) => {
  const { ctx } = scope;
  const source = authorizedCopySource(scope);
  checkOverwrite(scope);
  const opened = await openCopySource(scope, source);
  const replace = headerValue(scope.req, 'x-oss-metadata-directive')?.toUpperCase() === 'REPLACE';
  // The copy is a new inline object: the source's part files (if it has any) stay the source's.
  const src: ObjectMeta = { ...opened.meta };
  delete src.parts;
  let written: { tempPath: string; meta: ObjectMeta };
  try {
    written = await writeTempObject(ctx.objects.tempDir, opened.read(0, src.size - 1), [], () => ({
      ...src,
      key: scope.key,
      lastModified: ctx.clock.now(),
      contentType: replace ? contentTypeOf(scope.req) : src.contentType,
      headers: replace ? storableHeaders(scope.req) : src.headers,
    }));
  } finally {
    await opened.close();
  }
  await publish(scope, written.tempPath, written.meta);
  sendXml(scope.res, 200, 'CopyObjectResult', { ETag: written.meta.etag, LastModified: isoMillis(written.meta.lastModified) }, {
    ETag: written.meta.etag,
    'x-oss-hash-crc64ecma': written.meta.crc64,
  });
};
