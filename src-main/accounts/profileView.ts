import type { z } from 'zod';
import type { ProfileViewSchema } from '../contract/profiles.ts';
import type { Profile } from './profile.ts';

export type ProfileView = z.input<typeof ProfileViewSchema>;

/** What the renderer may see of a profile: settings, a masked key id, never a secret. */
export function toView(profile: Profile): ProfileView {
  return {
    id: profile.id,
    name: profile.name,
    endpoint: profile.isSandbox ? 'this computer' : profile.endpoint,
    region: profile.region,
    bucket: profile.bucket,
    prefixTemplate: profile.prefixTemplate,
    ...(profile.roleArn ? { roleArn: profile.roleArn } : {}),
    // The sandbox's STS port changes with every start and is filled in at run time, never saved.
    ...(profile.stsEndpoint && !profile.isSandbox ? { stsEndpoint: profile.stsEndpoint } : {}),
    sessionDurationSeconds: profile.sessionDurationSeconds,
    defaultLinkExpiry: profile.defaultLinkExpiry,
    signatureVersion: profile.signatureVersion,
    credentialSource: profile.credentialSource,
    ...(profile.tokenServiceUrl ? { tokenServiceUrl: profile.tokenServiceUrl } : {}),
    isSandbox: profile.isSandbox,
    ...(profile.maskedAccessKeyId ? { maskedAccessKeyId: profile.maskedAccessKeyId } : {}),
    hasLinkSigningKey: profile.hasLinkSigningKey,
    uploadOnly: profile.uploadOnly,
    ...(profile.credentialsExpireAt !== undefined ? { credentialsExpireAt: profile.credentialsExpireAt } : {}),
  };
}
