import type OSS from 'ali-oss';
import type { Profile } from '../profile/profileModel.ts';
import type { CredentialBroker, OssCredentials } from '../credentials/types.ts';
import { logger } from '../log/logger.ts';
import { backoffDelay, failureKind } from './retryPolicy.ts';
import { abortableSleep, throwIfAborted } from './abort.ts';

const log = logger('uploads');

/** Network.ossClient: tests hand in one that injects faults. */
export type ClientFactory = (profile: Profile, credentials: OssCredentials, options: { clockOffsetMs: number }) => OSS;

export interface RetryOptions {
  signal: AbortSignal;
  /** Attempts for transient failures (network, 5xx, throttling, checksum). */
  attempts?: number;
  random?: () => number;
  /** Lets the caller undo partial progress before the next attempt. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * One profile's OSS access for uploads: a client rebuilt whenever the broker hands out new credentials,
 * and the retry loop every request goes through (backoff + jitter on transient failures, renew on an
 * expired token, learn the server time on clock skew).
 */
export class OssSession {
  private credentials: OssCredentials | undefined;
  private current: OSS | undefined;

  constructor(
    readonly profile: Profile,
    private readonly broker: CredentialBroker,
    private readonly makeClient: ClientFactory,
    private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void> = abortableSleep,
  ) {}

  async client(): Promise<OSS> {
    const credentials = await this.broker.get(this.profile.id, 'upload');
    if (!this.current || credentials !== this.credentials) {
      this.credentials = credentials;
      this.current = this.makeClient(this.profile, credentials, { clockOffsetMs: this.broker.clockOffsetMs() });
    }
    return this.current;
  }

  /**
   * An object's headers, or undefined when there is none. Read with the profile's share credentials:
   * the upload ones may only write.
   */
  async objectHeaders(key: string): Promise<Record<string, string> | undefined> {
    const credentials = await this.broker.get(this.profile.id, 'share');
    const client = this.makeClient(this.profile, credentials, { clockOffsetMs: this.broker.clockOffsetMs() });
    try {
      return (await client.head(key)).res.headers as Record<string, string>;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  async call<T>(operation: (client: OSS) => Promise<T>, options: RetryOptions): Promise<T> {
    const attempts = options.attempts ?? 6;
    let renewals = 0;
    let skewFixes = 0;
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(options.signal);
      try {
        return await operation(await this.client());
      } catch (error) {
        throwIfAborted(options.signal);
        const kind = failureKind(error);
        if (kind === 'renew' && renewals < 3) {
          renewals++;
          log.info('upload token expired or rejected; renewing', { profile: this.profile.id });
          this.broker.invalidate(this.profile.id, 'upload');
          this.current = undefined;
          options.onRetry?.(error, attempt);
          attempt--;
          continue;
        }
        const serverDate = (error as { serverDate?: number }).serverDate;
        if (kind === 'skew' && skewFixes < 1 && serverDate !== undefined) {
          skewFixes++;
          this.broker.learnServerTime(new Date(serverDate));
          this.current = undefined;
          options.onRetry?.(error, attempt);
          attempt--;
          continue;
        }
        if (kind !== 'transient' || attempt >= attempts) throw error;
        const delay = backoffDelay(attempt, options.random);
        log.info('upload request failed; retrying', { attempt, delayMs: delay, error: describe(error) });
        options.onRetry?.(error, attempt);
        await this.sleep(delay, options.signal);
      }
    }
  }
}

function describe(error: unknown): string {
  const e = error as { name?: string; code?: string; status?: number };
  return `${e.name ?? 'Error'} ${e.code ?? ''} ${e.status ?? ''}`.trim().slice(0, 120);
}
