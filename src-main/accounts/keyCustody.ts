/**
 * The rules that keep a stored key pointed where the person set it up. Nothing from the window, a
 * ferry://connect link or a connection file can re-point or widen a key on its own:
 * - changing where or what a stored key reaches (storage address, STS address, token service, bucket,
 *   role, folder, sign-in method) needs that key typed again — the page never has it;
 * - where no key is stored to ask for (environment, token service), or a key would be deleted, main asks
 *   in its own dialog;
 * - a host outside Alibaba Cloud and this computer is used only after main's dialog names it.
 */
import { sourceOf } from '../credentials/sources/index.ts';
import { FerryError } from '../errors/ferryError.ts';
import { untrustedHosts } from './destinations.ts';
import type { Profile } from '../profile/profileModel.ts';

/** Main-owned confirmations (OS dialogs in the app; the CLI passes explicit flags instead). */
export interface CustodyConfirmations {
  /** "Use {hosts}?" — hosts outside Alibaba Cloud that would receive the key's signatures or the files. */
  hosts(name: string, hosts: readonly string[]): Promise<boolean>;
  /** A stored key is about to be deleted from the keychain (connection removed, or sign-in method switched). */
  deleteKey(name: string, reason: 'remove' | 'switch'): Promise<boolean>;
  /** A connection without a stored key (environment, token service) is re-pointed. */
  reach(name: string): Promise<boolean>;
}

export interface CustodyRequest {
  accessKey?: unknown;
  temporaryCredentials?: unknown;
  linkSigningKey?: unknown;
  /** Hosts the person already named explicitly (CLI `--allow-host`); never set from IPC. */
  confirmedHosts?: readonly string[] | undefined;
}

/** The fields that decide where a key's signatures and the files go, and which objects it may reach. */
const REACH_FIELDS = ['endpoint', 'stsEndpoint', 'tokenServiceUrl', 'bucket', 'roleArn', 'prefixTemplate', 'credentialSource'] as const;

export function reachChanges(existing: Profile, next: Profile): string[] {
  return REACH_FIELDS.filter((field) => (existing[field] ?? '') !== (next[field] ?? ''));
}

export function storesKey(source: Profile['credentialSource']): boolean {
  return sourceOf(source).keychainSecret !== undefined;
}

/**
 * Decides whether `next` may be saved over `existing` (undefined for a new connection). Throws a plain
 * FerryError when a key must be typed again or the person said no; otherwise returns the hosts outside
 * Alibaba Cloud that now count as confirmed (a plain edit confirms nothing new).
 */
export async function checkKeyCustody(
  existing: Profile | undefined,
  next: Profile,
  request: CustodyRequest,
  confirm: CustodyConfirmations,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const changed = existing ? reachChanges(existing, next) : [];
  if (existing && changed.length > 0) await checkRepointing(existing, next, request, confirm);

  const keyWritten = Boolean(request.accessKey || request.temporaryCredentials || request.linkSigningKey);
  if (existing && changed.length === 0 && !keyWritten) return existing.confirmedHosts ?? [];
  const hosts = untrustedHosts(next, env);
  const named = new Set((request.confirmedHosts ?? []).map((h) => h.toLowerCase()));
  const unknown = hosts.filter((host) => !named.has(host));
  if (unknown.length > 0 && !(await confirm.hosts(next.name, unknown))) {
    throw new FerryError('accounts.hostNotConfirmed', { hosts: unknown.join(', ') });
  }
  return hosts;
}

/**
 * Before a profile is used: every host outside Alibaba Cloud it would reach was confirmed when it was
 * saved. Catches connections saved before Ferry asked, and a hand-edited profiles.json.
 */
export function checkConfirmedHosts(profile: Profile, env: NodeJS.ProcessEnv): void {
  const confirmed = new Set(profile.confirmedHosts ?? []);
  const unknown = untrustedHosts(profile, env).filter((host) => !confirmed.has(host));
  if (unknown.length > 0) throw new FerryError('accounts.hostsUnconfirmed', { name: profile.name, hosts: unknown.join(', ') });
}

async function checkRepointing(existing: Profile, next: Profile, request: CustodyRequest, confirm: CustodyConfirmations): Promise<void> {
  const name = existing.name;
  const switching = existing.credentialSource !== next.credentialSource;
  if (!switching && storesKey(existing.credentialSource) && !request.accessKey && !request.temporaryCredentials) {
    throw new FerryError(sourceOf(existing.credentialSource).keychainSecret === 'temporary' ? 'accounts.temporaryNeededForChange' : 'accounts.keyNeededForChange', { name });
  }
  if (existing.hasLinkSigningKey && !request.linkSigningKey) throw new FerryError('accounts.signingKeyNeededForChange', { name });
  if (switching && storesKey(existing.credentialSource) && existing.maskedAccessKeyId && !storesKey(next.credentialSource)) {
    if (!(await confirm.deleteKey(name, 'switch'))) throw new FerryError('accounts.changeCancelled', { name });
    return;
  }
  if (!storesKey(next.credentialSource) && !(await confirm.reach(name))) throw new FerryError('accounts.changeCancelled', { name });
}
