import { isoMillis } from '../auth/skew.ts';
import { sendXml } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';

function locationOf(scope: OssScope, bucket = scope.bucket): string {
  return `oss-${scope.ctx.directory.bucketRegion(bucket)}`;
}

/** Buckets come from config; their creation date is the sandbox's first start. */
function creationDate(scope: OssScope): string {
  return isoMillis(scope.ctx.createdAt);
}

export const getBucketLocation: OssHandler = async (scope) => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint>${locationOf(scope)}</LocationConstraint>`;
  scope.res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(text) });
  scope.res.end(text);
};

export const getBucketInfo: OssHandler = async (scope) => {
  const location = locationOf(scope);
  const acl = scope.ctx.directory.bucket(scope.bucket)?.acl ?? 'private';
  const account = scope.ctx.directory.accountId;
  sendXml(scope.res, 200, 'BucketInfo', {
    Bucket: {
      AccessMonitor: 'Disabled',
      CreationDate: creationDate(scope),
      ExtranetEndpoint: `${location}.aliyuncs.com`,
      IntranetEndpoint: `${location}-internal.aliyuncs.com`,
      Location: location,
      StorageClass: 'Standard',
      TransferAcceleration: 'Disabled',
      CrossRegionReplication: 'Disabled',
      Name: scope.bucket,
      ResourceGroupId: 'rg-default',
      Owner: { DisplayName: account, ID: account },
      AccessControlList: { Grant: acl },
      Comment: '',
      DataRedundancyType: 'LRS',
      ServerSideEncryptionRule: { SSEAlgorithm: 'None' },
      BucketPolicy: { LogBucket: '', LogPrefix: '' },
    },
  });
};

export const listBuckets: OssHandler = async (scope) => {
  const account = scope.ctx.directory.accountId;
  sendXml(scope.res, 200, 'ListAllMyBucketsResult', {
    Owner: { ID: account, DisplayName: account },
    Buckets: {
      Bucket: scope.ctx.directory.config.buckets.map((b) => ({
        CreationDate: creationDate(scope),
        ExtranetEndpoint: `${locationOf(scope, b.name)}.aliyuncs.com`,
        IntranetEndpoint: `${locationOf(scope, b.name)}-internal.aliyuncs.com`,
        Location: locationOf(scope, b.name),
        Name: b.name,
        Region: scope.ctx.directory.bucketRegion(b.name),
        StorageClass: 'Standard',
      })),
    },
  });
};
