/**
 * The e2e fixture: a fresh FERRY_HOME and fresh services per test, the real handler table behind
 * window.ferry (built in the page by the preload's own buildFerryApi), events forwarded from the
 * recording event sink, and only the recording fakes for clipboard/dialog/notifications/tray/window.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createServices, type Services } from '../../../src-main/app/services.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers.ts';
import { dispatch, type HandlerTable } from '../../../src-main/app/dispatch.ts';
import { recordingPorts, type RecordingPorts } from '../../../src-main/shell/recordingPorts.ts';
import { ferryApiBundle } from '../../support/rendererBuild.ts';
import { APP_URL, serveRenderer } from './serveRenderer.ts';

export const E2E_APP_VERSION = '0.0.0-e2e';

export interface Harness {
  home: string;
  ports: RecordingPorts;
  services: Services;
  table: HandlerTable;
  /** Every channel the page called, in order (lets a test prove a click reached the handler table). */
  calls: string[];
  /** Opens the app in the page. */
  open(): Promise<void>;
  /** Makes a File named `name` dropped in the page resolve to `filePath` (what webUtils does in Electron). */
  registerFixture(name: string, filePath: string): Promise<void>;
}

/** Runs in the page before the app: builds window.ferry from the bundled buildFerryApi. */
function pageGlue(): string {
  return `(() => {
  const listeners = new Map();
  const fixtures = new Map();
  Object.defineProperty(window, '__ferryEmit', { value: (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  } });
  Object.defineProperty(window, '__ferryRegisterFixture', { value: (name, filePath) => fixtures.set(name, filePath) });
  const api = FerryHarness.buildFerryApi({
    invoke: (channel, argument) => window.__ferryInvoke(channel, argument),
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
    pathForFile: (file) => fixtures.get(file.name) ?? '',
  });
  Object.defineProperty(window, 'ferry', { value: api, enumerable: true });
})();`;
}

export interface HarnessOptions {
  /** The OS locale the services see (language setting "system"). */
  systemLocale: string;
}

export const test = base.extend<HarnessOptions & { ferry: Harness }>({
  systemLocale: ['en-US', { option: true }],
  ferry: async ({ page, systemLocale }, use) => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-'));
    const ports = recordingPorts();
    const services = await createServices({ home, ports, appVersion: E2E_APP_VERSION, systemLocale: () => systemLocale });
    const table = buildHandlerTable(services);
    const calls: string[] = [];
    await bindFerry(page, services, table, ports, calls);
    const harness: Harness = {
      home,
      ports,
      services,
      table,
      calls,
      async open() {
        await page.goto(APP_URL);
        await page.locator('[data-ready="true"]').waitFor();
      },
      async registerFixture(name, filePath) {
        await page.evaluate(([n, p]) => (window as unknown as { __ferryRegisterFixture(a: string, b: string): void }).__ferryRegisterFixture(n, p), [name, filePath] as const);
      },
    };
    await use(harness);
    await services.close();
    rmSync(home, { recursive: true, force: true });
  },
});

async function bindFerry(page: Page, services: Services, table: HandlerTable, ports: RecordingPorts, calls: string[]): Promise<void> {
  await serveRenderer(page);
  await page.exposeBinding('__ferryInvoke', async (_source, channel: string, argument: unknown) => {
    calls.push(channel);
    return dispatch(table, channel, argument, { lang: await services.lang() });
  });
  ports.events.subscribe((event, payload) => {
    page
      .evaluate(([e, p]) => (window as unknown as { __ferryEmit?(a: string, b: unknown): void }).__ferryEmit?.(e, p), [event, payload] as const)
      .catch(() => {}); // the page may be navigating or closed
  });
  await page.addInitScript({ content: `${readFileSync(ferryApiBundle, 'utf8')}\n${pageGlue()}` });
}

export { expect } from '@playwright/test';
