import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CredentialStateSchema, TestStepSchema } from '../contract/profiles.ts';
import type { TemporaryCredentialsInput } from '../credentials/keyShape.ts';
import { writeProfileSecrets } from './profileSecrets.ts';
import { sandboxProfile } from './sandboxProfile.ts';
import { linkSigningAccount, type Keychain } from '../credentials/keychain.ts';
import type { BrokerState, StsBroker } from '../credentials/stsBroker.ts';
import { sourceOf } from '../credentials/sources/index.ts';
import { FerryError } from '../errors/ferryError.ts';
import { toUserError } from '../errors/userError.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Surface } from '../i18n/text.ts';
import { logger } from '../log/logger.ts';
import type { Network } from '../network/network.ts';
import type { EventSink } from '../ports/uiPorts.ts';
import type { Clock } from '../time/clock.ts';
import { checkProfileFields, type ProfileInput } from './connection.ts';
import { checkKeyCustody, reachChanges, type CustodyConfirmations, type CustodyRequest } from './keyCustody.ts';
import { endpointForRegion } from './endpoint.ts';
import { ConnectionFieldsSchema, ProfileInputSchema, type ConnectionFields, type Profile, type ProfilePatch } from '../profile/profileModel.ts';
import type { ProfileStore } from './profileStore.ts';
import type { RuntimeProfiles } from './runtimeProfiles.ts';
import { toView, type ProfileView } from './profileView.ts';
import type { SandboxHost } from './sandboxHost.ts';
import { runConnectionTest } from './connectionTest.ts';
import { ManagedPolicy } from '../policy/managedPolicy.ts';
import { applyPresets } from './policyPresets.ts';

export type ProfileInputParsed = z.output<typeof ProfileInputSchema>;
export type CredentialState = z.input<typeof CredentialStateSchema>;
export type TestStep = z.input<typeof TestStepSchema>;

export interface SaveRequest extends CustodyRequest {
  profile: ProfileInputParsed;
  accessKey?: { accessKeyId: string; accessKeySecret: string };
  temporaryCredentials?: TemporaryCredentialsInput;
  linkSigningKey?: { accessKeyId: string; accessKeySecret: string };
  makeActive?: boolean;
}

export interface AccountsDeps {
  store: ProfileStore;
  runtime: RuntimeProfiles;
  clock: Clock;
  keychain: Keychain;
  broker: StsBroker;
  sandbox: SandboxHost;
  events: EventSink;
  /** Main-owned confirmations for re-pointing, other hosts and deleted keys. */
  confirm: CustodyConfirmations;
  env: NodeJS.ProcessEnv;
  network: Network;
  /** The OS user name used in `{user}` of prefix templates. */
  user: string;
  /** The language for messages in pushed events. */
  lang(): Promise<Lang>;
  /** IT's managed settings (none when absent). */
  policy?: ManagedPolicy;
}

const log = logger('accounts');

/** Profiles, their keychain secrets, the active profile and its session state. */
export class AccountsService {
  readonly store: ProfileStore;
  readonly policy: ManagedPolicy;
  private readonly states = new Map<string, BrokerState>();

  constructor(private readonly deps: AccountsDeps) {
    this.store = deps.store;
    this.policy = deps.policy ?? new ManagedPolicy();
    deps.broker.onState((state) => {
      this.states.set(state.profileId, state);
      void Promise.all([this.store.read(), deps.lang()]).then(([file, lang]) => {
        if (file.activeId === state.profileId) deps.events.emit('session.changed', this.stateView(state, lang));
      }, () => undefined);
    });
  }

  async list(): Promise<{ profiles: ProfileView[]; activeId: string | null }> {
    const file = await this.store.read();
    const profiles = file.profiles.map((p) => toView(this.policy.apply(p)));
    this.watchTemporaryExpiry(profiles.find((p) => p.id === file.activeId));
    return { profiles, activeId: file.activeId };
  }

  async active(): Promise<Profile | undefined> {
    const file = await this.store.read();
    return file.profiles.find((p) => p.id === file.activeId);
  }

  /** IT's preset connections among the profiles (at start): new ones added, locked ones set back to IT's settings. */
  async applyPolicyPresets(): Promise<void> {
    const repointed = await applyPresets(this.store, this.policy, this.deps.clock.now(), this.deps.env);
    for (const id of repointed) await this.deps.broker.forget(id);
  }

