import { FerryError } from '../../errors/ferryError.ts';
import { registerSecret } from '../../log/redact.ts';
import type { OssCredentials } from '../types.ts';
import type { CredentialSource } from './credentialSource.ts';

const roleFromEnv = (env: NodeJS.ProcessEnv): string | undefined => env.OSS_STS_ROLE_ARN?.trim() || undefined;

/**
 * OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET (and OSS_SESSION_TOKEN) from the environment, as the official
 * tools read them; with OSS_STS_ROLE_ARN the key only calls AssumeRole.
 */
export const environmentSource: CredentialSource = {
  kind: 'env',
  keychainSecret: undefined,
  renews: true,
  needsRoleArn: false,
  needsTokenService: false,
  signsAtSts: (env) => Boolean(roleFromEnv(env)),
  async checkPresent(_profile, { env }) {
    if (!env.OSS_ACCESS_KEY_ID || !env.OSS_ACCESS_KEY_SECRET) throw new FerryError('credentials.envMissing');
    return true;
  },
  async obtain(profile, purpose, ctx) {
    const id = ctx.env.OSS_ACCESS_KEY_ID?.trim();
    const secret = ctx.env.OSS_ACCESS_KEY_SECRET?.trim();
    const token = ctx.env.OSS_SESSION_TOKEN?.trim() || undefined;
    if (!id || !secret) throw new FerryError('credentials.envMissing');
    registerSecret(secret);
    registerSecret(token);
    const key: OssCredentials = { accessKeyId: id, accessKeySecret: secret, ...(token ? { securityToken: token } : {}) };
    const roleArn = roleFromEnv(ctx.env) ?? profile.roleArn;
    if (roleFromEnv(ctx.env) && roleArn) return ctx.assume(key, roleArn, purpose);
    return key;
  },
};
