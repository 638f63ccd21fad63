import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { invokeChannels } from '../../../src-main/contract.ts';
import { SettingsStore } from '../../../src-main/settings/settingsStore.ts';
import { servicesHarness } from '../../support/integrationHarness.ts';

describe('settings.update changes only what it names', () => {
  it('choosing 简体中文, then Dark, then other settings keeps every earlier choice (in main and on disk)', async () => {
    const h = await servicesHarness();
    const table = buildHandlerTable(h.services);
    const steps = [{ language: 'zh-CN' }, { theme: 'dark' }, { collisionPolicy: 'replace' }, { fileConcurrency: 5 }, { launchAtLogin: true }];
    for (const patch of steps) expect(await dispatch(table, 'settings.update', patch, { lang: 'en' })).toMatchObject({ ok: true });
    const expected = { language: 'zh-CN', theme: 'dark', collisionPolicy: 'replace', fileConcurrency: 5, launchAtLogin: true };
    expect(await dispatch(table, 'settings.get', undefined, { lang: 'en' })).toMatchObject({ ok: true, value: expected });
    const changed = h.ports.events.emitted.filter((e) => e.event === 'settings.changed').at(-1)?.payload;
    expect(changed).toMatchObject(expected);

    // A fresh start reads the same choices back from settings.json.
    expect(await new SettingsStore(h.home).get()).toMatchObject(expected);
  });

  it('a patch is parsed without defaults: it carries only the fields sent, and refuses unknown ones', () => {
    const schema = invokeChannels['settings.update'].request;
    expect(schema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(schema.parse({})).toEqual({});
    expect(schema.safeParse({ theme: 'dark', accessKeySecret: 'x' }).success).toBe(false);
    expect(schema.safeParse({ fileConcurrency: 0 }).success).toBe(false);
  });
});
