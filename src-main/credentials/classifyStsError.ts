import { FerryError } from '../errors/ferryError.ts';
import { StsBadReplyError, StsServiceError } from './stsErrors.ts';

const BY_CODE: Record<string, string> = {
  'EntityNotExist.Role': 'credentials.roleNotFound',
  'InvalidParameter.RoleArn': 'credentials.roleArnInvalid',
  'InvalidParameter.DurationSeconds': 'credentials.durationTooLong',
  'InvalidParameter.PolicyGrammar': 'credentials.policyRejected',
  'InvalidParameter.PolicySize': 'credentials.policyRejected',
  'InvalidAccessKeyId.NotFound': 'credentials.keyNotFound',
  'InvalidAccessKeyId.Inactive': 'credentials.keyDisabled',
  SignatureDoesNotMatch: 'credentials.wrongSecret',
  IncompleteSignature: 'credentials.wrongSecret',
  'InvalidTimeStamp.Expired': 'credentials.clockSkew',
  'InvalidTimeStamp.Format': 'credentials.clockSkew',
  MissingSecurityToken: 'credentials.sessionTokenInvalid',
  'InvalidSecurityToken.Expired': 'credentials.sessionTokenInvalid',
  'InvalidSecurityToken.Malformed': 'credentials.sessionTokenInvalid',
  'InvalidSecurityToken.MismatchWithAccessKey': 'credentials.sessionTokenInvalid',
  InternalError: 'credentials.stsUnavailable',
  ServiceUnavailable: 'credentials.stsUnavailable',
  // An expired credential reaching the broker's own check.
  SecurityTokenExpired: 'oss.tokenExpired',
};

/** STS (POP) error replies → FerryError, by code; NoPermission by which of its three meanings it had. */
export function classifyStsError(error: unknown): FerryError | undefined {
  if (error instanceof StsBadReplyError) {
    return new FerryError(error.status >= 500 ? 'credentials.stsUnavailable' : 'credentials.stsBadReply', {}, { cause: error });
  }
  if (!(error instanceof StsServiceError)) return undefined;
  const options = { cause: error };
  if (error.code === 'NoPermission') {
    if (error.variant === 'root-account') return new FerryError('credentials.rootAccountKey', {}, options);
    if (error.variant === 'not-trusted') return new FerryError('credentials.roleNotTrusted', {}, options);
    return new FerryError('credentials.notAuthorizedToAssume', {}, options);
  }
  const mapped = BY_CODE[error.code] ?? (error.code.startsWith('Throttling') ? 'credentials.stsUnavailable' : undefined);
  if (mapped) return new FerryError(mapped, {}, options);
  if (error.status >= 500) return new FerryError('credentials.stsUnavailable', {}, options);
  return new FerryError('credentials.stsRejected', { code: error.code.replace(/[^\w.-]/g, '').slice(0, 60) }, options);
}
