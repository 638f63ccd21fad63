import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import type { SandboxContext } from '../context.ts';
import type { BucketLoggingStore } from '../storage/bucketLogging.ts';
import type { MultipartStore } from '../storage/multipartStore.ts';
import type { ObjectAttributesStore } from '../storage/objectAttributes.ts';
import type { AccessLogDelivery } from './accessLog/delivery.ts';
import type { ObjectStore } from '../storage/objectStore.ts';
import type { Principal } from './auth/principal.ts';
import type { OperationName } from './operations.ts';
import type { OssRoute } from './route.ts';
import type { ServedOperations } from './servedOperations.ts';

export interface OssContext extends SandboxContext {
  objects: ObjectStore;
  uploads: MultipartStore;
  /** `http://127.0.0.1:PORT`, for Location elements. */
  endpoint: string;
  /** When this sandbox's data folder was first used: the buckets' CreationDate. */
  createdAt: number;
  served: ServedOperations;
  /** Object ACLs and tags. */
  attributes: ObjectAttributesStore;
  /** Buckets' access-logging rules. */
  logging: BucketLoggingStore;
  accessLogs: AccessLogDelivery;
}

/** One authenticated, authorized request on its way to a handler. */
export interface OssScope {
  ctx: OssContext;
  req: IncomingMessage;
  res: ServerResponse;
  route: OssRoute;
  op: OperationName;
  bucket: string;
  key: string;
  principal: Principal;
  presigned: boolean;
  sourceIp: string;
  /** Traffic limit / fault stages to put between the request body and its destination. */
  inbound: Transform[];
  /** The same for data sent in the response body. */
  outbound: Transform[];
}

export type OssHandler = (scope: OssScope) => Promise<void>;
