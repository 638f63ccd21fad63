import { isFerryError } from '../errors/ferryError.ts';
import { CONNECTION_DEFAULTS, type Profile } from '../profile/profileModel.ts';
import { presetProfileId, type ManagedPolicy } from '../policy/managedPolicy.ts';
import type { PolicyReading, PresetConnection } from '../policy/policyModel.ts';
import { checkProfileFields } from './connection.ts';
import { endpointForRegion } from './endpoint.ts';
import { reachChanges } from './keyCustody.ts';
import { untrustedHosts } from './destinations.ts';
import type { ProfileStore } from './profileStore.ts';

/**
 * Preset connections go through the same checks as a connection file. One bad preset makes the whole
 * policy malformed: it is reported and none of it applies.
 */
export function checkPresets(reading: PolicyReading): PolicyReading {
  for (const [i, preset] of (reading.policy.connections ?? []).entries()) {
    const { id: _id, locked: _locked, ...fields } = preset;
    try {
      checkProfileFields(fields);
    } catch (error) {
      const field = isFerryError(error) ? String(error.params.field ?? error.code) : 'value';
      return { policy: {}, ...(reading.source ? { source: reading.source } : {}), problem: `connections.${i}.${field}: not a valid value` };
    }
  }
  return reading;
}

/** A preset as the profile Ferry stores; the facts of an existing one (key, test, link-signing key) are kept. */
function presetProfile(preset: PresetConnection, existing: Profile | undefined, now: number, env: NodeJS.ProcessEnv): Profile {
  const { id: _id, locked: _locked, ...given } = preset;
  const fields = checkProfileFields(given);
  const region = fields.region ?? 'cn-hangzhou';
  const profile: Profile = {
    ...(existing ?? { isSandbox: false, hasLinkSigningKey: false, uploadOnly: false, createdAt: now }),
    id: presetProfileId(preset),
    name: fields.name,
    endpoint: fields.endpoint ?? endpointForRegion(region),
    region,
    bucket: fields.bucket,
    prefixTemplate: fields.prefixTemplate ?? CONNECTION_DEFAULTS.prefixTemplate,
    roleArn: fields.roleArn,
    stsEndpoint: fields.stsEndpoint,
    sessionDurationSeconds: fields.sessionDurationSeconds ?? CONNECTION_DEFAULTS.sessionDurationSeconds,
    defaultLinkExpiry: fields.defaultLinkExpiry ?? CONNECTION_DEFAULTS.defaultLinkExpiry,
    signatureVersion: fields.signatureVersion ?? CONNECTION_DEFAULTS.signatureVersion,
    credentialSource: fields.credentialSource ?? CONNECTION_DEFAULTS.credentialSource,
    tokenServiceUrl: fields.tokenServiceUrl,
  };
  // IT named these hosts machine-wide: they count as confirmed, as if the person had confirmed them.
  profile.confirmedHosts = [...new Set([...(existing?.confirmedHosts ?? []), ...untrustedHosts(profile, env)])];
  return Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)) as Profile;
}

/**
 * Puts IT's preset connections among the profiles at start: a new preset appears (without a key: the
 * person supplies it), a locked one is set back to IT's settings every time. An unlocked preset is the
 * person's once it exists. Returns the ids whose destination changed (their cached credentials must go).
 */
export async function applyPresets(store: ProfileStore, policy: ManagedPolicy, now: number, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (policy.presets.length === 0) return [];
  const repointed: string[] = [];
  await store.update((file) => {
    let profiles = file.profiles;
    for (const preset of policy.presets) {
      const id = presetProfileId(preset);
      const existing = profiles.find((p) => p.id === id);
      if (existing && !preset.locked) continue;
      const next = presetProfile(preset, existing, now, env);
      if (existing && reachChanges(existing, next).length > 0) {
        delete next.lastTest;
        repointed.push(id);
      }
      profiles = existing ? profiles.map((p) => (p.id === id ? next : p)) : [...profiles, next];
    }
    return { ...file, profiles, activeId: file.activeId ?? profiles[0]?.id ?? null };
  });
  return repointed;
}
