import type OSS from 'ali-oss';

/** Where OSS writes a bucket's access logs: objects `<prefix><sourceBucket>YYYY-mm-DD-HH-MM-SS-<id>` in `bucket`. */
export interface LogLocation {
  bucket: string;
  prefix: string;
}

interface LoggingReply {
  data?: { LoggingEnabled?: { TargetBucket?: unknown; TargetPrefix?: unknown } };
}

// ali-oss's getBucketLogging() returns the prefix but drops TargetBucket; its own request path with the
// `logging` sub-resource gives the whole reply (the same signed GET /?logging).
interface RawRequests {
  _bucketRequestParams(method: string, bucket: string, subres: string): Record<string, unknown>;
  request(params: Record<string, unknown>): Promise<LoggingReply>;
}

/** GetBucketLogging: the log location, or undefined when logging is off. */
export async function logLocationOf(client: OSS, bucket: string): Promise<LogLocation | undefined> {
  const raw = client as unknown as RawRequests;
  const params = { ...raw._bucketRequestParams('GET', bucket, 'logging'), successStatuses: [200], xmlResponse: true };
  const enabled = (await raw.request(params)).data?.LoggingEnabled;
  if (!enabled || typeof enabled.TargetBucket !== 'string' || !enabled.TargetBucket) return undefined;
  return { bucket: enabled.TargetBucket, prefix: typeof enabled.TargetPrefix === 'string' ? enabled.TargetPrefix : '' };
}

/** The key prefix of one source bucket's log objects, and its name in the receipts store. */
export function logObjectsOf(location: LogLocation, sourceBucket: string): { prefix: string; id: string } {
  const prefix = `${location.prefix}${sourceBucket}`;
  return { prefix, id: `${location.bucket}/${prefix}` };
}