  /** The profile with run-time endpoints: a sandbox profile gets the running sandbox's (re)started ports. */
  runtimeProfile(id: string): Promise<Profile> {
    return this.deps.runtime.get(id);
  }

  /**
   * Saves a profile. Main decides whether the change may happen (keyCustody.ts: re-pointing a stored key
   * needs the key again, other hosts and deleted keys need main's own confirmation). Secrets go to the
   * keychain first: if it refuses, nothing at all is written.
   */
  async save(request: SaveRequest): Promise<ProfileView> {
    const { id: requestedId, ...input } = request.profile;
    const existing = requestedId ? await this.store.get(requestedId) : undefined;
    const fields = checkProfileFields(input);
    const source = fields.credentialSource ?? 'keychain-role';
    const id = existing?.id ?? `p${randomBytes(8).toString('hex')}`;
    if (sourceOf(source).needsRoleArn && !fields.roleArn) throw new FerryError('accounts.roleArnRequired');
    // Names pick connections (`ferry profile use Acme`), so a new one may not take a name already in use.
    const sameName = (await this.store.read()).profiles.find((p) => p.id !== id && p.name === fields.name);
    if (sameName) throw new FerryError('accounts.nameTaken', { name: fields.name, id: sameName.id });
    let next = this.nextProfile(id, fields, existing);
    const locked = this.policy.lockedPreset(id);
    if (locked && existing) {
      // Only a key may be supplied: a setting other than the stored one (or the one shown, IT's rules applied) is refused, and IT's stay.
      if (!sameConnection(existing, next) && !sameConnection(this.policy.apply(existing), next)) throw new FerryError('policy.connectionLocked', { name: existing.name });
      next = { ...next, ...connectionFieldsOf(existing) };
    }
    this.policy.checkSignatureChoice(next, existing);
    // IT named a locked connection's hosts machine-wide: supplying its key asks nothing more.
    const custody = locked && existing ? { ...request, confirmedHosts: [...(request.confirmedHosts ?? []), ...(existing.confirmedHosts ?? [])] } : request;
    next.confirmedHosts = await checkKeyCustody(existing, next, custody, this.deps.confirm, this.deps.env);
    // A test of the old destination or the old key says nothing about the new one.
    const newKey = Boolean(request.accessKey || request.temporaryCredentials || request.linkSigningKey);
    if (existing && (newKey || reachChanges(existing, next).length > 0)) delete next.lastTest;

    const written: string[] = [];
    try {
      const updates = await writeProfileSecrets(this.deps.keychain, id, source, request, existing, written);
      const profile: Profile = { ...next, ...updates };
      await this.store.update((file) => ({
        ...file,
        activeId: request.makeActive === false && file.activeId ? file.activeId : id,
        profiles: [...file.profiles.filter((p) => p.id !== id), stripUndefined(profile)],
      }));
      // Credentials the old key or destination got are dropped (from the keychain too), not just passed over.
      if (existing && (newKey || reachChanges(existing, next).length > 0)) await this.deps.broker.forget(id);
      else this.deps.broker.invalidate(id);
      await this.emitChanged();
      log.info('profile saved', { id, source });
      return toView(this.policy.apply(await this.store.get(id)));
    } catch (error) {
      // The profile was not written: do not leave a secret behind for it.
      if (!existing) for (const account of written) await this.deps.keychain.remove(account).catch(() => false);
      throw error;
    }
  }

  /**
   * Changes some connection settings of a saved profile and keeps every other one (Settings → Defaults).
   * Goes through save(), so the key-custody rules are the same: a re-pointing change without the key is refused.
   */
  async update(id: string, patch: ProfilePatch): Promise<ProfileView> {
    const existing = await this.store.get(id);
    return this.save({ profile: this.resaveInput(existing, patch), makeActive: false });
  }

