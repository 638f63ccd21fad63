import type { Profile, ProfileView } from '../profile/profileModel.ts';

export type { ProfileView };

/** What the renderer may see of a profile: settings, a masked key id, never a secret or a confirmed host. */
export function toView(profile: Profile): ProfileView {
  const { confirmedHosts: _hosts, createdAt: _created, ...view } = profile;
  return stripUndefined({
    ...view,
    endpoint: profile.isSandbox ? 'this computer' : profile.endpoint,
    // The sandbox's STS port changes with every start and is filled in at run time, never saved.
    stsEndpoint: profile.isSandbox ? undefined : profile.stsEndpoint,
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
