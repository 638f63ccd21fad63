import type { CredentialSourceKind, Profile } from '../../profile/profileModel.ts';
import { linkSigningAccount } from '../keychain.ts';
import type { OssCredentials, Purpose } from '../types.ts';
import type { CredentialSource, SourceContext } from './credentialSource.ts';
import { environmentSource } from './environment.ts';
import { keychainRoleSource } from './keychainRole.ts';
import { temporarySource } from './temporary.ts';
import { tokenServiceSource } from './tokenService.ts';

export type { CredentialSource, SourceContext };
export { tokenServiceUrlProblem } from './tokenService.ts';

/** Every credential source by kind. A new kind in the profile model fails to compile until it is here. */
const SOURCES: Record<CredentialSourceKind, CredentialSource> = {
  'keychain-role': keychainRoleSource,
  env: environmentSource,
  temporary: temporarySource,
  'token-service': tokenServiceSource,
};

export function sourceOf(kind: CredentialSourceKind | undefined): CredentialSource {
  return SOURCES[kind ?? 'keychain-role'];
}

/** Credentials for one profile and purpose (uncached): the link-signing key for 'share' when there is one, else the source's. */
export async function obtainFromSource(profile: Profile, purpose: Purpose, ctx: SourceContext): Promise<OssCredentials> {
  if (purpose === 'share' && profile.hasLinkSigningKey) {
    const key = await ctx.keychain.read(linkSigningAccount(profile.id));
    if (key?.kind === 'access-key') return { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret };
  }
  return sourceOf(profile.credentialSource).obtain(profile, purpose, ctx);
}
