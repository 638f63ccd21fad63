/** An OSS REST error: status, code, message, extra elements and (when known) the EC code. */
export class OssError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
    readonly ec?: string,
    /** Extra response headers (e.g. none today); kept for completeness. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const SIG_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

export function hexBytes(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

export const ossErrors = {
  accessDeniedAnonymous: () => new OssError(403, 'AccessDenied', 'Anonymous access is forbidden for this operation.', {}, '0003-00001201'),
  accessDeniedAcl: () => new OssError(403, 'AccessDenied', 'You have no right to access this object because of bucket acl.', {}),
  accessDeniedAuthorizer: () => new OssError(403, 'AccessDenied', "Access denied by authorizer's policy.", {}),
  /** The bucket lives in another region than the endpoint the request went to (code as in the Go SDK's fixture). */
  wrongEndpoint: (bucket: string, endpoint: string) =>
    new OssError(
      403,
      'AccessDenied',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      { Bucket: bucket, Endpoint: endpoint },
    ),
  accessDenied: (message: string, ec?: string) => new OssError(403, 'AccessDenied', message, {}, ec),
  requestExpired: (expires: string, serverTime: string) =>
    new OssError(403, 'AccessDenied', 'Request has expired.', { Expires: expires, ServerTime: serverTime }, '0002-00000069'),
  invalidDate: () => new OssError(403, 'AccessDenied', 'OSS authentication requires a valid Date.', {}),
  timeSkewed: (requestTime: string, serverTime: string) =>
    new OssError(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      { RequestTime: requestTime, ServerTime: serverTime, MaxAllowedSkewMilliseconds: '900000' },
    ),
  invalidAccessKeyId: (ak: string, ec?: string) =>
    new OssError(403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.', { OSSAccessKeyId: ak }, ec),
  disabledAccessKeyId: (ak: string) =>
    new OssError(403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided is disabled.', { OSSAccessKeyId: ak }),
  signatureMismatch: (ak: string, provided: string, stringToSign: string, ec: string, canonicalRequest?: string) =>
    new OssError(
      403,
      'SignatureDoesNotMatch',
      SIG_MISMATCH,
      {
        OSSAccessKeyId: ak,
        SignatureProvided: provided,
        StringToSign: stringToSign,
        StringToSignBytes: hexBytes(stringToSign),
        ...(canonicalRequest !== undefined ? { CanonicalRequest: canonicalRequest, CanonicalRequestBytes: hexBytes(canonicalRequest) } : {}),
      },
      ec,
    ),
  tokenExpired: () => new OssError(403, 'SecurityTokenExpired', 'The security token you provided has expired.', {}, '0002-00000007'),
  tokenInvalid: () => new OssError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.', {}, '0002-00000006'),
  tokenKeyMismatch: () =>
    new OssError(403, 'AccessKeyIdAndSecurityTokenNotMatch', 'The OSS access key id and security token you provided does not match', {}),
  invalidArgument: (message: string, name?: string, value?: string, ec?: string) =>
    new OssError(400, 'InvalidArgument', message, { ...(name !== undefined ? { ArgumentName: name } : {}), ...(value !== undefined ? { ArgumentValue: value } : {}) }, ec),
  noSuchBucket: (bucket: string) => new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: bucket }, '0015-00000101'),
  noSuchKey: (key: string) => new OssError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key }, '0026-00000001'),
  noSuchUpload: (uploadId: string) =>
    new OssError(
      404,
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      { UploadId: uploadId },
      '0042-00000104',
    ),
  invalidDigest: (provided: string) =>
    new OssError(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.', { 'Content-MD5': provided }),
  badDigest: (expected: string, calculated: string) =>
    new OssError(400, 'InvalidDigest', 'The Content-MD5 you specified did not match what we received.', { ExpectedDigest: expected, CalculatedDigest: calculated }),
  /** `x-oss-forbid-overwrite: true` and the key is taken. EC per OSS's error pages: PutObject/CopyObject
   *  0026-00000002, CompleteMultipartUpload 0042-00000214; none documented for InitiateMultipartUpload. */
  fileAlreadyExists: (ec?: '0026-00000002' | '0042-00000214') =>
    new OssError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.', {}, ec),
  invalidPartOrder: () =>
    new OssError(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', {}, '0042-00000209'),
  invalidPart: (partNumber: number, etag: string) =>
    new OssError(
      400,
      'InvalidPart',
      "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.",
      { PartNumber: String(partNumber), ETag: etag },
    ),
  entityTooSmall: (partNumber: number) =>
    new OssError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.', { PartNumber: String(partNumber), MinSizeAllowed: '102400' }, '0042-00000213'),
  malformedXml: () => new OssError(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.', {}),
  invalidRange: (size: number) =>
    new OssError(416, 'InvalidRange', 'The requested range cannot be satisfied.', { ActualObjectSize: String(size) }),
  preconditionFailed: (condition: string) =>
    new OssError(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold.', { Condition: condition }),
  missingContentLength: () => new OssError(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', {}),
  entityTooLarge: () => new OssError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', {}),
  incompleteBody: () => new OssError(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', {}),
  /** PutObjectACL with an x-oss-object-acl OSS does not know (PutObjectACL API page: 400 InvalidArgument). */
  invalidObjectAcl: (value: string) =>
    new OssError(400, 'InvalidArgument', 'no such object access control exists', { ArgumentName: 'x-oss-object-acl', ArgumentValue: value }),
  /** PutObjectTagging outside the object-tagging rules (10 tags, key 1–128, value 0–256 characters). */
  invalidTag: (message: string) => new OssError(400, 'InvalidTag', message, {}),
  /** PutBucketLogging naming a bucket that is not the caller's or not in the source bucket's region. */
  invalidTargetBucketForLogging: (message: string) => new OssError(400, 'InvalidTargetBucketForLogging', message, {}),
  methodNotAllowed: () => new OssError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', {}),
  notImplemented: () => new OssError(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented.', {}),
  internal: () => new OssError(500, 'InternalError', 'We encountered an internal error. Please try again.', {}),
  serviceUnavailable: () => new OssError(503, 'ServiceUnavailable', 'Please reduce your request rate.', {}),
};
