import { createHash } from 'node:crypto';
import { authorize } from '../authorize.ts';
import { headerValue } from '../header.ts';
import { resourceArn } from '../operations.ts';
import { ossErrors } from '../ossError.ts';
import { sendXml } from '../respond.ts';
import type { OssHandler } from '../scope.ts';
import { childElements, childText, parseXml, readXmlBody } from '../xmlBody.ts';
import { encoder } from './listObjects.ts';

const MAX_BODY = 2 * 1024 * 1024;
const MAX_KEYS = 1000;

/** POST /<bucket>/?delete: up to 1000 keys; every key needs oss:DeleteObject; missing keys count as deleted. */
export const deleteMultipleObjects: OssHandler = async (scope) => {
  const body = await readXmlBody(scope.req, MAX_BODY);
  const md5 = headerValue(scope.req, 'content-md5');
  if (md5 === undefined) throw ossErrors.invalidArgument('Missing required header for this request: Content-MD5.', 'Content-MD5', '');
  const actual = createHash('md5').update(body).digest('base64');
  if (md5 !== actual) throw ossErrors.badDigest(md5, actual);
  const doc = await parseXml(body.toString('utf8'));
  if (doc.name !== 'Delete') throw ossErrors.malformedXml();
  const keys = childElements(doc, 'Object').map((o) => childText(o, 'Key') ?? '');
  if (keys.length === 0 || keys.length > MAX_KEYS || keys.some((k) => k === '')) throw ossErrors.malformedXml();
  const quiet = childText(doc, 'Quiet')?.toLowerCase() === 'true';
  const { ctx } = scope;
  for (const key of keys) {
    authorize(ctx, scope.principal, { action: 'oss:DeleteObject', resource: resourceArn(ctx.directory.bucketRegion(scope.bucket), ctx.directory.accountId, scope.bucket, key), context: {} }, {
      sourceIp: scope.sourceIp,
      userAgent: scope.req.headers['user-agent'] ?? '',
      publicRead: false,
    });
  }
  for (const key of keys) await ctx.objects.delete(scope.bucket, key);
  const enc = encoder(scope);
  sendXml(scope.res, 200, 'DeleteResult', {
    ...(scope.route.query.get('encoding-type') === 'url' ? { EncodingType: 'url' } : {}),
    Deleted: quiet ? [] : keys.map((k) => ({ Key: enc(k) })),
  });
};
