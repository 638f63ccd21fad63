import type { PartMeta } from '../../storage/objectFile.ts';
import { contentTypeOf, quoteEtag, storableHeaders } from '../objectHeaders.ts';
import { forbidsOverwrite } from '../header.ts';
import { ossErrors } from '../ossError.ts';
import { sendEmpty, sendXml } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';
import type { UploadRecord } from '../../storage/multipartStore.ts';
import { encoder } from './listObjects.ts';
import { receiveBody } from './receiveBody.ts';

export function findUpload(scope: OssScope): UploadRecord {
  const uploadId = scope.route.query.get('uploadId') ?? '';
  const record = scope.ctx.uploads.get(scope.bucket, scope.key, uploadId);
  if (!record) throw ossErrors.noSuchUpload(uploadId);
  return record;
}

export const initiateMultipartUpload: OssHandler = async (scope) => {
  // OSS checks at Initiate too, so a long upload does not start towards a taken name (and at Complete).
  if (forbidsOverwrite(scope.req) && scope.ctx.objects.head(scope.bucket, scope.key)) throw ossErrors.fileAlreadyExists();
  const record = await scope.ctx.uploads.initiate({
    bucket: scope.bucket,
    key: scope.key,
    initiated: scope.ctx.clock.now(),
    contentType: contentTypeOf(scope.req),
    headers: storableHeaders(scope.req),
  });
  const enc = encoder(scope);
  sendXml(scope.res, 200, 'InitiateMultipartUploadResult', {
    ...(scope.route.query.get('encoding-type') === 'url' ? { EncodingType: 'url' } : {}),
    Bucket: scope.bucket,
    Key: enc(scope.key),
    UploadId: record.uploadId,
  });
};

export function partNumberOf(scope: OssScope): number {
  const text = scope.route.query.get('partNumber');
  if (text === undefined) {
    throw ossErrors.invalidArgument('Unexpected query string parameter.', 'ResourceType', 'partNumber', '0017-00000219');
  }
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 10000) {
    throw ossErrors.invalidArgument('Part number must be an integer between 1 and 10000, inclusive.', 'PartNumber', text, '0017-00000220');
  }
  return n;
}

export const uploadPart: OssHandler = async (scope) => {
  const partNumber = partNumberOf(scope);
  if (!scope.route.query.has('uploadId')) throw ossErrors.invalidArgument('Unexpected query string parameter.', 'ResourceType', 'uploadId');
  const record = findUpload(scope);
  const { tempPath, meta } = await receiveBody(scope, (body): PartMeta => ({
    partNumber,
    size: body.size,
    etag: quoteEtag(body.md5.toString('hex').toUpperCase()),
    crc64: body.crc64.toString(),
    lastModified: scope.ctx.clock.now(),
  }));
  if (!(await scope.ctx.uploads.commitPart(record, meta, tempPath))) throw ossErrors.noSuchUpload(record.uploadId);
  sendEmpty(scope.res, 200, {
    ETag: meta.etag,
    'x-oss-hash-crc64ecma': meta.crc64,
    'Content-MD5': Buffer.from(meta.etag.slice(1, -1), 'hex').toString('base64'),
  });
};

export const abortMultipartUpload: OssHandler = async (scope) => {
  const record = findUpload(scope);
  if (!(await scope.ctx.uploads.remove(record))) throw ossErrors.noSuchUpload(record.uploadId);
  sendEmpty(scope.res, 204);
};
