import { FerryError } from '../../errors/ferryError.ts';
import { registerSecret } from '../../log/redact.ts';
import type { OssCredentials } from '../types.ts';
import type { CredentialSource } from './credentialSource.ts';

const roleFromEnv = (env: NodeJS.ProcessEnv): string | undefined => env.OSS_STS_ROLE_ARN?.trim() || undefined;

/**
 * OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET (and OSS_SESSION_TOKEN) from the environment, as the official
 * tools read them; with a role (OSS_STS_ROLE_ARN, else the connection's) the key only calls AssumeRole.
 */
export const environmentSource: CredentialSource = {
  kind: 'env',
  keychainSecret: undefined,
  renews: true,
  needsRoleArn: false,
  needsTokenService: false,
  signsAtSts: (env, roleArn) => Boolean(roleFromEnv(env) ?? roleArn?.trim()),
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
    // A connection with a role always assumes it: the long-term key never reaches OSS unscoped.
    const roleArn = roleFromEnv(ctx.env) ?? (profile.roleArn?.trim() || undefined);
    if (roleArn) return ctx.assume(key, roleArn, purpose);
    return key;
  },
};
