import { ferry } from './api.ts';
import type { CredentialState, ProfileView } from './types.ts';

/** Saved connections, which one is active, and whether its credentials currently work. */
export class ProfilesState {
  profiles = $state.raw<ProfileView[]>([]);
  activeId = $state<string | null>(null);
  session = $state.raw<CredentialState>({ state: 'none' });
  active = $derived(this.profiles.find((p) => p.id === this.activeId) ?? null);

  async load(): Promise<void> {
    const { profiles, activeId } = await ferry.profiles.list();
    this.profiles = profiles;
    this.activeId = activeId;
    this.session = await ferry.session.state().catch((): CredentialState => ({ state: 'none' }));
  }

  listen(): () => void {
    const offProfiles = ferry.on('profiles.changed', ({ profiles, activeId }) => {
      this.profiles = profiles;
      this.activeId = activeId;
    });
    const offSession = ferry.on('session.changed', (state) => {
      this.session = state;
    });
    return () => {
      offProfiles();
      offSession();
    };
  }

  async use(id: string): Promise<void> {
    const { activeId } = await ferry.profiles.use({ id });
    this.activeId = activeId;
  }
}

export const profiles = new ProfilesState();
