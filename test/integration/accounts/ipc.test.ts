import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { companyHarness, noKeyringReason, servicesHarness, tempDir } from '../../support/integrationHarness.ts';

describe('profiles over IPC (no keychain needed)', () => {
  it('parses a picked connection file and refuses a hostile one with a plain message', async () => {
    const h = await servicesHarness();
    const dir = await tempDir('conn');
    const good = path.join(dir.dir, 'acme.ferry.json');
    const bad = path.join(dir.dir, 'evil.ferry.json');
    await writeFile(good, JSON.stringify({ ferry: 1, name: 'Acme', region: 'cn-hangzhou', bucket: 'acme-share', roleArn: 'acs:ram::1234567890123456:role/ferry' }));
    await writeFile(bad, JSON.stringify({ name: 'Acme', region: 'cn-hangzhou', bucket: 'acme-share', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123' }));
    const table = buildHandlerTable(h.services);
    h.ports.dialog.nextOpen.push([good], [bad], []);
    const picked = await dispatch(table, 'profiles.pickConnectionFile', undefined, { lang: 'en' });
    expect(picked).toMatchObject({ ok: true, value: { name: 'Acme', bucket: 'acme-share', region: 'cn-hangzhou' } });
    const refused = await dispatch(table, 'profiles.pickConnectionFile', undefined, { lang: 'zh-CN' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'accounts.connectionHasSecret' } });
    expect(JSON.stringify(refused)).not.toContain('abcdefghijklmnopqrstuvwxyz0123');
    expect((refused as { error: { message: string } }).error.message).toMatch(/连接文件绝不应包含密钥/);
    expect(await dispatch(table, 'profiles.pickConnectionFile', undefined, { lang: 'en' })).toEqual({ ok: true, value: null });
    const parsed = await dispatch(table, 'profiles.parseConnection', { text: 'ferry://connect?name=A&bucket=acme-share&region=cn-hangzhou' }, { lang: 'en' });
    expect(parsed).toMatchObject({ ok: true, value: { name: 'A' } });
    expect(await dispatch(table, 'session.state', undefined, { lang: 'en' })).toEqual({ ok: true, value: { state: 'none' } });
  });

  it.skipIf(noKeyringReason)('V1 signatures work end to end too, and replies never carry the key', async () => {
    const c = await companyHarness({ profile: { signatureVersion: 'v1' } });
    const table = buildHandlerTable(c.services);
    const result = await dispatch(table, 'profiles.test', { id: c.profile.id }, { lang: 'en' });
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    const list = await dispatch(table, 'profiles.list', undefined, { lang: 'en' });
    expect(JSON.stringify(list)).not.toContain(c.key.secret);
    expect(JSON.stringify(list)).not.toContain(c.key.id);
  });
});
