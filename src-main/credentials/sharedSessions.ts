import { createHash } from 'node:crypto';
import { logger } from '../log/logger.ts';
import type { Keychain } from './keychain.ts';
import { PURPOSES, type OssCredentials, type Purpose } from './types.ts';

const log = logger('broker');

export const sessionAccount = (profileId: string, purpose: Purpose): string => `${profileId}:session:${purpose}`;

/** Everything the temporary credentials depend on: another key, role, STS, bucket, folder or address makes them someone else's. */
export interface SessionScope {
  caller: OssCredentials;
  roleArn: string;
  stsEndpoint: string;
  endpoint: string;
  bucket: string;
  policyPrefix: string;
  durationSeconds: number;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function fingerprint(scope: SessionScope, purpose: Purpose): string {
  const { caller, ...rest } = scope;
  // Only hashes of the caller's secret and token: the fingerprint says "same key", it cannot give it away.
  return sha(JSON.stringify([caller.accessKeyId, sha(caller.accessKeySecret), sha(caller.securityToken ?? ''), rest, purpose]));
}

/**
 * AssumeRole results kept in the OS keychain next to the key (never in a file), per profile and purpose,
 * so one `ferry` run after another reuses them until their renewal time instead of calling STS each time.
 * Anything the keychain refuses is only logged: the caller then simply asks STS.
 */
export class SharedSessions {
  constructor(private readonly keychain: Keychain) {}

  /** Stored credentials for this exact scope with `renewAt` still ahead, else undefined. */
  async load(profileId: string, purpose: Purpose, scope: SessionScope, isFresh: (issuedAt: number, expiresAt: number) => boolean): Promise<OssCredentials & { issuedAt: number } | undefined> {
    try {
      const stored = await this.keychain.read(sessionAccount(profileId, purpose));
      if (stored?.kind !== 'session' || stored.fingerprint !== fingerprint(scope, purpose) || !isFresh(stored.issuedAt, stored.expiresAt)) return undefined;
      return { accessKeyId: stored.accessKeyId, accessKeySecret: stored.accessKeySecret, securityToken: stored.securityToken, expiresAt: stored.expiresAt, issuedAt: stored.issuedAt };
    } catch (error) {
      log.info('shared session not readable; asking STS', { reason: String(error) });
      return undefined;
    }
  }

  async store(profileId: string, purpose: Purpose, scope: SessionScope, credentials: OssCredentials, issuedAt: number): Promise<void> {
    if (!credentials.securityToken || credentials.expiresAt === undefined) return;
    try {
      await this.keychain.write(sessionAccount(profileId, purpose), {
        v: 1,
        kind: 'session',
        accessKeyId: credentials.accessKeyId,
        accessKeySecret: credentials.accessKeySecret,
        securityToken: credentials.securityToken,
        expiresAt: credentials.expiresAt,
        issuedAt,
        fingerprint: fingerprint(scope, purpose),
      });
    } catch (error) {
      log.info('shared session not stored', { reason: String(error) });
    }
  }

  /** Drops every purpose's credentials of a profile (it was removed). */
  async forget(profileId: string): Promise<void> {
    for (const purpose of PURPOSES) await this.keychain.remove(sessionAccount(profileId, purpose)).catch(() => false);
  }
}
