/**
 * The base every integration harness builds on: temp folders, a "company" sandbox (OSS + STS over HTTP),
 * Ferry's real services with recording UI ports, and whether the real keychain can be used.
 *
 * Cleanup: anything made here inside a test (or a beforeEach) is closed when that test finishes, pass or
 * fail, newest first (vitest's onTestFinished), so tests need no afterEach. Made in a beforeAll, it is
 * the caller's to close in afterAll. `close()` may also be called early; a second call does nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished, TestRunner } from 'vitest';
import type { ProfileView } from '../../src-main/accounts/profileView.ts';
import { createServices, type Services } from '../../src-main/app/services.ts';
import { ProfileInputSchema } from '../../src-main/contract/profiles.ts';
import { recordingPorts, type RecordingPorts } from '../../src-main/ports/recordingPorts.ts';
import type { Network } from '../../src-main/network/network.ts';
import type { PolicyReading } from '../../src-main/policy/policyModel.ts';
import type { ProxyResolver } from '../../src-main/ports/proxyResolver.ts';
import type { DemoKey } from '../../src-main/sandbox/demo.ts';
import { demoConfig, generateDemoKey, startSandbox, type SandboxConfigInput, type SandboxHandle, type SandboxOptions } from '../../src-main/sandbox/index.ts';
import type { Clock } from '../../src-main/time/clock.ts';

/** Keychain tests need a Secret Service on a D-Bus session bus (CI runs them under dbus-run-session). */
export const noKeyringReason: string | false = process.env.DBUS_SESSION_BUS_ADDRESS
  ? false
  : 'no D-Bus session bus: run under dbus-run-session with an unlocked gnome-keyring (see .ci/run)';
if (noKeyringReason) console.warn(`keychain tests skipped — ${noKeyringReason}`);

/**
 * Makes `resource.close()` run at most once and, inside a test, when the test finishes. Returns the resource.
 * Use it for anything a test opens that has a `close()`.
 */
export function closeWhenTestEnds<T extends { close(): Promise<void> }>(resource: T): T {
  const close = resource.close.bind(resource);
  let closing: Promise<void> | undefined;
  resource.close = () => (closing ??= close());
  if (TestRunner.getCurrentTest()) onTestFinished(() => resource.close());
  return resource;
}

export interface TempDir {
  dir: string;
  close(): Promise<void>;
}

/** An empty folder under the OS temp folder, removed when the test ends. */
export async function tempDir(prefix: string): Promise<TempDir> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `ferry-${prefix}-`));
  return closeWhenTestEnds({ dir, close: () => rm(dir, { recursive: true, force: true }) });
}

export type CompanySandbox = SandboxHandle;

/**
 * A sandbox in its own temp folder (not the app's data folder), standing in for a company's OSS and STS.
 * `close()` stops it (a test may do so early to make it unreachable) and removes its folder.
 */
export async function companySandbox(options: Omit<SandboxOptions, 'dataDir'> = {}): Promise<CompanySandbox> {
  const folder = await tempDir('sandbox');
  const handle = await startSandbox({ dataDir: folder.dir, ...options });
  const stop = handle.close.bind(handle);
  return closeWhenTestEnds(
    Object.assign(handle, {
      async close() {
        await stop();
        await folder.close();
      },
    }),
  );
}

export interface Harness {
  /** Ferry's data folder (what FERRY_HOME names for the app). */
  home: string;
  services: Services;
  /** Recording stand-ins for the Electron UI (dialog, clipboard, tray, notifications, window, events). */
  ports: RecordingPorts;
  close(): Promise<void>;
}

export interface ServicesOptions {
  clock?: Clock;
  sandboxClock?: Clock;
  /** The environment Ferry reads (credential source "env"); empty unless given. */
  env?: NodeJS.ProcessEnv;
  /** Use this data folder (the caller owns it: kept on close), e.g. to start again over the same data. */
  home?: string;
  /** How requests leave Ferry (a wrapped createNetwork() to watch them); the network setting's when absent. */
  network?: Network;
  /** IT's managed settings as read at start (policy/); none when absent. */
  policy?: PolicyReading;
  /** The system's proxy settings for the network setting "system" (a PAC file); direct when absent. */
  proxyResolver?: ProxyResolver;
  /** Root certificates to trust besides Node's (PEM), as a company certificate. */
  extraCa?: readonly string[];
}

/** Ferry's real services (as main composes them) in a fresh data folder, with recording UI ports. */
export async function servicesHarness(options: ServicesOptions = {}): Promise<Harness> {
  const folder = options.home ? undefined : await tempDir('home');
  const home = options.home ?? folder!.dir;
  const ports = recordingPorts();
  const services = await createServices({
    home,
    ports,
    appVersion: '0.0.0-test',
    systemLocale: () => 'en',
    env: options.env ?? {},
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.sandboxClock ? { sandboxClock: options.sandboxClock } : {}),
    ...(options.network ? { network: options.network } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.proxyResolver ? { proxyResolver: options.proxyResolver } : {}),
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
  });
  return closeWhenTestEnds({
    home,
    services,
    ports,
    async close() {
      await services.close();
      await folder?.close();
    },
  });
}

export interface CompanyHarness extends Harness {
  company: CompanySandbox;
  /** The RAM user key the company gave out (saved to the real keychain with the profile). */
  key: DemoKey;
  profile: ProfileView;
}

export interface CompanyOptions extends ServicesOptions {
  /** Fields that replace the profile's defaults (name Acme, bucket acme-share, the company's endpoints). */
  profile?: Record<string, unknown>;
  /** The company's sandbox setup for the generated key (default: the demo setup with bucket acme-share). */
  config?: (key: DemoKey) => SandboxConfigInput;
  /** The secret saved with the profile, if not the key's own (e.g. a wrong one). */
  secret?: string;
}

/**
 * A company sandbox and Ferry services with one profile whose RAM user key was saved to the real
 * keychain (needs `noKeyringReason` to be false). Closing removes the profile and its keychain entry.
 */
export async function companyHarness(options: CompanyOptions = {}): Promise<CompanyHarness> {
  const key = generateDemoKey();
  const config = options.config?.(key) ?? demoConfig({ key, bucket: 'acme-share' });
  const company = await companySandbox({ config, ...(options.sandboxClock ? { clock: options.sandboxClock } : {}) });
  const h = await servicesHarness(options);
  const profile = await h.services.accounts.save({
    profile: ProfileInputSchema.parse({
      name: 'Acme',
      endpoint: company.ossEndpoint,
      stsEndpoint: company.stsEndpoint,
      region: 'cn-hangzhou',
      bucket: company.demo?.bucket ?? 'acme-share',
      roleArn: company.demo?.roleArn,
      prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
      ...options.profile,
    }),
    accessKey: { accessKeyId: key.id, accessKeySecret: options.secret ?? key.secret },
  });
  return closeWhenTestEnds({
    ...h,
    company,
    key,
    profile,
    async close() {
      await h.services.accounts.remove(profile.id, { confirmed: true }).catch(() => undefined);
      await h.close();
      await company.close();
    },
  });
}
