import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { ConnectionFieldsSchema } from '../../../src-main/profile/profileModel.ts';
import { companyHarness, noKeyringReason, servicesHarness } from '../../support/integrationHarness.ts';

describe.skipIf(noKeyringReason)('profiles.update: a patch of connection settings (real store, real keychain)', () => {
  it('changes only the patched setting: every other connection setting, the key and the active profile stay', async () => {
    const company = await companyHarness();
    const table = buildHandlerTable(company.services);
    const before = await company.services.accounts.store.get(company.profile.id);
    const other = await company.services.accounts.tryLocally();
    await company.services.accounts.use(company.profile.id);

    const reply = await dispatch(table, 'profiles.update', { id: company.profile.id, patch: { defaultLinkExpiry: '7d' } }, { lang: 'en' });
    expect(reply).toMatchObject({ ok: true, value: { id: company.profile.id, defaultLinkExpiry: '7d' } });
    const after = await company.services.accounts.store.get(company.profile.id);
    for (const field of Object.keys(ConnectionFieldsSchema.shape) as (keyof typeof before)[]) {
      if (field !== 'defaultLinkExpiry') expect(after[field], String(field)).toEqual(before[field]);
    }
    expect(after).toMatchObject({ maskedAccessKeyId: before.maskedAccessKeyId, confirmedHosts: before.confirmedHosts, createdAt: before.createdAt });
    expect((await company.services.accounts.list()).activeId).toBe(company.profile.id);
    expect(other.id).not.toBe(company.profile.id);
    // The key still works: the connection test passes on the patched profile.
    expect(await company.services.accounts.test(company.profile.id, 'en')).toMatchObject({ ok: true });
  });

  it('the sandbox profile takes a new default expiry too (its run-time addresses are not sent back)', async () => {
    const c = await servicesHarness();
    const table = buildHandlerTable(c.services);
    const sandbox = await c.services.accounts.tryLocally();
    const reply = await dispatch(table, 'profiles.update', { id: sandbox.id, patch: { defaultLinkExpiry: '1h' } }, { lang: 'en' });
    expect(reply).toMatchObject({ ok: true, value: { defaultLinkExpiry: '1h', isSandbox: true, endpoint: 'this computer' } });
    expect(await c.services.accounts.test(sandbox.id, 'en')).toMatchObject({ ok: true });
  });

  it('a patch that re-points the stored key (another bucket) is refused without the key, and nothing changes', async () => {
    const company = await companyHarness();
    const table = buildHandlerTable(company.services);
    const before = await company.services.accounts.store.get(company.profile.id);
    const reply = await dispatch(table, 'profiles.update', { id: company.profile.id, patch: { bucket: 'elsewhere-bucket' } }, { lang: 'en' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'accounts.keyNeededForChange' } });
    expect(await company.services.accounts.store.get(company.profile.id)).toEqual(before);
  });

  it('refuses fields that are not connection settings (no sneaking in confirmed hosts or flags)', async () => {
    const company = await companyHarness();
    const table = buildHandlerTable(company.services);
    for (const patch of [{ confirmedHosts: ['evil.example'] }, { hasLinkSigningKey: true }, { isSandbox: true }]) {
      const reply = await dispatch(table, 'profiles.update', { id: company.profile.id, patch }, { lang: 'en' });
      expect(reply, JSON.stringify(patch)).toMatchObject({ ok: false });
    }
  });
});

describe.skipIf(noKeyringReason)('the last connection test is remembered with the profile', () => {
  it('a failed test flags the connection; a passing one clears the flag; re-pointing forgets the result', async () => {
    const company = await companyHarness();
    const accounts = company.services.accounts;
    expect((await accounts.test(company.profile.id, 'en')).ok).toBe(true);
    expect((await accounts.list()).profiles[0]).toMatchObject({ lastTest: { ok: true } });

    // The company revokes the key: the next test fails, and the listed connection says so.
    await company.company.close();
    expect((await accounts.test(company.profile.id, 'en')).ok).toBe(false);
    const listed = (await accounts.list()).profiles.find((p) => p.id === company.profile.id);
    expect(listed?.lastTest).toMatchObject({ ok: false });
    expect(listed?.lastTest?.at).toBeTypeOf('number');

    // Re-pointed (with the key, as the rules require): the old result no longer applies.
    await accounts.save({
      profile: { ...(await accounts.store.get(company.profile.id)), bucket: 'other-bucket', id: company.profile.id },
      accessKey: { accessKeyId: company.key.id, accessKeySecret: company.key.secret },
      makeActive: false,
    } as never);
    expect((await accounts.store.get(company.profile.id)).lastTest).toBeUndefined();
  });
});
