import type { OperationName } from '../operations.ts';
import type { OssHandler } from '../scope.ts';
import { getBucketInfo, getBucketLocation, listBuckets } from './bucket.ts';
import { listObjects, listObjectsV2 } from './listObjects.ts';
import { completeMultipartUpload } from './multipartComplete.ts';
import { listMultipartUploads, listParts } from './multipartList.ts';
import { abortMultipartUpload, initiateMultipartUpload, uploadPart } from './multipartUpload.ts';
import { getObject, getObjectMeta, headObject } from './objectRead.ts';
import { copyObject, deleteObject, putObject } from './objectWrite.ts';
import { deleteMultipleObjects } from './deleteMultiple.ts';
import { uploadPartCopy } from './uploadPartCopy.ts';
import { deleteBucketLogging, getBucketLogging, putBucketLogging } from './bucketLogging.ts';
import { getObjectAcl, putObjectAcl } from './objectAcl.ts';
import { deleteObjectTagging, getObjectTagging, putObjectTagging } from './objectTagging.ts';

export const HANDLERS: Record<OperationName, OssHandler> = {
  ListBuckets: listBuckets,
  GetBucketInfo: getBucketInfo,
  GetBucketLocation: getBucketLocation,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListMultipartUploads: listMultipartUploads,
  PutObject: putObject,
  CopyObject: copyObject,
  GetObject: getObject,
  HeadObject: headObject,
  GetObjectMeta: getObjectMeta,
  DeleteObject: deleteObject,
  DeleteMultipleObjects: deleteMultipleObjects,
  InitiateMultipartUpload: initiateMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
  GetObjectAcl: getObjectAcl,
  PutObjectAcl: putObjectAcl,
  GetObjectTagging: getObjectTagging,
  PutObjectTagging: putObjectTagging,
  DeleteObjectTagging: deleteObjectTagging,
  GetBucketLogging: getBucketLogging,
  PutBucketLogging: putBucketLogging,
  DeleteBucketLogging: deleteBucketLogging,
};
