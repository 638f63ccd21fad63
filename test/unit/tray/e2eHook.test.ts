import { afterEach, describe, expect, it } from 'vitest';
import { installTrayE2EHook, type TrayE2EHook } from '../../../src-main/tray/e2eHook.ts';
import type { TrayMenuItem } from '../../../src-main/ports/uiPorts.ts';

const g = globalThis as { __ferryE2E?: TrayE2EHook };

describe('tray e2e hook', () => {
  afterEach(() => {
    delete g.__ferryE2E;
  });

  it('is not installed unless FERRY_E2E=1', () => {
    expect(installTrayE2EHook({}, { menu: () => [], drop: async () => {} })).toBeUndefined();
    expect(g.__ferryE2E).toBeUndefined();
  });

  it('exposes a serialisable menu, clicks enabled items by id and forwards drops', async () => {
    const clicked: string[] = [];
    const dropped: string[][] = [];
    const menu: TrayMenuItem[] = [
      { id: 'summary', label: 'No uploads running', enabled: false, click: () => clicked.push('summary') },
      { id: 'recent', label: 'Recent files', type: 'submenu', submenu: [{ id: 'recent.0.copyLink', label: 'Copy link', click: () => clicked.push('copy') }] },
    ];
    installTrayE2EHook({ FERRY_E2E: '1' }, { menu: () => menu, drop: async (paths) => void dropped.push(paths) });
    const hook = g.__ferryE2E!;
    expect(JSON.parse(JSON.stringify(hook.trayMenu()))).toEqual([
      { id: 'summary', label: 'No uploads running', enabled: false },
      { id: 'recent', label: 'Recent files', type: 'submenu', submenu: [{ id: 'recent.0.copyLink', label: 'Copy link' }] },
    ]);
    expect(hook.clickTray('recent.0.copyLink')).toBe(true);
    expect(hook.clickTray('summary')).toBe(false);
    expect(hook.clickTray('nope')).toBe(false);
    expect(clicked).toEqual(['copy']);
    await hook.dropOnTray(['/home/ana/a.txt']);
    expect(dropped).toEqual([['/home/ana/a.txt']]);
  });
});
