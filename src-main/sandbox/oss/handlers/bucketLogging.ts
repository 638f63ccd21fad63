import { ossErrors } from '../ossError.ts';
import { sendEmpty, sendXml } from '../respond.ts';
import type { OssHandler } from '../scope.ts';
import { childElements, childText, parseXml, readXmlBody } from '../xmlBody.ts';

const MAX_BODY = 64 * 1024;

/**
 * PUT /?logging (PutBucketLogging): `<BucketLoggingStatus><LoggingEnabled><TargetBucket>…</TargetBucket>
 * <TargetPrefix>…</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`; without LoggingEnabled it turns
 * logging off. The target must be a bucket of the account in the source bucket's region (OSS "Logging" guide).
 */
export const putBucketLogging: OssHandler = async (scope) => {
  const doc = await parseXml((await readXmlBody(scope.req, MAX_BODY)).toString('utf8'));
  if (doc.name !== 'BucketLoggingStatus') throw ossErrors.malformedXml();
  const enabled = childElements(doc, 'LoggingEnabled');
  if (enabled.length > 1) throw ossErrors.malformedXml();
  const { ctx } = scope;
  if (enabled.length === 0) {
    await ctx.logging.set(scope.bucket, undefined);
    sendEmpty(scope.res, 200);
    return;
  }
  const targetBucket = childText(enabled[0]!, 'TargetBucket') ?? '';
  const targetPrefix = childText(enabled[0]!, 'TargetPrefix') ?? '';
  if (targetBucket === '') throw ossErrors.malformedXml();
  if (!ctx.directory.bucket(targetBucket)) throw ossErrors.invalidTargetBucketForLogging('The target bucket for logging does not exist.');
  if (ctx.directory.bucketRegion(targetBucket) !== ctx.directory.bucketRegion(scope.bucket)) {
    throw ossErrors.invalidTargetBucketForLogging('The target bucket for logging must be in the same region as the source bucket.');
  }
  await ctx.logging.set(scope.bucket, { targetBucket, targetPrefix });
  sendEmpty(scope.res, 200);
};

/** GET /?logging (GetBucketLogging): an empty `<BucketLoggingStatus>` when logging is off. */
export const getBucketLogging: OssHandler = async (scope) => {
  const rule = scope.ctx.logging.get(scope.bucket);
  sendXml(scope.res, 200, 'BucketLoggingStatus', rule ? { LoggingEnabled: { TargetBucket: rule.targetBucket, TargetPrefix: rule.targetPrefix } } : {});
};

/** DELETE /?logging (DeleteBucketLogging): 204, logging off. */
export const deleteBucketLogging: OssHandler = async (scope) => {
  await scope.ctx.logging.set(scope.bucket, undefined);
  sendEmpty(scope.res, 204);
};
