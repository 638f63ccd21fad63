import { z } from 'zod';
import { FerryError } from '../errors/ferryError.ts';
import { registerSecret } from '../log/redact.ts';
import { logger } from '../log/logger.ts';

export const KEYCHAIN_SERVICE = 'Ferry';

/** What Ferry keeps in the keychain under account = profile id (or `<id>:link-signing`, `<id>:session:<purpose>`). */
export const StoredSecretSchema = z.discriminatedUnion('kind', [
  z.object({ v: z.literal(1), kind: z.literal('access-key'), accessKeyId: z.string(), accessKeySecret: z.string() }),
  z.object({
    v: z.literal(1),
    kind: z.literal('temporary'),
    accessKeyId: z.string(),
    accessKeySecret: z.string(),
    securityToken: z.string(),
    expiresAt: z.number(),
  }),
  // AssumeRole results shared by Ferry's processes (sharedSessions.ts), under `<id>:session:<purpose>`.
  z.object({
    v: z.literal(1),
    kind: z.literal('session'),
    accessKeyId: z.string(),
    accessKeySecret: z.string(),
    securityToken: z.string(),
    expiresAt: z.number(),
    issuedAt: z.number(),
    fingerprint: z.string(),
  }),
  // A network proxy's login (network/proxyLogins.ts), under `proxy:<host:port>`.
  z.object({ v: z.literal(1), kind: z.literal('proxy-login'), user: z.string(), password: z.string() }),
]);
export type StoredSecret = z.output<typeof StoredSecretSchema>;

/** The subset of @github/keytar Ferry uses; injectable so the CLI and app share one code path. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const log = logger('keychain');

export const linkSigningAccount = (profileId: string): string => `${profileId}:link-signing`;

/**
 * The OS keychain (Keychain, Credential Manager, Secret Service). Every failure becomes
 * `credentials.keychainUnavailable` / `credentials.keychainLocked`; nothing ever falls back to a file.
 */
export class Keychain {
  private keytar: Promise<KeytarLike> | undefined;

  constructor(private readonly load: () => Promise<KeytarLike> = loadKeytar) {}

  private module(): Promise<KeytarLike> {
    this.keytar ??= this.load();
    return this.keytar;
  }

  async read(account: string): Promise<StoredSecret | undefined> {
    const text = await this.call('read', (k) => k.getPassword(KEYCHAIN_SERVICE, account));
    if (text === null || text === undefined) return undefined;
    registerSecret(text);
    let parsed: StoredSecret;
    try {
      parsed = StoredSecretSchema.parse(JSON.parse(text));
    } catch {
      throw new FerryError('credentials.keychainEntryDamaged');
    }
    registerSecrets(parsed);
    return parsed;
  }

  async write(account: string, secret: StoredSecret): Promise<void> {
    registerSecrets(secret);
    const text = JSON.stringify(secret);
    registerSecret(text);
    await this.call('write', (k) => k.setPassword(KEYCHAIN_SERVICE, account, text));
  }

  async remove(account: string): Promise<boolean> {
    return this.call('remove', (k) => k.deletePassword(KEYCHAIN_SERVICE, account));
  }

  private async call<T>(op: string, fn: (k: KeytarLike) => Promise<T>): Promise<T> {
    let keytar: KeytarLike;
    try {
      keytar = await this.module();
    } catch (error) {
      log.warn('keychain module failed to load', { reason: String(error) });
      throw new FerryError('credentials.keychainUnavailable', {}, { cause: error });
    }
    try {
      return await fn(keytar);
    } catch (error) {
      if (error instanceof FerryError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      log.warn('keychain call failed', { op, reason });
      throw keychainError(reason, error);
    }
  }
}

function registerSecrets(secret: StoredSecret): void {
  if (secret.kind === 'proxy-login') return registerSecret(secret.password);
  registerSecret(secret.accessKeySecret);
  if (secret.kind !== 'access-key') registerSecret(secret.securityToken);
}

/** libsecret / macOS / Windows failures, in the user's words. */
export function keychainError(reason: string, cause?: unknown): FerryError {
  if (/locked|unlock|dismissed|cancel|denied|not allowed|user interaction/i.test(reason)) {
    return new FerryError('credentials.keychainLocked', {}, { cause });
  }
  return new FerryError('credentials.keychainUnavailable', {}, { cause });
}

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('@github/keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}
