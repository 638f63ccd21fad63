import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NavigationRequests } from '../../../src-main/app/navigation.ts';
import { createServices } from '../../../src-main/app/services.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { RecordingEvents, recordingPorts } from '../../../src-main/ports/recordingPorts.ts';
import { parseConnection, type ProfileInput } from '../../../src-main/accounts/connection.ts';

const focus = { profileId: 'p1', objectKey: 'shared/ana/plan.pdf' };
const link = 'ferry://connect?name=Acme%20Design&bucket=acme-share&region=cn-hangzhou&role=acs:ram::1234567890123456:role/ferry-user';

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

  it('holds a ferry://connect link for the connect screen until the page takes it, once', () => {
    const events = new RecordingEvents();
    const navigation = new NavigationRequests(events);
    navigation.connect(parseConnection(link));
    const expected = {
      screen: 'connect',
      connection: expect.objectContaining({ name: 'Acme Design', bucket: 'acme-share', region: 'cn-hangzhou', roleArn: 'acs:ram::1234567890123456:role/ferry-user' }),
    };
    expect(events.emitted).toEqual([{ event: 'app.navigate', payload: expected }]);
    expect(navigation.take()).toEqual(expected);
    expect(navigation.take()).toBeNull();
  });

  it('sends only the connection fields the contract allows, in the event and the held request', () => {
    const events = new RecordingEvents();
    const navigation = new NavigationRequests(events);
    const smuggled = { ...parseConnection(link), accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123', securityToken: 'token-abc' } as ProfileInput;
    navigation.connect(smuggled);
    const held = navigation.take();
    expect(Object.keys(held?.connection ?? {})).not.toContain('accessKeySecret');
    for (const sent of [held, events.emitted[0]?.payload]) {
      expect(JSON.stringify(sent)).not.toMatch(/abcdefghijklmnopqrstuvwxyz0123|token-abc/);
    }
  });

  it('a later request replaces a connect link the page has not taken (the user asked for it last)', () => {
    const navigation = new NavigationRequests(new RecordingEvents());
    navigation.connect(parseConnection(link));
    navigation.request('settings');
    expect(navigation.take()).toEqual({ screen: 'settings' });
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
      services.navigation.connect(parseConnection(link));
      expect(await dispatch(table, 'app.takeNavigation', undefined, { lang: 'en' })).toEqual({
        ok: true,
        value: { screen: 'connect', connection: expect.objectContaining({ name: 'Acme Design', bucket: 'acme-share' }) },
      });
      expect(await dispatch(table, 'app.takeNavigation', undefined, { lang: 'en' })).toEqual({ ok: true, value: null });
    } finally {
      await services.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
