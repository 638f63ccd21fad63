import type { OssRoute } from './route.ts';
import type { IncomingMessage } from 'node:http';
import { ossErrors } from './ossError.ts';

export type OperationName =
  | 'ListBuckets'
  | 'GetBucketInfo'
  | 'GetBucketLocation'
  | 'ListObjects'
  | 'ListObjectsV2'
  | 'ListMultipartUploads'
  | 'PutObject'
  | 'CopyObject'
  | 'GetObject'
  | 'HeadObject'
  | 'GetObjectMeta'
  | 'DeleteObject'
  | 'DeleteMultipleObjects'
  | 'InitiateMultipartUpload'
  | 'UploadPart'
  | 'UploadPartCopy'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'ListParts';

/** RAM action each API needs (OSS "Action element" page). */
export const ACTION: Record<OperationName, string> = {
  ListBuckets: 'oss:ListBuckets',
  GetBucketInfo: 'oss:GetBucketInfo',
  GetBucketLocation: 'oss:GetBucketLocation',
  ListObjects: 'oss:ListObjects',
  ListObjectsV2: 'oss:ListObjects',
  ListMultipartUploads: 'oss:ListMultipartUploads',
  PutObject: 'oss:PutObject',
  CopyObject: 'oss:PutObject',
  GetObject: 'oss:GetObject',
  HeadObject: 'oss:GetObject',
  GetObjectMeta: 'oss:GetObject',
  DeleteObject: 'oss:DeleteObject',
  DeleteMultipleObjects: 'oss:DeleteObject',
  InitiateMultipartUpload: 'oss:PutObject',
  UploadPart: 'oss:PutObject',
  UploadPartCopy: 'oss:PutObject',
  CompleteMultipartUpload: 'oss:PutObject',
  AbortMultipartUpload: 'oss:AbortMultipartUpload',
  ListParts: 'oss:ListParts',
};

/** Operations that authorize each object themselves (the request names several). */
export const AUTHORIZED_PER_OBJECT = new Set<OperationName>(['DeleteMultipleObjects']);

export function identifyOperation(req: IncomingMessage, route: OssRoute): OperationName {
  const method = req.method ?? 'GET';
  const q = route.query;
  if (route.bucket === undefined) {
    if (method === 'GET') return 'ListBuckets';
    throw ossErrors.methodNotAllowed();
  }
  if (route.key === undefined) {
    if (method === 'POST' && q.has('delete')) return 'DeleteMultipleObjects';
    if (method !== 'GET') throw ossErrors.notImplemented();
    if (q.has('bucketInfo')) return 'GetBucketInfo';
    if (q.has('location')) return 'GetBucketLocation';
    if (q.has('uploads')) return 'ListMultipartUploads';
    if (q.get('list-type') === '2') return 'ListObjectsV2';
    return 'ListObjects';
  }
  switch (method) {
    case 'PUT':
      if (q.has('uploadId') || q.has('partNumber')) return req.headers['x-oss-copy-source'] !== undefined ? 'UploadPartCopy' : 'UploadPart';
      return req.headers['x-oss-copy-source'] !== undefined ? 'CopyObject' : 'PutObject';
    case 'GET':
      return q.has('uploadId') ? 'ListParts' : 'GetObject';
    case 'HEAD':
      return q.has('objectMeta') ? 'GetObjectMeta' : 'HeadObject';
    case 'DELETE':
      return q.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'POST':
      if (q.has('uploads')) return 'InitiateMultipartUpload';
      if (q.has('uploadId')) return 'CompleteMultipartUpload';
      throw ossErrors.notImplemented();
    default:
      throw ossErrors.methodNotAllowed();
  }
}

export function resourceArn(region: string, accountId: string, bucket: string | undefined, key: string | undefined): string {
  if (bucket === undefined) return `acs:oss:${region}:${accountId}:*`;
  return key === undefined ? `acs:oss:${region}:${accountId}:${bucket}` : `acs:oss:${region}:${accountId}:${bucket}/${key}`;
}
