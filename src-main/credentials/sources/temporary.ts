import { FerryError } from '../../errors/ferryError.ts';
import type { CredentialSource } from './credentialSource.ts';

/** STS credentials someone pasted (AccessKey id, secret, token, expiry): used until they expire, never renewed. */
export const temporarySource: CredentialSource = {
  kind: 'temporary',
  keychainSecret: 'temporary',
  renews: false,
  needsRoleArn: false,
  needsTokenService: false,
  signsAtSts: () => false,
  async checkPresent(profile, { keychain }) {
    if (!(await keychain.read(profile.id))) throw new FerryError('credentials.noKeyStored', { profile: profile.name });
    return true;
  },
  async obtain(profile, _purpose, ctx) {
    const stored = await ctx.keychain.read(profile.id);
    if (!stored || stored.kind !== 'temporary') throw new FerryError('credentials.noKeyStored', { profile: profile.name });
    if (stored.expiresAt <= ctx.serverNow() + 30_000) throw new FerryError('credentials.temporaryExpired');
    return { accessKeyId: stored.accessKeyId, accessKeySecret: stored.accessKeySecret, securityToken: stored.securityToken, expiresAt: stored.expiresAt };
  },
};
