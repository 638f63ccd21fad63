import { FerryError } from '../../errors/ferryError.ts';
import { readCredentials } from '../stsClient.ts';
import { StsBadReplyError } from '../stsErrors.ts';
import type { CredentialSource } from './credentialSource.ts';

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

/** A company service (the STS "app server" pattern) that hands out STS credentials; the person supplies nothing. */
export const tokenServiceSource: CredentialSource = {
  kind: 'token-service',
  keychainSecret: undefined,
  renews: true,
  needsRoleArn: false,
  needsTokenService: true,
  signsAtSts: () => false,
  checkPresent: async () => false,
  async obtain(profile, _purpose, ctx) {
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
  },
};
