/**
 * Query parameters that select an OSS operation (a "sub-resource"), as OSS documents them: the signed
 * sub-resource lists of the official SDKs (oss2 `auth.py`, Go v2 `requiredSignedParametersMap`, Java
 * `SignParameters`, ali-oss `signUtils.js`) and the API reference's request lines (`PUT /key?acl`,
 * `POST /key?restore`, `GET /?worm` …). Plain parameters (prefix, marker, response-*, security-token,
 * x-oss-traffic-limit, signatures …) are not here: they modify an operation rather than choose one.
 *
 * A request naming one of these that the sandbox does not implement is answered 501 NotImplemented
 * (OSS "Error responses" table: NotImplemented, 501) — never read as the plain operation on the object,
 * which would e.g. make `PUT /key?symlink` overwrite the object.
 */
export const OSS_SUBRESOURCES: readonly string[] = [
  // object
  'acl', 'tagging', 'symlink', 'restore', 'cleanRestoredObject', 'objectMeta', 'append', 'position',
  'uploads', 'uploadId', 'partNumber', 'x-oss-process', 'x-oss-async-process', 'x-oss-write-get-object-response',
  'versionId', 'objectInfo', 'rename', 'seal',
  // bucket
  'delete', 'cors', 'lifecycle', 'logging', 'userDefinedLogFieldsConfig', 'website', 'referer', 'location',
  'stat', 'bucketInfo', 'encryption', 'versioning', 'versions', 'policy', 'policyStatus', 'worm', 'wormId',
  'wormExtend', 'inventory', 'inventoryId', 'replication', 'replicationLocation', 'replicationProgress', 'rtc',
  'qos', 'qosInfo', 'requesterQosInfo', 'qosRequester', 'requestPayment', 'transferAcceleration', 'cname', 'comp',
  'metaQuery', 'resourceGroup', 'style', 'styleName', 'img', 'live', 'status', 'vod', 'startTime', 'endTime',
  'asyncFetch', 'httpsConfig', 'redundancyTransition', 'accessPoint', 'accessPointPolicy', 'publicAccessBlock',
  'resourcePool', 'resourcePoolInfo', 'resourcePoolBuckets', 'bucketArchiveDirectRead', 'dataAccelerator',
  'responseHeader', 'overwriteConfig', 'archiveDirectRead', 'regionList', 'group', 'link',
];

const SELECTORS = new Set(OSS_SUBRESOURCES);

/** The operation-selecting parameters a request names, in request order. */
export function subresourcesOf(query: ReadonlyMap<string, string>): string[] {
  return [...query.keys()].filter((k) => SELECTORS.has(k));
}
