import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../src-main/app/services.ts';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src-main/sandbox/index.ts';
import { recordingPorts, type RecordingPorts } from '../../../src-main/shell/recordingPorts.ts';
import type { Clock } from '../../../src-main/time/clock.ts';

/** Keychain tests need a Secret Service on a D-Bus session bus (CI runs them under dbus-run-session). */
export const noKeyringReason: string | false = process.env.DBUS_SESSION_BUS_ADDRESS
  ? false
  : 'no D-Bus session bus: run under dbus-run-session with an unlocked gnome-keyring (see .ci/run)';

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
