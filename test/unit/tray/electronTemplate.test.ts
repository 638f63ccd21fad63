import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeMnemonic, toElectronTemplate, trayImageFile, trayImagesDir } from '../../../src-main/tray/electronTemplate.ts';
import { buildTrayMenu } from '../../../src-main/tray/buildTrayMenu.ts';
import { emptyTrayState, type TrayActions } from '../../../src-main/tray/trayState.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('Electron menu template', () => {
  it('keeps ids, labels, enabled and submenus, and forwards clicks', () => {
    let clicked = '';
    const actions = new Proxy({} as TrayActions, { get: (_t, name) => () => void (clicked = String(name)) });
    const menu = buildTrayMenu(
      { ...emptyTrayState(), profile: { name: 'A', uploadOnly: false }, recent: [{ id: '1', name: 'Q&A.pdf', objectKey: 'k', profileId: 'p', finishedAt: 1 }] },
      actions,
      'en',
    );
    const template = toElectronTemplate(menu, 'linux');
    const recent = template.find((i) => i.id === 'recent');
    expect(recent?.type).toBe('submenu');
    const file = (recent?.submenu as { label?: string; submenu?: { id?: string; click?: () => void }[] }[])[0];
    expect(file?.label).toBe('Q&&A.pdf');
    file?.submenu?.find((i) => i.id === 'recent.0.copyLink')?.click?.();
    expect(clicked).toBe('copyLink');
    expect(template.find((i) => i.id === 'uploads.summary')?.enabled).toBe(false);
    expect(template.filter((i) => i.type === 'separator').length).toBeGreaterThan(0);
    expect(toElectronTemplate(menu, 'darwin').find((i) => i.id === 'recent')?.submenu).toBeDefined();
  });

  it('escapes mnemonics on Windows and Linux only', () => {
    expect(escapeMnemonic('R&D', 'win32')).toBe('R&&D');
    expect(escapeMnemonic('R&D', 'darwin')).toBe('R&D');
  });
});

describe('tray image files', () => {
  it('resolves to committed images for every platform and state', () => {
    const dir = trayImagesDir({ isPackaged: false, resourcesPath: '/nowhere', appPath: root });
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const state of ['idle', 'uploading', 'error'] as const) {
        expect(existsSync(trayImageFile(dir, state, platform)), `${platform} ${state}`).toBe(true);
      }
    }
    expect(trayImageFile('/r/tray', 'error', 'darwin')).toBe(path.join('/r/tray', 'tray-errorTemplate.png'));
    expect(trayImagesDir({ isPackaged: true, resourcesPath: '/r', appPath: '/a' })).toBe(path.join('/r', 'tray'));
  });
});
