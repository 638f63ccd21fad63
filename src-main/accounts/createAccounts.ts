import { Keychain, type KeytarLike } from '../credentials/keychain.ts';
import { SharedSessions } from '../credentials/sharedSessions.ts';
import { StsBroker } from '../credentials/stsBroker.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Network } from '../network/network.ts';
import type { DialogPort, EventSink } from '../ports/uiPorts.ts';
import { dialogConfirmations } from './custodyDialogs.ts';
import type { Clock } from '../time/clock.ts';
import { AccountsService } from './accountsService.ts';
import { currentUserName, stablePrefix } from './prefixTemplate.ts';
import { SandboxHost } from './sandboxHost.ts';
import { ProfileStore } from './profileStore.ts';
import { RuntimeProfiles } from './runtimeProfiles.ts';
import { ManagedPolicy } from '../policy/managedPolicy.ts';

export interface AccountsBundle {
  accounts: AccountsService;
  broker: StsBroker;
  keychain: Keychain;
  sandbox: SandboxHost;
}

/** Wires keychain → broker → accounts (and the "Try it locally" sandbox) for createServices. */
export function createAccounts(options: {
  home: string;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  network: Network;
  events: EventSink;
  /** Main's own dialogs: the key-custody confirmations the page cannot answer. */
  dialog: Pick<DialogPort, 'confirm'>;
  lang(): Promise<Lang>;
  keytar?: () => Promise<KeytarLike>;
  /** Clock for the in-process sandbox (tests move sandbox time with it). */
  sandboxClock?: Clock;
  /** IT's managed settings. */
  policy?: ManagedPolicy;
}): AccountsBundle {
  const policy = options.policy ?? new ManagedPolicy();
  const keychain = new Keychain(options.keytar);
  const sandbox = new SandboxHost(options.home, options.sandboxClock);
  const user = currentUserName();
  const store = new ProfileStore(options.home);
  const runtime = new RuntimeProfiles(store, sandbox, options.env, policy);
  const broker = new StsBroker({
    clock: options.clock,
    keychain,
    env: options.env,
    network: options.network,
    profile: (id) => runtime.get(id),
    policyPrefix: (profile) => stablePrefix(profile.prefixTemplate, user),
    shared: new SharedSessions(keychain),
  });
  const accounts = new AccountsService({ store, runtime, clock: options.clock, keychain, broker, sandbox, events: options.events, confirm: dialogConfirmations(options.dialog, options.lang), env: options.env, network: options.network, user, lang: options.lang, policy });
  return { accounts, broker, keychain, sandbox };
}
