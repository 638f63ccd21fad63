/**
 * Builds Ferry's services once, for the Electron app, the CLI, the e2e harness and the preview alike.
 * Every capability plugs in here; nothing in this file imports electron.
 */
import type { Ports } from '../ports/uiPorts.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import { langFromLocale, type Lang } from '../i18n/lang.ts';
import { SettingsStore } from '../settings/settingsStore.ts';
import type { AccountsService } from '../accounts/accountsService.ts';
import { createAccounts } from '../accounts/createAccounts.ts';
import type { SandboxHost } from '../accounts/sandboxHost.ts';
import type { StsBroker } from '../credentials/stsBroker.ts';
import { createLinks, type Links } from '../links/createLinks.ts';
import { UploadsService } from '../uploads/uploadsService.ts';
import { DEFAULT_TUNING, tuningFromEnv } from '../uploads/partPlan.ts';
import { BundleService } from '../bundles/bundleService.ts';
import { DroppedData } from '../uploads/droppedData.ts';
import { NavigationRequests } from './navigation.ts';
import { ManagedPolicy } from '../policy/managedPolicy.ts';
import { NO_POLICY, type PolicyReading } from '../policy/policyModel.ts';
import { checkPresets } from '../accounts/policyPresets.ts';
import { logger } from '../log/logger.ts';
import type { Network } from '../network/network.ts';
import { AppNetwork } from '../network/appNetwork.ts';
import { ProxyLogins } from '../network/proxyLogins.ts';
import { Keychain } from '../credentials/keychain.ts';
import { trustedCertificates } from '../network/trustedCertificates.ts';
import type { ProxyResolver } from '../ports/proxyResolver.ts';
import { FerryError } from '../errors/ferryError.ts';

export interface ServiceOptions {
  /** The data folder (dataHome() in the app and CLI, a temp dir in tests). */
  home: string;
  ports: Ports;
  appVersion: string;
  /** The OS locale, consulted when the language setting is "system". */
  systemLocale: () => string;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** How requests reach OSS, STS and token services (a fixed one, for tests); the network setting's when absent. */
  network?: Network;
  /** The system's proxy settings, for the network setting "system" (Electron's, or a PAC file); direct without. */
  proxyResolver?: ProxyResolver;
  /** Root certificates to trust besides the system's and Node's (PEM). */
  extraCa?: readonly string[];
  /** Base clock of the in-process "Try it locally" sandbox. */
  sandboxClock?: Clock;
  /** IT's managed settings as read at start (policy/machinePolicy.ts); none when absent. */
  policy?: PolicyReading;
}

export interface Services {
  readonly home: string;
  readonly ports: Ports;
  readonly clock: Clock;
  readonly appVersion: string;
  readonly env: NodeJS.ProcessEnv;
  readonly settings: SettingsStore;
  /** Profiles, keychain secrets, "Test connection", "Try it locally". */
  readonly accounts: AccountsService;
  /** Short-lived, least-privilege credentials per profile and purpose. */
  readonly broker: StsBroker;
  /** The in-process sandbox behind "Try it locally" (started on demand). */
  readonly sandbox: SandboxHost;
  /** Share links: signing, the ledger, stop sharing. */
  readonly links: Links;
  /** The upload queue, its checkpoints and the history of finished uploads. */
  readonly uploads: UploadsService;
  /** Files dropped from a browser or mail program (no path): private copies until they are uploaded. */
  readonly dropped: DroppedData;
  /** IT's managed settings: presets, locks, link rules (a malformed policy applies nothing). */
  readonly policy: ManagedPolicy;
  /** "Share as one link": many files zipped while the zip uploads, and one link to it. */
  readonly bundles: BundleService;
  /** Screens main asked the window to show, kept until the page takes them. */
  readonly navigation: NavigationRequests;
  /** The network setting's proxy (rebuilt when it changes), the Settings "Test" button, proxy logins. */
  readonly appNetwork: AppNetwork;
  /** The language the user sees right now (setting, or the OS locale). */
  lang(): Promise<Lang>;
  close(): Promise<void>;
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const settings = new SettingsStore(options.home);
  const closers: (() => Promise<void>)[] = [];
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const policy = new ManagedPolicy(checkPresets(options.policy ?? NO_POLICY));
  if (policy.reading.problem) logger('policy').warn('managed settings malformed, ignored', { source: policy.reading.source ?? '', problem: policy.reading.problem });
  const appNetwork = new AppNetwork({
    settings,
    logins: new ProxyLogins(new Keychain()),
    events: options.ports.events,
    resolver: options.proxyResolver,
    ca: trustedCertificates(options.extraCa),
  });
  await appNetwork.start();
  const network = options.network ?? appNetwork.network;
  closers.push(() => network.close());
  const lang = async (): Promise<Lang> => {
    const { language } = await settings.get();
    return language === 'system' ? langFromLocale(options.systemLocale()) : language;
  };
  const accounts = createAccounts({
    home: options.home,
    clock,
    env,
    network,
    events: options.ports.events,
    dialog: options.ports.dialog,
    lang,
    ...(options.sandboxClock ? { sandboxClock: options.sandboxClock } : {}),
    policy,
  });
  closers.push(() => accounts.sandbox.close());
  await accounts.accounts.applyPolicyPresets().catch((error: unknown) => logger('policy').error('preset connections not applied', { reason: String(error) }));
  const uploads = new UploadsService({
    home: options.home,
    clock,
    settings,
    ports: options.ports,
    broker: accounts.broker,
    accounts: accounts.accounts,
    network,
    lang,
    tuning: tuningFromEnv(env),
  });
  closers.push(() => uploads.close());
  const links = createLinks({
    home: options.home,
    clock,
    ports: options.ports,
    broker: accounts.broker,
    accounts: accounts.accounts,
    network,
    policy,
    knownSize: (profileId, key) => uploads.history.sizeOf(profileId, key),
    uploadedAt: (profileId, key) => uploads.history.uploadedAt(profileId, key),
    onStopped: (profileId, key, stop) => uploads.objectStopped(profileId, key, stop),
    lang,
    remindersEnabled: async () => (await settings.get()).linkReminders,
  });
  const bundles = new BundleService({
    clock,
    events: options.ports.events,
    clipboard: options.ports.clipboard,
    broker: accounts.broker,
    network,
    uploads,
    links,
    profile: async (id) => {
      const chosen = id ?? (await accounts.accounts.active())?.id;
      if (!chosen) throw new FerryError('uploads.noProfile');
      return accounts.accounts.runtimeProfile(chosen);
    },
    limits: async () => ({ partConcurrency: (await settings.get()).partConcurrency }),
    tuning: { ...DEFAULT_TUNING, ...tuningFromEnv(env) },
  });
  closers.push(async () => void bundles.cancel());
  const services: Services = {
    home: options.home,
    ports: options.ports,
    clock,
    appVersion: options.appVersion,
    env,
    settings,
    accounts: accounts.accounts,
    broker: accounts.broker,
    sandbox: accounts.sandbox,
    links,
    uploads,
    policy,
    dropped: new DroppedData(options.home, uploads),
    bundles,
    navigation: new NavigationRequests(options.ports.events),
    appNetwork,
    lang,
    async close() {
      await services.links.close();
      for (const close of closers.reverse()) await close();
    },
  };
  return services;
}
