import type { Purpose } from './types.ts';

/** RAM policy wildcards are `*` and `?`; a literal one in a prefix would widen the grant. */
function policySafe(prefix: string): string {
  return prefix.replace(/[*?]/g, '');
}

/**
 * The session policy for one purpose: the credentials get the intersection of this and the role's own
 * policies, so each purpose can do only its job, and only under the profile's prefix.
 */
export function sessionPolicy(purpose: Purpose, bucket: string, prefix: string): string {
  const objects = `acs:oss:*:*:${bucket}/${policySafe(prefix)}*`;
  const statements: Record<string, unknown>[] = [];
  if (purpose === 'upload') {
    statements.push({
      Effect: 'Allow',
      Action: ['oss:PutObject', 'oss:AbortMultipartUpload', 'oss:ListParts'],
      Resource: [objects],
    });
  } else if (purpose === 'share') {
    statements.push({ Effect: 'Allow', Action: ['oss:GetObject'], Resource: [objects] });
  } else if (purpose === 'receipts') {
    // "Opened" receipts (links/receipts/): where the bucket's access logs go, the list of log objects, and
    // the log objects of this bucket only — OSS names them `<TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-<id>`,
    // wherever IT put them; the role's own policy (IT's extra read right) bounds it further.
    const stamp = '????-??-??-??-??-??-*';
    statements.push(
      { Effect: 'Allow', Action: ['oss:GetBucketLogging'], Resource: [`acs:oss:*:*:${bucket}`] },
      { Effect: 'Allow', Action: ['oss:ListObjects'], Resource: ['acs:oss:*:*:*'] },
      { Effect: 'Allow', Action: ['oss:GetObject'], Resource: [`acs:oss:*:*:*/*${policySafe(bucket)}${stamp}`] },
    );
  } else {
    statements.push(
      // GetObject + PutObject inside the prefix: "Stop sharing → move" copies on the server (CopyObject,
      // or multipart UploadPartCopy for big files) before deleting the original; a failed multipart copy
      // is aborted.
      { Effect: 'Allow', Action: ['oss:DeleteObject', 'oss:GetObject', 'oss:PutObject', 'oss:AbortMultipartUpload'], Resource: [objects] },
      {
        Effect: 'Allow',
        Action: ['oss:ListObjects'],
        Resource: [`acs:oss:*:*:${bucket}`],
        Condition: { StringLike: { 'oss:Prefix': [`${policySafe(prefix)}*`] } },
      },
    );
  }
  return JSON.stringify({ Version: '1', Statement: statements });
}
