import { maskKeyId } from '../credentials/keyShape.ts';
import type { Profile } from '../profile/profileModel.ts';
import { DEMO_FOLDER } from '../sandbox/demo.ts';
import type { SandboxDemo } from '../sandbox/index.ts';

const SANDBOX_NAME = 'Try it on this computer';

/**
 * The "Try it on this computer" profile. Its endpoint is left empty on purpose: the sandbox may get new
 * ports on every start, so AccountsService.runtimeProfile fills them in when the profile is used.
 * With the sandbox's link-signing key, links last as long as asked rather than one STS session; the
 * key may read only the trial folder, so the folder stays the one the sandbox grants.
 */
export function sandboxProfile(
  id: string,
  region: string,
  demo: SandboxDemo,
  existing: Profile | undefined,
  now: number,
): Profile {
  return {
    id,
    name: SANDBOX_NAME,
    endpoint: '',
    region: region.replace(/^oss-/, ''),
    bucket: demo.bucket,
    prefixTemplate: existing?.prefixTemplate ?? `${DEMO_FOLDER}{user}/{yyyy}-{mm}/`,
    roleArn: demo.roleArn,
    sessionDurationSeconds: 3600,
    defaultLinkExpiry: existing?.defaultLinkExpiry ?? '1d',
    signatureVersion: 'v4',
    credentialSource: 'keychain-role',
    isSandbox: true,
    hasLinkSigningKey: demo.linkSigningKey !== undefined,
    uploadOnly: false,
    maskedAccessKeyId: maskKeyId(demo.accessKeyId),
    createdAt: existing?.createdAt ?? now,
  };
}
