import { Keychain, type KeytarLike } from '../credentials/keychain.ts';
import { StsBroker } from '../credentials/stsBroker.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Surface } from '../i18n/text.ts';
import type { Network } from '../network/network.ts';
import { ProfileInputSchema, type Profile } from '../profile/profileModel.ts';
import type { Clock } from '../time/clock.ts';
import type { ProfileInput } from './connection.ts';
import { runConnectionTest, type StepResult } from './connectionTest.ts';
import { stablePrefix } from './prefixTemplate.ts';
import { endpointForRegion } from './endpoint.ts';

/** A keychain that lives and dies with one test run: the key is never written to the OS keychain or a file. */
function memoryKeytar(): KeytarLike {
  const entries = new Map<string, string>();
  return {
    getPassword: async (service, account) => entries.get(`${service}\n${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}\n${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}\n${account}`),
  };
}

const DRAFT_ID = 'draft';

export interface DraftTestDeps {
  network: Network;
  clock: Clock;
  user: string;
  lang: Lang;
  surface?: Surface;
}

/**
 * The same step-by-step connection test as "Test connection", for a connection that is not saved (IT's
 * `ferry admin`): `key` assumes the connection's role exactly as a staff member's key would. It is held in
 * memory for this run only.
 */
export async function testDraftConnection(
  fields: ProfileInput,
  key: { accessKeyId: string; accessKeySecret: string },
  deps: DraftTestDeps,
): Promise<{ ok: boolean; steps: StepResult[] }> {
  const profile: Profile = {
    ...ProfileInputSchema.parse({ ...fields, credentialSource: 'keychain-role' }),
    id: DRAFT_ID,
    endpoint: fields.endpoint ?? endpointForRegion(fields.region ?? 'cn-hangzhou'),
    region: fields.region ?? 'cn-hangzhou',
    isSandbox: false,
    hasLinkSigningKey: false,
    uploadOnly: false,
    createdAt: deps.clock.now(),
  };
  const keychain = new Keychain(async () => memoryKeytar());
  await keychain.write(DRAFT_ID, { v: 1, kind: 'access-key', ...key });
  // No environment: OSS_STS_ROLE_ARN and friends must not change which role is tested.
  const env = {};
  const broker = new StsBroker({
    clock: deps.clock,
    keychain,
    env,
    network: deps.network,
    profile: async () => profile,
    policyPrefix: (p) => stablePrefix(p.prefixTemplate, deps.user),
  });
  const result = await runConnectionTest(profile, { keychain, broker, env, clock: deps.clock, network: deps.network, user: deps.user, lang: deps.lang, ...(deps.surface ? { surface: deps.surface } : {}), progress: () => undefined });
  return { ok: result.ok, steps: result.steps };
}
