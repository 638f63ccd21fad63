import type { OssRoute } from './route.ts';
import type { IncomingMessage } from 'node:http';
import { ossErrors } from './ossError.ts';
import { subresourcesOf } from './subresources.ts';

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
  | 'ListParts'
  | 'GetObjectAcl'
  | 'PutObjectAcl'
  | 'GetObjectTagging'
  | 'PutObjectTagging'
  | 'DeleteObjectTagging'
  | 'GetBucketLogging'
  | 'PutBucketLogging'
  | 'DeleteBucketLogging';

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
  GetObjectAcl: 'oss:GetObjectAcl',
  PutObjectAcl: 'oss:PutObjectAcl',
  GetObjectTagging: 'oss:GetObjectTagging',
  PutObjectTagging: 'oss:PutObjectTagging',
  DeleteObjectTagging: 'oss:DeleteObjectTagging',
  GetBucketLogging: 'oss:GetBucketLogging',
  PutBucketLogging: 'oss:PutBucketLogging',
  DeleteBucketLogging: 'oss:DeleteBucketLogging',
};

/** Operations that authorize each object themselves (the request names several). */
export const AUTHORIZED_PER_OBJECT = new Set<OperationName>(['DeleteMultipleObjects']);

/**
 * The operation a request names: its method plus the sub-resources in its query (subresources.ts).
 * Any sub-resource combination not listed here is an operation the sandbox does not implement.
 */
export function identifyOperation(req: IncomingMessage, route: OssRoute): OperationName {
  const method = req.method ?? 'GET';
  const q = route.query;
  const named = subresourcesOf(q);
  const only = (...names: string[]): boolean => named.length === names.length && names.every((n) => q.has(n));
  if (route.bucket === undefined) {
    if (method === 'GET' && named.length === 0) return 'ListBuckets';
    if (method !== 'GET') throw ossErrors.methodNotAllowed();
    throw ossErrors.notImplemented();
  }
  if (route.key === undefined) return bucketOperation(method, q, only, named.length === 0);
  switch (method) {
    case 'PUT': {
      const copy = req.headers['x-oss-copy-source'] !== undefined;
      if (named.length === 0) return copy ? 'CopyObject' : 'PutObject';
      // UploadPart checks that both are there (a missing one is its own InvalidArgument).
      if (named.every((n) => n === 'uploadId' || n === 'partNumber')) return copy ? 'UploadPartCopy' : 'UploadPart';
      if (only('acl')) return 'PutObjectAcl';
      if (only('tagging')) return 'PutObjectTagging';
      break;
    }
    case 'GET':
      if (named.length === 0) return 'GetObject';
      if (only('uploadId')) return 'ListParts';
      if (only('acl')) return 'GetObjectAcl';
      if (only('tagging')) return 'GetObjectTagging';
      break;
    case 'HEAD':
      if (named.length === 0) return 'HeadObject';
      if (only('objectMeta')) return 'GetObjectMeta';
      break;
    case 'DELETE':
      if (named.length === 0) return 'DeleteObject';
      if (only('uploadId')) return 'AbortMultipartUpload';
      if (only('tagging')) return 'DeleteObjectTagging';
      break;
    case 'POST':
      if (only('uploads')) return 'InitiateMultipartUpload';
      if (only('uploadId')) return 'CompleteMultipartUpload';
      break;
    default:
      throw ossErrors.methodNotAllowed();
  }
  throw ossErrors.notImplemented();
}

function bucketOperation(method: string, q: ReadonlyMap<string, string>, only: (...names: string[]) => boolean, plain: boolean): OperationName {
  switch (method) {
    case 'GET':
      if (plain) return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
      if (only('bucketInfo')) return 'GetBucketInfo';
      if (only('location')) return 'GetBucketLocation';
      if (only('uploads')) return 'ListMultipartUploads';
      if (only('logging')) return 'GetBucketLogging';
      break;
    case 'PUT':
      if (only('logging')) return 'PutBucketLogging';
      break;
    case 'DELETE':
      if (only('logging')) return 'DeleteBucketLogging';
      break;
    case 'POST':
      if (only('delete')) return 'DeleteMultipleObjects';
      break;
    case 'HEAD':
      break;
    default:
      throw ossErrors.methodNotAllowed();
  }
  throw ossErrors.notImplemented();
}

export function resourceArn(region: string, accountId: string, bucket: string | undefined, key: string | undefined): string {
  if (bucket === undefined) return `acs:oss:${region}:${accountId}:*`;
  return key === undefined ? `acs:oss:${region}:${accountId}:${bucket}` : `acs:oss:${region}:${accountId}:${bucket}/${key}`;
}
