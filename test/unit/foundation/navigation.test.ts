import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NavigationRequests } from '../../../src-main/app/navigation.ts';
import { createServices } from '../../../src-main/app/services.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { RecordingEvents, recordingPorts } from '../../../src-main/shell/recordingPorts.ts';

const focus = { profileId: 'p1', objectKey: 'shared/ana/plan.pdf' };

describe('navigation requests', () => {
  it('pushes app.navigate and keeps the newest request until the page takes it, once', () => {
    const events = new RecordingEvents();
    const navigation = new NavigationRequests(events);
    expect(navigation.take()).toBeNull();
    navigation.request('settings');
    navigation.request('links', focus);
    expect(events.emitted).toEqual([
      { event: 'app.navigate', payload: { screen: 'settings' } },
      { event: 'app.navigate', payload: { screen: 'links', focus } },
    ]);
    expect(navigation.take()).toEqual({ screen: 'links', focus });
    expect(navigation.take()).toBeNull();
  });

  it('a page that loads after the request takes it over IPC (app.takeNavigation)', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-nav-'));
    const services = await createServices({ home, ports: recordingPorts(), appVersion: '0.0.0-test', systemLocale: () => 'en', env: {} });
    try {
      const table = buildHandlerTable(services);
      services.navigation.request('links', focus);
      expect(await dispatch(table, 'app.takeNavigation', undefined, { lang: 'en' })).toEqual({ ok: true, value: { screen: 'links', focus } });
      expect(await dispatch(table, 'app.takeNavigation', undefined, { lang: 'en' })).toEqual({ ok: true, value: null });
      expect(await dispatch(table, 'app.takeNavigation', { screen: 'links' }, { lang: 'en' })).toMatchObject({ ok: false, error: { code: 'app.invalidRequest' } });
    } finally {
      await services.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
