import { describe, expect, it } from 'vitest';
import { createTrayActions } from '../../../src-main/tray/trayActions.ts';
import type { TrayServices } from '../../../src-main/tray/trayServices.ts';
import type { TrayRecentFile } from '../../../src-main/tray/trayState.ts';
import { recordingPorts } from '../../../src-main/ports/recordingPorts.ts';

/** Window actions need no service: any call to one is a bug. */
const noServices = new Proxy({} as TrayServices, {
  get: (_target, name) => () => Promise.reject(new Error(`${String(name)} must not be called`)),
});

const file: TrayRecentFile = { id: 'h1', name: 'plan.pdf', objectKey: 'shared/ana/2026-11/plan.pdf', profileId: 'p1', finishedAt: 1 };

function setUp() {
  const ports = recordingPorts();
  const actions = createTrayActions({ services: noServices, ports, lang: () => 'en', quit: () => {} });
  return { ports, actions };
}

describe('tray window actions', () => {
  it('Show in Links asks for the Links screen with that file selected, and nothing else', async () => {
    const { ports, actions } = setUp();
    await actions.showInLinks(file);
    await actions.idle();
    expect(ports.window.requests).toEqual([{ screen: 'links', focus: { profileId: 'p1', objectKey: 'shared/ana/2026-11/plan.pdf' } }]);
    expect(ports.notifications.shown).toEqual([]);
    expect(ports.clipboard.writes).toEqual([]);
  });

  it('Open Ferry only shows the window (the screen the user is on stays); Settings and "Open Ferry to fix this" ask for theirs', () => {
    const { ports, actions } = setUp();
    actions.openWindow();
    expect(ports.window.requests).toEqual([{}]);
    actions.openSettings();
    actions.openToFix();
    expect(ports.window.requests).toEqual([{}, { screen: 'settings' }, { screen: 'main' }]);
  });

  it('a failed action notifies; opening the notification asks for the main screen, where uploads and the connection state are', async () => {
    const { ports, actions } = setUp();
    await actions.pauseAll();
    await actions.idle();
    expect(ports.notifications.shown).toHaveLength(1);
    expect(ports.window.requests).toEqual([]);
    ports.notifications.shown[0]?.onClick?.();
    expect(ports.window.requests).toEqual([{ screen: 'main' }]);
  });
});
