import { maskKeyId } from '../credentials/keyShape.ts';
import type { Profile } from '../profile/profileModel.ts';

const SANDBOX_NAME = 'Try it on this computer';

/**
 * The "Try it on this computer" profile. Its endpoint is left empty on purpose: the sandbox may get new
 * ports on every start, so AccountsService.runtimeProfile fills them in when the profile is used.
 */
export function sandboxProfile(
  id: string,
  region: string,
  demo: { bucket: string; accessKeyId: string; roleArn: string },
  existing: Profile | undefined,
  now: number,
): Profile {
  return {
    id,
    name: SANDBOX_NAME,
    endpoint: '',
    region: region.replace(/^oss-/, ''),
    bucket: demo.bucket,
    prefixTemplate: existing?.prefixTemplate ?? 'shared/{user}/{yyyy}-{mm}/',
    roleArn: demo.roleArn,
    sessionDurationSeconds: 3600,
    defaultLinkExpiry: existing?.defaultLinkExpiry ?? '1d',
    signatureVersion: 'v4',
    credentialSource: 'keychain-role',
    isSandbox: true,
    hasLinkSigningKey: false,
    uploadOnly: false,
    maskedAccessKeyId: maskKeyId(demo.accessKeyId),
    createdAt: existing?.createdAt ?? now,
  };
}
