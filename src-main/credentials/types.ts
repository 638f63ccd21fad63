/** What a capability may do with a set of temporary credentials; each gets its own session policy. */
export type Purpose = 'upload' | 'share' | 'manage' | 'receipts';

export const PURPOSES: readonly Purpose[] = ['upload', 'share', 'manage', 'receipts'];

/**
 * Credentials ready to sign OSS requests. Never logged, never sent to the renderer.
 * `expiresAt` is absent for long-term keys (env variables, a link-signing RAM user key).
 */
export interface OssCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** ms since epoch, in server time (already corrected for clock skew). */
  expiresAt?: number;
}

/**
 * Hands out credentials per profile and purpose: cached, renewed ahead of expiry, single-flight, never
 * expired. For purpose 'share' on a profile with a link-signing key, that long-term key is returned.
 */
export interface CredentialBroker {
  get(profileId: string, purpose: Purpose): Promise<OssCredentials>;
  /** Drop cached credentials (e.g. after OSS said the token expired) so the next get() renews. */
  invalidate(profileId: string, purpose?: Purpose): void;
  /** Server time minus local time in ms, learned from RequestTimeTooSkewed / InvalidTimeStamp answers. */
  clockOffsetMs(): number;
  /** Records the server's Date header after a skew error. */
  learnServerTime(serverDate: Date): void;
}
