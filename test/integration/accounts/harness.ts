import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../src-main/app/services.ts';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src-main/sandbox/index.ts';
import { recordingPorts, type RecordingPorts } from '../../../src-main/ports/recordingPorts.ts';
import type { Clock } from '../../../src-main/time/clock.ts';

/** Keychain tests need a Secret Service on a D-Bus session bus (CI runs them under dbus-run-session). */
export const noKeyringReason: string | false = process.env.DBUS_SESSION_BUS_ADDRESS
  ? false
  : 'no D-Bus session bus: run under dbus-run-session with an unlocked gnome-keyring (see .ci/run)';
if (noKeyringReason) console.warn(`keychain tests skipped — ${noKeyringReason}`);

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `ferry-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface Harness {
  home: string;
  services: Services;
  ports: RecordingPorts;
  close(): Promise<void>;
}

export async function servicesHarness(options: { clock?: Clock; sandboxClock?: Clock; env?: NodeJS.ProcessEnv } = {}): Promise<Harness> {
  const { dir, cleanup } = await tempDir('home');
  const ports = recordingPorts();
  const services = await createServices({
    home: dir,
    ports,
    appVersion: '0.0.0-test',
    systemLocale: () => 'en',
    env: options.env ?? {},
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.sandboxClock ? { sandboxClock: options.sandboxClock } : {}),
  });
  return {
    home: dir,
    services,
    ports,
    async close() {
      await services.close();
      await cleanup();
    },
  };
}

/** A sandbox in its own temp folder (not the app's data folder), e.g. standing in for a company's OSS. */
export async function sandbox(options: Omit<SandboxOptions, 'dataDir'> = {}): Promise<SandboxHandle & { dispose(): Promise<void> }> {
  const { dir, cleanup } = await tempDir('sandbox');
  const handle = await startSandbox({ dataDir: dir, ...options });
  return Object.assign(handle, {
    async dispose() {
      await handle.close();
      await cleanup();
    },
  });
}

import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { demoConfig, generateDemoKey, type SandboxConfigInput } from '../../../src-main/sandbox/index.ts';
import type { DemoKey } from '../../../src-main/sandbox/demo.ts';
import type { ProfileView } from '../../../src-main/accounts/profileView.ts';

export interface CompanyHarness extends Harness {
  company: SandboxHandle & { dispose(): Promise<void> };
  key: DemoKey;
  profile: ProfileView;
}

/**
 * A "company" sandbox (its own folder, like a real OSS/STS account) and Ferry services with one profile
 * whose RAM user key was saved to the real keychain.
 */
export async function companyHarness(
  options: {
    clock?: Clock;
    sandboxClock?: Clock;
    env?: NodeJS.ProcessEnv;
    profile?: Record<string, unknown>;
    config?: (key: DemoKey) => SandboxConfigInput;
    secret?: string;
  } = {},
): Promise<CompanyHarness> {
  const key = generateDemoKey();
  const config = options.config?.(key) ?? demoConfig({ key, bucket: 'acme-share' });
  const company = await sandbox({ config, ...(options.sandboxClock ? { clock: options.sandboxClock } : {}) });
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
  return {
    ...h,
    company,
    key,
    profile,
    async close() {
      await h.services.accounts.remove(profile.id, { confirmed: true }).catch(() => undefined);
      await h.close();
      await company.dispose();
    },
  };
}

import { readdir, readFile } from 'node:fs/promises';

/** Every file under `dir` (recursively) whose bytes contain any of `needles`. */
export async function filesContaining(dir: string, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    if (needles.some((n) => bytes.includes(n))) hits.push(file);
  }
  return hits;
}
