/**
 * Binds window.ferry in a Playwright page to Ferry's real handler table: the renderer is served through
 * page.route (no port), window.ferry is built in the page by the preload's own buildFerryApi (bundled),
 * calls cross through page.exposeBinding into dispatch(), and main's events are forwarded into the page.
 * Used by the e2e harness and by `npm run preview`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Services } from '../../src-main/app/services.ts';
import { dispatch, type HandlerTable } from '../../src-main/app/dispatch.ts';
import type { RecordingEvents } from '../../src-main/ports/recordingPorts.ts';
import { ferryApiBundle } from './rendererBuild.ts';
import { serveRenderer } from './serveRenderer.ts';

/** Runs in the page before the app: builds window.ferry from the bundled buildFerryApi. */
const PAGE_GLUE = `(() => {
  const listeners = new Map();
  const fixtures = new Map();
  Object.defineProperty(window, '__ferryEmit', { value: (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  } });
  Object.defineProperty(window, '__ferryRegisterFixture', { value: (name, filePath) => fixtures.set(name, filePath) });
  const browserDrops = new Set();
  Object.defineProperty(window, '__ferryRegisterBrowserDrop', { value: (name) => browserDrops.add(name) });
  const api = FerryHarness.buildFerryApi({
    invoke: (channel, argument) => window.__ferryInvoke(channel, argument),
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
    // Stands in for Electron's webUtils.getPathForFile: only Files a test registered have a path.
    pathForFile: (file) => (file instanceof File ? (fixtures.get(file.name) ?? '') : ''),
    // Stands in for the preload's trusted-drop check: only path-less Files a test registered were "really dropped".
    droppedData: (file) => (file instanceof File && browserDrops.delete(file.name) ? file : undefined),
  });
  Object.defineProperty(window, 'ferry', { value: api, enumerable: true });
})();`;

export interface BindOptions {
  page: Page;
  services: Services;
  table: HandlerTable;
  events: RecordingEvents;
  /** Called with each channel the page invokes (never with arguments: they may hold a secret). */
  onCall?: (channel: string) => void;
}

export async function bindFerry({ page, services, table, events, onCall }: BindOptions): Promise<() => void> {
  await serveRenderer(page);
  await page.exposeBinding('__ferryInvoke', async (_source, channel: string, argument: unknown) => {
    onCall?.(channel);
    return dispatch(table, channel, argument, { lang: await services.lang() });
  });
  const unsubscribe = events.subscribe((event, payload) => {
    page
      .evaluate(([e, p]) => (window as unknown as { __ferryEmit?(a: string, b: unknown): void }).__ferryEmit?.(e, p), [event, payload] as const)
      .catch(() => {}); // the page may be navigating or closed
  });
  await page.addInitScript({ content: `${readFileSync(ferryApiBundle, 'utf8')}\n${PAGE_GLUE}` });
  return unsubscribe;
}

export async function registerFixture(page: Page, name: string, filePath: string): Promise<void> {
  await page.evaluate(
    ([n, p]) => (window as unknown as { __ferryRegisterFixture(a: string, b: string): void }).__ferryRegisterFixture(n, p),
    [name, filePath] as const,
  );
}
