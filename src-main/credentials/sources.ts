import type { Profile } from '../profile/profileModel.ts';
import { FerryError } from '../errors/ferryError.ts';
import { registerSecret } from '../log/redact.ts';
import { linkSigningAccount, type Keychain } from './keychain.ts';
import type { Network } from '../network/network.ts';
import { readCredentials } from './stsClient.ts';
import { StsBadReplyError } from './stsErrors.ts';
import type { OssCredentials, Purpose } from './types.ts';

/** What a source needs from the broker: the keychain, the environment, and a skew-aware AssumeRole. */
export interface SourceContext {
  keychain: Keychain;
  env: NodeJS.ProcessEnv;
  serverNow(): number;
  assume(caller: OssCredentials, roleArn: string, purpose: Purpose): Promise<OssCredentials>;
  fetch: Network['fetch'];
}

/** Credentials for one profile and purpose from the profile's configured source (uncached). */
export async function obtainFromSource(profile: Profile, purpose: Purpose, ctx: SourceContext): Promise<OssCredentials> {
  if (purpose === 'share' && profile.hasLinkSigningKey) {
    const key = await ctx.keychain.read(linkSigningAccount(profile.id));
    if (key?.kind === 'access-key') return { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret };
  }
  switch (profile.credentialSource) {
    case 'keychain-role':
      return fromKeychainRole(profile, purpose, ctx);
    case 'env':
      return fromEnvironment(profile, purpose, ctx);
    case 'temporary':
      return fromPastedTemporary(profile, ctx);
    case 'token-service':
      return fromTokenService(profile, ctx);
  }
}

async function fromKeychainRole(profile: Profile, purpose: Purpose, ctx: SourceContext): Promise<OssCredentials> {
  const stored = await ctx.keychain.read(profile.id);
  if (!stored || stored.kind !== 'access-key') throw new FerryError('credentials.noKeyStored', { profile: profile.name });
  if (!profile.roleArn) throw new FerryError('credentials.noRoleArn');
  return ctx.assume({ accessKeyId: stored.accessKeyId, accessKeySecret: stored.accessKeySecret }, profile.roleArn, purpose);
}

async function fromEnvironment(profile: Profile, purpose: Purpose, ctx: SourceContext): Promise<OssCredentials> {
  const id = ctx.env.OSS_ACCESS_KEY_ID?.trim();
  const secret = ctx.env.OSS_ACCESS_KEY_SECRET?.trim();
  const token = ctx.env.OSS_SESSION_TOKEN?.trim() || undefined;
  const roleArn = ctx.env.OSS_STS_ROLE_ARN?.trim() || profile.roleArn;
  if (!id || !secret) throw new FerryError('credentials.envMissing');
  registerSecret(secret);
  registerSecret(token);
  const key: OssCredentials = { accessKeyId: id, accessKeySecret: secret, ...(token ? { securityToken: token } : {}) };
  if (ctx.env.OSS_STS_ROLE_ARN?.trim() && roleArn) return ctx.assume(key, roleArn, purpose);
  return key;
}

async function fromPastedTemporary(profile: Profile, ctx: SourceContext): Promise<OssCredentials> {
  const stored = await ctx.keychain.read(profile.id);
  if (!stored || stored.kind !== 'temporary') throw new FerryError('credentials.noKeyStored', { profile: profile.name });
  if (stored.expiresAt <= ctx.serverNow() + 30_000) throw new FerryError('credentials.temporaryExpired');
  return {
    accessKeyId: stored.accessKeyId,
    accessKeySecret: stored.accessKeySecret,
    securityToken: stored.securityToken,
    expiresAt: stored.expiresAt,
  };
}

/** Query parameters that carry a credential: the address is shown in Settings and stored in plain JSON. */
const SECRET_PARAM = /secret|token|passw(or)?d|signature|credential|(key|sig|auth)$/i;

/** Only https, except for a service on this computer; never a credential in the address itself. */
export function tokenServiceUrlProblem(value: string): 'not-a-url' | 'credentials-in-url' | 'secret-in-url' | 'not-https' | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not-a-url';
  }
  if (url.username || url.password) return 'credentials-in-url';
  if ([...url.searchParams.keys()].some((k) => SECRET_PARAM.test(k))) return 'secret-in-url';
  if (url.protocol === 'https:') return undefined;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && local ? undefined : 'not-https';
}

async function fromTokenService(profile: Profile, ctx: SourceContext): Promise<OssCredentials> {
  const url = profile.tokenServiceUrl;
  const problem = url ? tokenServiceUrlProblem(url) : 'not-a-url';
  if (problem === 'secret-in-url') throw new FerryError('accounts.tokenServiceUrlHasSecret');
  if (!url || problem) throw new FerryError('credentials.tokenServiceUrl');
  const response = await ctx.fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(15_000), redirect: 'error' });
  if (!response.ok) throw new FerryError('credentials.tokenServiceFailed', { status: response.status });
  let body: Record<string, unknown>;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    throw new StsBadReplyError(response.status);
  }
  return readCredentials(body.Credentials ?? body, response.status);
}