  /**
   * Gives a saved connection a link-signing key (a RAM user that may only read the folder), so links last
   * as long as chosen. The connection's hosts were confirmed when it was saved; the key goes to the same ones.
   */
  async addLinkSigningKey(id: string, key: { accessKeyId: string; accessKeySecret: string }): Promise<ProfileView> {
    const existing = await this.store.get(id);
    return this.save({ profile: this.resaveInput(existing, {}), linkSigningKey: key, makeActive: false, confirmedHosts: existing.confirmedHosts ?? [] });
  }

  private resaveInput(existing: Profile, patch: ProfilePatch): ProfileInputParsed {
    const settings = connectionFieldsOf(existing);
    // A sandbox profile's addresses are filled in at run time; its stored ones are placeholders.
    if (existing.isSandbox) delete settings.endpoint;
    return ProfileInputSchema.parse({ ...settings, ...patch, id: existing.id });
  }

  /** The profile as it would be stored, before any secret is written. */
  private nextProfile(id: string, fields: ProfileInput, existing: Profile | undefined): Profile {
    const source = fields.credentialSource ?? 'keychain-role';
    return {
      ...(existing ?? { isSandbox: false, hasLinkSigningKey: false, uploadOnly: false, createdAt: this.deps.clock.now() }),
      id,
      name: fields.name,
      endpoint: existing?.isSandbox ? '' : (fields.endpoint ?? endpointForRegion(fields.region ?? 'cn-hangzhou')),
      region: fields.region ?? 'cn-hangzhou',
      bucket: fields.bucket,
      prefixTemplate: fields.prefixTemplate ?? 'shared/{user}/{yyyy}-{mm}/',
      roleArn: fields.roleArn,
      stsEndpoint: existing?.isSandbox ? undefined : fields.stsEndpoint,
      sessionDurationSeconds: fields.sessionDurationSeconds ?? 3600,
      defaultLinkExpiry: fields.defaultLinkExpiry ?? '1d',
      signatureVersion: fields.signatureVersion ?? 'v4',
      credentialSource: source,
      tokenServiceUrl: fields.tokenServiceUrl,
      ...(sourceOf(source).keychainSecret ? {} : { maskedAccessKeyId: undefined }),
      ...(sourceOf(source).renews ? { credentialsExpireAt: undefined } : {}),
    };
  }

  async use(id: string): Promise<{ activeId: string }> {
    await this.store.get(id);
    await this.store.update((file) => ({ ...file, activeId: id }));
    await this.emitChanged();
    this.deps.events.emit('session.changed', await this.sessionState(await this.deps.lang()));
    return { activeId: id };
  }

  /**
   * Deletes a profile and its keychain entries, once main's own dialog has confirmed it (`confirmed`:
   * the person already said so outside the window, as `ferry profile remove` does). If the keychain
   * cannot be reached, nothing is deleted.
   */
  async remove(id: string, options: { confirmed?: boolean } = {}): Promise<{ removed: boolean; cancelled?: boolean }> {
    const file = await this.store.read();
    const profile = file.profiles.find((p) => p.id === id);
    if (!profile) return { removed: false };
    if (this.policy.lockedPreset(id)) throw new FerryError('policy.connectionLocked', { name: profile.name });
    if (!options.confirmed && !(await this.deps.confirm.deleteKey(profile.name, 'remove'))) return { removed: false, cancelled: true };
    if (sourceOf(profile.credentialSource).keychainSecret || profile.maskedAccessKeyId) {
      await this.deps.keychain.remove(id);
    }
    if (profile.hasLinkSigningKey) await this.deps.keychain.remove(linkSigningAccount(id));
    await this.store.update((f) => {
      const profiles = f.profiles.filter((p) => p.id !== id);
      return { ...f, profiles, activeId: f.activeId === id ? (profiles[0]?.id ?? null) : f.activeId };
    });
    await this.deps.broker.forget(id);
    this.states.delete(id);
    await this.emitChanged();
    return { removed: true };
  }

