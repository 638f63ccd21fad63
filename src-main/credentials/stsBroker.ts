import type { Profile } from '../profile/profileModel.ts';
import { classifyError } from '../errors/classify.ts';
import type { FerryError } from '../errors/ferryError.ts';
import { logger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { Keychain } from './keychain.ts';
import type { Network } from '../network/network.ts';
import { sessionPolicy } from './sessionPolicy.ts';
import { obtainFromSource, sourceOf } from './sources/index.ts';
import { DEFAULT_STS_ENDPOINT, assumeRole } from './stsClient.ts';
import { StsServiceError, isTransientStsError } from './stsErrors.ts';
import { PURPOSES, type CredentialBroker, type OssCredentials, type Purpose } from './types.ts';
import { randomBytes } from 'node:crypto';
import type { SharedSessions } from './sharedSessions.ts';

const log = logger('broker');

export interface BrokerState {
  profileId: string;
  state: 'ready' | 'renewing' | 'expired' | 'error';
  expiresAt?: number;
  error?: FerryError;
}

export interface BrokerOptions {
  clock: Clock;
  keychain: Keychain;
  env: NodeJS.ProcessEnv;
  /** STS and token-service requests go through it (network/network.ts). */
  network: Pick<Network, 'fetch'>;
  /** The profile with run-time endpoints filled in (a sandbox profile's port can change). */
  profile(id: string): Promise<Profile>;
  /** The prefix the session policies are scoped to. */
  policyPrefix(profile: Profile): string;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per AssumeRole for transient failures (network, 5xx, throttling). */
  attempts?: number;
  /** AssumeRole results shared with Ferry's other processes through the keychain. */
  shared?: SharedSessions;
}

interface Entry {
  credentials: OssCredentials;
  /** Server time at which to fetch new credentials. Infinity for long-term keys. */
  renewAt: number;
}

/** Renew at 80% of the lifetime or 5 minutes before expiry, whichever comes first. */
export function renewalTime(issuedAt: number, expiresAt: number): number {
  const lifetime = expiresAt - issuedAt;
  return Math.min(issuedAt + lifetime * 0.8, expiresAt - 5 * 60_000);
}

/** Never hand out credentials with less than this left: a request signed now must still land. */
const MIN_REMAINING_MS = 60_000;
/** After a failed early renewal, how long the current (still valid) credentials are served before trying again. */
const RENEW_RETRY_MS = 30_000;

export class StsBroker implements CredentialBroker {
  private readonly cache = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<OssCredentials>>();
  private readonly listeners = new Set<(state: BrokerState) => void>();
  private offsetMs = 0;
  /** `<id>\n<purpose>` whose shared credentials must not be reused (invalidated: they may be what failed). */
  private readonly distrusted = new Set<string>();
  /** When the credentials being fetched were issued (reused ones: earlier than now). */
  private readonly issued = new WeakMap<OssCredentials, number>();
  /** Every AssumeRole request sent (including retries); tests and the bench read it. */
  assumeRoleCalls = 0;

  constructor(private readonly options: BrokerOptions) {}

  serverNow(): number {
    return this.options.clock.now() + this.offsetMs;
  }

  clockOffsetMs(): number {
    return this.offsetMs;
  }

  learnServerTime(serverDate: Date): void {
    const offset = serverDate.getTime() - this.options.clock.now();
    // HTTP dates have whole seconds; ignore what that rounding alone explains.
    this.offsetMs = Math.abs(offset) < 2_000 ? 0 : offset;
    log.info('learned clock offset from the server', { offsetMs: this.offsetMs });
  }

  onState(listener: (state: BrokerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  invalidate(profileId: string, purpose?: Purpose): void {
    for (const key of [...this.cache.keys()]) {
      const [id, p] = key.split('\n');
      if (id === profileId && (purpose === undefined || p === purpose)) this.cache.delete(key);
    }
    for (const p of purpose ? [purpose] : PURPOSES) this.distrusted.add(`${profileId}\n${p}`);
  }

  /** Forgets a removed profile's shared credentials. */
  async forget(profileId: string): Promise<void> {
    this.invalidate(profileId);
    await this.options.shared?.forget(profileId);
  }

  async get(profileId: string, purpose: Purpose): Promise<OssCredentials> {
    const key = `${profileId}\n${purpose}`;
    const entry = this.cache.get(key);
    const now = this.serverNow();
    if (entry && now < entry.renewAt && this.usable(entry.credentials, now)) return entry.credentials;
    try {
      return await this.renew(key, profileId, purpose);
    } catch (error) {
      // A failed early renewal may still fall back on credentials that have time left.
      const current = this.cache.get(key);
      if (current && this.usable(current.credentials, this.serverNow())) {
        // Keep serving them, and do not make every caller wait on a failing STS: try again in a while.
        current.renewAt = this.serverNow() + RENEW_RETRY_MS;
        return current.credentials;
      }
      this.cache.delete(key);
      throw error;
    }
  }

  private usable(credentials: OssCredentials, now: number): boolean {
    return credentials.expiresAt === undefined || credentials.expiresAt - now > MIN_REMAINING_MS;
  }

  private renew(key: string, profileId: string, purpose: Purpose): Promise<OssCredentials> {
    const running = this.inflight.get(key);
    if (running) return running;
    const job = this.fetchFresh(profileId, purpose)
      .then(({ credentials, renewable }) => {
        if (!this.usable(credentials, this.serverNow())) {
          this.emit({ profileId, state: 'expired' });
          throw classifyError(new StsServiceError(403, 'SecurityTokenExpired', undefined, undefined, undefined));
        }
        const renewAt =
          credentials.expiresAt === undefined
            ? Infinity
            : renewable
              ? renewalTime(this.issued.get(credentials) ?? this.serverNow(), credentials.expiresAt)
              : credentials.expiresAt - MIN_REMAINING_MS;
        this.cache.set(key, { credentials, renewAt });
        this.emit({ profileId, state: 'ready', ...(credentials.expiresAt !== undefined ? { expiresAt: credentials.expiresAt } : {}) });
        return credentials;
      })
      .catch((error: unknown) => {
        const ferry = classifyError(error);
        this.emit({ profileId, state: ferry.code === 'credentials.temporaryExpired' ? 'expired' : 'error', error: ferry });
        throw ferry;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, job);
    this.emit({ profileId, state: 'renewing' });
    return job;
  }

  private async fetchFresh(profileId: string, purpose: Purpose): Promise<{ credentials: OssCredentials; renewable: boolean }> {
    const profile = await this.options.profile(profileId);
    // Pasted temporary credentials cannot be renewed: use them until shortly before they expire.
    const renewable = sourceOf(profile.credentialSource).renews;
    const credentials = await obtainFromSource(profile, purpose, {
      keychain: this.options.keychain,
      env: this.options.env,
      serverNow: () => this.serverNow(),
      assume: (caller, roleArn, p) => this.assumeShared(profile, caller, roleArn, p),
      fetch: (url, init) => this.options.network.fetch(url, init),
    });
    return { credentials, renewable };
  }

  /** AssumeRole, or what another Ferry process got for the very same key, role and destination (keychain). */
  private async assumeShared(profile: Profile, caller: OssCredentials, roleArn: string, purpose: Purpose): Promise<OssCredentials> {
    const shared = this.options.shared;
    if (!shared) return this.assumeWithRetry(profile, caller, roleArn, purpose);
    const key = `${profile.id}\n${purpose}`;
    const scope = {
      caller,
      roleArn,
      stsEndpoint: profile.stsEndpoint ?? DEFAULT_STS_ENDPOINT,
      endpoint: profile.endpoint,
      bucket: profile.bucket,
      policyPrefix: this.options.policyPrefix(profile),
      durationSeconds: profile.sessionDurationSeconds,
    };
    if (!this.distrusted.has(key)) {
      const now = this.serverNow();
      const reused = await shared.load(profile.id, purpose, scope, (issuedAt, expiresAt) => now < renewalTime(issuedAt, expiresAt) && expiresAt - now > MIN_REMAINING_MS);
      if (reused) {
        const { issuedAt, ...credentials } = reused;
        this.issued.set(credentials, issuedAt);
        return credentials;
      }
    }
    const issuedAt = this.serverNow();
    const credentials = await this.assumeWithRetry(profile, caller, roleArn, purpose);
    this.issued.set(credentials, issuedAt);
    this.distrusted.delete(key);
    await shared.store(profile.id, purpose, scope, credentials, issuedAt);
    return credentials;
  }

  private async assumeWithRetry(profile: Profile, caller: OssCredentials, roleArn: string, purpose: Purpose): Promise<OssCredentials> {
    const attempts = this.options.attempts ?? 4;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let skewRetried = false;
    for (let attempt = 1; ; attempt++) {
      try {
        this.assumeRoleCalls++;
        const { credentials } = await assumeRole({
          endpoint: profile.stsEndpoint ?? DEFAULT_STS_ENDPOINT,
          caller,
          roleArn,
          sessionName: `ferry-${purpose}-${randomBytes(6).toString('hex')}`,
          durationSeconds: profile.sessionDurationSeconds,
          policy: sessionPolicy(purpose, profile.bucket, this.options.policyPrefix(profile)),
          now: this.serverNow(),
          fetch: (url, init) => this.options.network.fetch(url, init),
        });
        return credentials;
      } catch (error) {
        if (!skewRetried && error instanceof StsServiceError && error.code.startsWith('InvalidTimeStamp') && error.serverDate !== undefined) {
          skewRetried = true;
          this.learnServerTime(new Date(error.serverDate));
          attempt--;
          continue;
        }
        if (attempt >= attempts || !isTransientStsError(error)) throw error;
        const delay = Math.min(4_000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
        log.info('AssumeRole failed, retrying', { attempt, delayMs: Math.round(delay) });
        await sleep(delay);
      }
    }
  }

  private emit(state: BrokerState): void {
    for (const listener of this.listeners) listener(state);
  }
}
