import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { TrayE2EHook, TrayMenuSnapshot } from '../../src-main/tray/e2eHook.ts';
import { electronBinary } from './support/electronBinary.ts';
import { launchFerry, type LaunchedFerry } from './support/launch.ts';

const binary = electronBinary();
// Functions given to app.evaluate run in Electron's main process as source text: no closures, so each
// one reaches the hook through globalThis itself.
type WithHook = { __ferryE2E?: TrayE2EHook };
const ids = (menu: TrayMenuSnapshot[]): string[] => menu.flatMap((i) => [...(i.id ? [i.id] : []), ...ids(i.submenu ?? [])]);

test.describe('Ferry in Electron', () => {
  test.skip(!binary.path, binary.reason ?? '');
  let ferry: LaunchedFerry | undefined;
  test.afterEach(async () => {
    await ferry?.close();
    ferry = undefined;
  });

  test('launches one secure window showing Ferry', async () => {
    ferry = await launchFerry();
    await expect(ferry.window).toHaveTitle(/Ferry/);
    const exposed = await ferry.window.evaluate(() => ({
      ferry: typeof (window as unknown as { ferry?: unknown }).ferry,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ ferry: 'object', require: 'undefined', process: 'undefined' });
  });

  test('has a tray with its menu', async () => {
    ferry = await launchFerry();
    await expect.poll(async () => ids((await ferry!.app.evaluate(() => (globalThis as WithHook).__ferryE2E?.trayMenu())) ?? [])).toEqual(
      expect.arrayContaining(['uploads.summary', 'recent', 'upload.files', 'upload.clipboard', 'open', 'settings', 'quit']),
    );
  });

  test('dropping a file on the tray uploads it and puts its link on the clipboard', async () => {
    ferry = await launchFerry();
    // The built-in sandbox stands in for the company's storage.
    await ferry.window.evaluate(() => (window as unknown as { ferry: { profiles: { tryLocally(): Promise<unknown> } } }).ferry.profiles.tryLocally());
    const file = path.join(ferry.home, 'hello from the tray.txt');
    await writeFile(file, 'hello from the tray');
    await ferry.app.evaluate(({ clipboard }) => clipboard.writeText(''));
    await ferry.app.evaluate(async (_electron, paths) => (globalThis as WithHook).__ferryE2E?.dropOnTray(paths), [file]);
    let link = '';
    await expect
      .poll(async () => (link = await ferry!.app.evaluate(({ clipboard }) => clipboard.readText())), { timeout: 60_000 })
      .toMatch(/^https?:\/\/\S+hello%20from%20the%20tray\.txt\?\S+/);
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello from the tray');
  });
});
