/**
 * The development preview: builds the renderer, starts Ferry's services (a temporary data folder, or
 * FERRY_HOME / --home for a real one), and opens the renderer in a visible Chromium window whose
 * window.ferry is bound to the real handler table. The page is served through page.route, so nothing
 * listens on a port except the "Try it locally" sandbox on 127.0.0.1.
 *
 * Electron-only surfaces use the recording ports; "Choose files…" asks for paths in this terminal,
 * and whatever Ferry puts on the clipboard is printed here (share links shortened, they are bearer tokens).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { chromium } from '@playwright/test';
import { createServices } from '../../src-main/app/services.ts';
import { buildHandlerTable } from '../../src-main/app/handlers/handlerTable.ts';
import { recordingPorts } from '../../src-main/ports/recordingPorts.ts';
import { redactUrl } from '../../src-main/log/redact.ts';
import { bindFerry } from './bindFerry.ts';
import { buildFerryApiBundle, buildRenderer } from './rendererBuild.ts';
import { APP_URL } from './serveRenderer.ts';
import packageJson from '../../package.json' with { type: 'json' };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export async function runPreview(args: string[]): Promise<void> {
  const chosenHome = option(args, '--home') ?? process.env.FERRY_HOME;
  const home = chosenHome ? path.resolve(chosenHome) : mkdtempSync(path.join(os.tmpdir(), 'ferry-preview-'));
  console.log('Building the renderer…');
  await buildRenderer();
  await buildFerryApiBundle();

  const ports = recordingPorts();
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  ports.dialog.openFiles = async (options) => {
    const answer = await terminal.question(`\n${options.title} — type a full path (empty to cancel): `);
    return answer.trim() === '' ? [] : [answer.trim()];
  };
  const writeText = ports.clipboard.writeText.bind(ports.clipboard);
  ports.clipboard.writeText = (text) => {
    console.log(`[clipboard] ${text.replace(/https?:\/\/\S+/g, (url) => redactUrl(url))}`);
    return writeText(text);
  };
  ports.notifications.show = (n) => console.log(`[notification] ${n.title}: ${n.body}`);

  const { version } = packageJson;
  const services = await createServices({ home, ports, appVersion: version, systemLocale: () => Intl.DateTimeFormat().resolvedOptions().locale });
  const table = buildHandlerTable(services);

  const headless = args.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: null });
  await bindFerry({ page, services, table, events: ports.events });
  await page.goto(APP_URL);
  console.log(`Ferry preview is open (${headless ? 'headless: no display found' : 'Chromium window'}); data folder: ${home}`);
  console.log('Close the window or press Ctrl+C to stop.');

  const stop = async () => {
    terminal.close();
    await browser.close().catch(() => {});
    await services.close();
    if (!chosenHome) rmSync(home, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  page.once('close', () => void stop());
  browser.once('disconnected', () => void stop());
}