  /**
   * "Try it on this computer": the sandbox's demo RAM user key goes to the keychain like a real one, and
   * its link-signing user's key as the profile's link-signing key (also for a trial profile made before
   * there was one), so trial links last as long as the person chose.
   */
  async tryLocally(): Promise<ProfileView> {
    this.policy.checkTrialAllowed();
    const handle = await this.deps.sandbox.ensure();
    const demo = handle.demo;
    if (!demo) throw new FerryError('accounts.sandboxFailed');
    const existing = (await this.store.read()).profiles.find((p) => p.isSandbox);
    const id = existing?.id ?? `sandbox${randomBytes(4).toString('hex')}`;
    await this.deps.keychain.write(id, { v: 1, kind: 'access-key', accessKeyId: demo.accessKeyId, accessKeySecret: demo.accessKeySecret });
    if (demo.linkSigningKey) await this.deps.keychain.write(linkSigningAccount(id), { v: 1, kind: 'access-key', ...demo.linkSigningKey });
    else if (existing?.hasLinkSigningKey) await this.deps.keychain.remove(linkSigningAccount(id));
    const profile = sandboxProfile(id, handle.region, demo, existing, this.deps.clock.now());
    await this.store.update((file) => ({ ...file, activeId: id, profiles: [...file.profiles.filter((p) => p.id !== id), profile] }));
    this.deps.broker.invalidate(id);
    await this.emitChanged();
    return toView(profile);
  }

  async test(id: string, lang: Lang, surface: Surface = 'window'): Promise<{ ok: boolean; steps: TestStep[] }> {
    const profile = await this.runtimeProfile(id);
    const result = await runConnectionTest(profile, {
      keychain: this.deps.keychain,
      broker: this.deps.broker,
      env: this.deps.env,
      clock: this.deps.clock,
      network: this.deps.network,
      user: this.deps.user,
      lang,
      surface,
      progress: (steps) => this.deps.events.emit('profiles.testProgress', { id, steps }),
    });
    const lastTest = { ok: result.ok, at: this.deps.clock.now() };
    const uploadOnly = result.uploadOnly ?? profile.uploadOnly;
    await this.store.update((file) => ({
      ...file,
      profiles: file.profiles.map((p) => (p.id === id ? { ...p, uploadOnly, lastTest } : p)),
    }));
    await this.emitChanged();
    return { ok: result.ok, steps: result.steps };
  }

  async sessionState(lang: Lang): Promise<CredentialState> {
    const active = await this.active();
    if (!active) return { state: 'none' };
    if (!sourceOf(active.credentialSource).renews && active.credentialsExpireAt !== undefined && active.credentialsExpireAt <= this.deps.broker.serverNow()) {
      return { profileId: active.id, state: 'expired', expiresAt: active.credentialsExpireAt };
    }
    const state = this.states.get(active.id);
    if (!state) return { profileId: active.id, state: 'none' };
    return this.stateView(state, lang);
  }

  private stateView(state: BrokerState, lang: Lang): CredentialState {
    return {
      profileId: state.profileId,
      state: state.state,
      ...(state.expiresAt !== undefined ? { expiresAt: state.expiresAt - this.deps.broker.clockOffsetMs() } : {}),
      ...(state.error ? { error: toUserError(state.error, lang) } : {}),
    };
  }

  private async emitChanged(): Promise<void> {
    this.deps.events.emit('profiles.changed', await this.list());
  }

  private expiryTimer: NodeJS.Timeout | undefined;

  /** Pasted credentials cannot renew: tell the window the moment they expire, so it asks for new ones. */
  private watchTemporaryExpiry(active: ProfileView | undefined): void {
    clearTimeout(this.expiryTimer);
    const expiresAt = active && !sourceOf(active.credentialSource).renews ? active.credentialsExpireAt : undefined;
    if (!active || expiresAt === undefined) return;
    const delay = Math.min(2 ** 31 - 1, Math.max(0, expiresAt - this.deps.broker.serverNow()));
    this.expiryTimer = setTimeout(() => {
      this.deps.events.emit('session.changed', { profileId: active.id, state: 'expired', expiresAt });
    }, delay);
    this.expiryTimer.unref();
  }
}

function connectionFieldsOf(profile: Profile): Partial<ConnectionFields> {
  const keys = Object.keys(ConnectionFieldsSchema.shape) as (keyof ConnectionFields)[];
  return stripUndefined(Object.fromEntries(keys.map((k) => [k, profile[k]])) as Partial<ConnectionFields>);
}

function sameConnection(a: Profile, b: Profile): boolean {
  const keys = Object.keys(ConnectionFieldsSchema.shape) as (keyof ConnectionFields)[];
  return keys.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
