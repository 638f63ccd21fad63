import { FerryError } from '../../errors/ferryError.ts';
import type { CredentialSource } from './credentialSource.ts';

/** A RAM user's AccessKey in the keychain, used only to call AssumeRole for short-lived credentials. */
export const keychainRoleSource: CredentialSource = {
  kind: 'keychain-role',
  keychainSecret: 'access-key',
  renews: true,
  needsRoleArn: true,
  needsTokenService: false,
  signsAtSts: () => true,
  async checkPresent(profile, { keychain }) {
    if (!(await keychain.read(profile.id))) throw new FerryError('credentials.noKeyStored', { profile: profile.name });
    return true;
  },
  async obtain(profile, purpose, ctx) {
    const stored = await ctx.keychain.read(profile.id);
    if (!stored || stored.kind !== 'access-key') throw new FerryError('credentials.noKeyStored', { profile: profile.name });
    if (!profile.roleArn) throw new FerryError('credentials.noRoleArn');
    return ctx.assume({ accessKeyId: stored.accessKeyId, accessKeySecret: stored.accessKeySecret }, profile.roleArn, purpose);
  },
};
