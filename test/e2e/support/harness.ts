/**
 * The e2e fixture: a fresh FERRY_HOME and fresh services per test, the real handler table behind
 * window.ferry (see test/support/bindFerry.ts), and only the recording fakes for
 * clipboard/dialog/notifications/tray/window.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { createServices, type Services } from '../../../src-main/app/services.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import type { HandlerTable } from '../../../src-main/app/dispatch.ts';
import type { Clock } from '../../../src-main/time/clock.ts';
import { recordingPorts, type RecordingPorts } from '../../../src-main/ports/recordingPorts.ts';
import { bindFerry, registerFixture } from '../../support/bindFerry.ts';
import { APP_URL } from '../../support/serveRenderer.ts';
import type { PolicyReading } from '../../../src-main/policy/policyModel.ts';

export const E2E_APP_VERSION = '0.0.0-e2e';

/**
 * "Try it on this computer" stores the demo key in the OS keychain like a real one, so specs that use it
 * need a Secret Service (npm test and .ci/run start one under dbus-run-session).
 */
export const noKeychainReason: string | false =
  process.platform !== 'linux' || process.env.DBUS_SESSION_BUS_ADDRESS
    ? false
    : 'no D-Bus session bus: run under dbus-run-session with an unlocked gnome-keyring (npm test does this)';

/** Real time plus an offset a test can move (services and the sandbox share it). */
export class ShiftedClock implements Clock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
}

export interface Harness {
  home: string;
  clock: ShiftedClock;
  ports: RecordingPorts;
  services: Services;
  table: HandlerTable;
  /** Every channel the page called, in order (lets a test prove a click reached the handler table). */
  calls: string[];
  /** Opens the app in the page and waits until it has loaded its state. */
  open(): Promise<void>;
  /** Makes a File named `name` dropped in the page resolve to `filePath` (what webUtils does in Electron). */
  registerFixture(name: string, filePath: string): Promise<void>;
}

export interface HarnessOptions {
  /** The OS locale the services see (language setting "system"). */
  systemLocale: string;
  /** IT's managed settings as main read them at start; none unless given. */
  policy: PolicyReading | undefined;
}

export const test = base.extend<HarnessOptions & { ferry: Harness }>({
  systemLocale: ['en-US', { option: true }],
  policy: [undefined, { option: true }],
  ferry: async ({ page, systemLocale, policy }, use) => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-'));
    const ports = recordingPorts();
    const clock = new ShiftedClock();
    const services = await createServices({ home, ports, appVersion: E2E_APP_VERSION, systemLocale: () => systemLocale, clock, sandboxClock: clock, ...(policy ? { policy } : {}) });
    const table = buildHandlerTable(services);
    const calls: string[] = [];
    // Any script error or CSP violation (e.g. an inline style) fails the test that caused it.
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(text)) pageErrors.push(`csp: ${text}`);
    });
    const unbind = await bindFerry({ page, services, table, events: ports.events, onCall: (channel) => calls.push(channel) });
    await use({
      home,
      clock,
      ports,
      services,
      table,
      calls,
      async open() {
        await page.goto(APP_URL);
        await page.locator('[data-ready="true"]').waitFor();
      },
      registerFixture: (name, filePath) => registerFixture(page, name, filePath),
    });
    unbind();
    await services.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(`${home}-files`, { recursive: true, force: true });
    expect(pageErrors, 'script errors or CSP violations in the page').toEqual([]);
  },
});

export { expect };
