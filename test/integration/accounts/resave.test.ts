import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { companyHarness, noKeyringReason } from '../../support/integrationHarness.ts';

describe.skipIf(noKeyringReason)('re-saving a profile (real store, real keychain, company sandbox)', () => {
  it('keeps a custom STS endpoint when the listed profile is saved back with one change and no key', async () => {
    const c = await companyHarness();
    const table = buildHandlerTable(c.services);
    const listed = await dispatch(table, 'profiles.list', undefined, { lang: 'en' });
    if (!listed.ok) throw new Error(listed.error.message);
    const view = (listed.value as { profiles: Record<string, unknown>[] }).profiles[0]!;
    expect(view.stsEndpoint).toBe(c.company.stsEndpoint);
    expect(JSON.stringify(listed)).not.toContain(c.key.secret);
    expect(JSON.stringify(listed)).not.toContain(c.key.id);

    // What Settings → "Links work for" does: the profile as listed, one field changed, no key.
    const saved = await dispatch(table, 'profiles.save', { profile: { ...view, defaultLinkExpiry: '7d' }, makeActive: true }, { lang: 'en' });
    expect(saved).toMatchObject({ ok: true, value: { defaultLinkExpiry: '7d', stsEndpoint: c.company.stsEndpoint } });
    const stored = await c.services.accounts.store.get(c.profile.id);
    expect(stored.stsEndpoint).toBe(c.company.stsEndpoint);
    expect(stored.defaultLinkExpiry).toBe('7d');

    // AssumeRole still goes to the company's STS (the public default is unreachable from here).
    const tested = await dispatch(table, 'profiles.test', { id: c.profile.id }, { lang: 'en' });
    expect(tested).toMatchObject({ ok: true, value: { ok: true } });
  });
});
