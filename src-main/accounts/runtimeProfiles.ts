import type { Profile } from '../profile/profileModel.ts';
import { checkConfirmedHosts } from './keyCustody.ts';
import type { ProfileStore } from './profileStore.ts';
import type { SandboxHost } from './sandboxHost.ts';
import { ManagedPolicy } from '../policy/managedPolicy.ts';

/**
 * Profiles as they are used: only with every host outside Alibaba Cloud confirmed, and a sandbox profile
 * with the running sandbox's (re)started addresses. The broker and the accounts service both read through it.
 */
export class RuntimeProfiles {
  constructor(
    private readonly store: ProfileStore,
    private readonly sandbox: SandboxHost,
    private readonly env: NodeJS.ProcessEnv,
    private readonly policy: ManagedPolicy = new ManagedPolicy(),
  ) {}

  /** With IT's rules applied: V4 when forced, IT's default expiry. */
  async get(id: string): Promise<Profile> {
    const profile = this.policy.apply(await this.store.get(id));
    checkConfirmedHosts(profile, this.env);
    if (!profile.isSandbox) return profile;
    const handle = await this.sandbox.ensure();
    return { ...profile, endpoint: handle.ossEndpoint, stsEndpoint: handle.stsEndpoint, region: handle.region.replace(/^oss-/, '') };
  }
}
