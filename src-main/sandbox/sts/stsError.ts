/** An STS (POP RPC) error: JSON body with Code/Message/RequestId/HostId/Recommend. */
export class StsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const stsErrors = {
  /** POP names a missing parameter in the code, as with MissingSecurityToken. */
  missingParameter: (p: string) => new StsError(400, `Missing${p}`, `${p} is mandatory for this action.`),
  contentType: () =>
    new StsError(400, 'InvalidParameter.ContentType', 'The ContentType request header must be either "application/json" or "application/x-www-form-urlencoded".'),
  keyNotFound: () => new StsError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  keyInactive: () => new StsError(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.'),
  timestampFormat: () => new StsError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'),
  timestampExpired: () => new StsError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  signatureMethod: () => new StsError(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.'),
  signatureMismatch: (stringToSign: string) =>
    new StsError(400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`),
  /** A V3 Authorization header that is malformed or leaves a header unsigned (POP gateway's code for it). */
  incompleteSignature: () => new StsError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.'),
  nonceUsed: () => new StsError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  unknownAction: () => new StsError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.'),
  missingToken: () => new StsError(400, 'MissingSecurityToken', 'SecurityToken is mandatory for this action.'),
  tokenExpired: () => new StsError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.'),
  tokenMalformed: () => new StsError(400, 'InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.'),
  tokenMismatch: () => new StsError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.'),
  durationSeconds: () => new StsError(400, 'InvalidParameter.DurationSeconds', 'The Min/Max value of DurationSeconds is 15min/1hr.'),
  roleSessionName: () => new StsError(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.'),
  roleArn: () => new StsError(400, 'InvalidParameter.RoleArn', 'The parameter RoleArn is wrongly formed.'),
  externalId: () => new StsError(400, 'InvalidParameter.ExternalId', 'The parameter ExternalId is wrongly formed.'),
  policyGrammar: () => new StsError(400, 'InvalidParameter.PolicyGrammar', 'The parameter Policy has not passed grammar check.'),
  policySize: () => new StsError(400, 'InvalidParameter.PolicySize', 'The size of Policy must be smaller than 2048 bytes.'),
  notAuthorizedByRam: () =>
    new StsError(403, 'NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.'),
  rootAccount: () => new StsError(403, 'NoPermission', 'Roles may not be assumed by root accounts.'),
  roleNotTrusted: () =>
    new StsError(
      403,
      'NoPermission',
      'No permission perform sts:AssumeRole on this Role. Maybe you are not authorized to perform sts:AssumeRole or the specified role does not trust you',
    ),
  roleNotFound: () => new StsError(404, 'EntityNotExist.Role', 'The specified Role not exists .'),
  unavailable: () => new StsError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'),
  internal: () => new StsError(500, 'InternalError', 'STS Server Internal Error happened, please send the RequestId to us.'),
};
