import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';
import { companyHarness, noKeyringReason, servicesHarness, tempDir } from '../../support/integrationHarness.ts';

describe.skipIf(noKeyringReason)('session state and sandbox profiles across restarts', () => {
  it('a sandbox profile restarts its sandbox on the next app start, on whatever port it gets', async () => {
    const home = await tempDir('restart');
    const start = () => servicesHarness({ home: home.dir });
    const first = await start();
    const view = await first.services.accounts.tryLocally();
    await first.services.accounts.runtimeProfile(view.id);
    await first.close();

    const { services: second } = await start();
    onTestFinished(async () => {
      await second.accounts.remove(view.id, { confirmed: true });
    });
    expect(second.sandbox.running()).toBe(false);
    expect((await second.accounts.list()).activeId).toBe(view.id);
    const after = await second.accounts.runtimeProfile(view.id);
    expect(second.sandbox.running()).toBe(true);
    expect(after.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(after.endpoint).toBe((await second.sandbox.ensure()).ossEndpoint);
    expect((await second.accounts.test(view.id, 'en')).ok).toBe(true);
  });

  it('session.state follows the active profile: none → renewing → ready with expiry → error with a plain message', async () => {
    const clock = new ManualClock(Date.now());
    const h = await companyHarness({ clock, sandboxClock: clock });
    expect((await h.services.accounts.sessionState('en')).state).toBe('none');
    const credentials = await h.services.broker.get(h.profile.id, 'upload');
    const state = await h.services.accounts.sessionState('en');
    expect(state).toMatchObject({ profileId: h.profile.id, state: 'ready', expiresAt: credentials.expiresAt });
    // session.changed is emitted after the profile file is read: wait for it, not for a fixed time.
    const changes = () => h.ports.events.emitted.filter((e) => e.event === 'session.changed').map((e) => (e.payload as { state: string }).state);
    await vi.waitFor(() => expect(changes()).toEqual(expect.arrayContaining(['renewing', 'ready'])), { timeout: 10_000, interval: 10 });

    await h.company.close();
    h.services.broker.invalidate(h.profile.id);
    await h.services.broker.get(h.profile.id, 'upload').catch(() => undefined);
    const failed = await h.services.accounts.sessionState('zh-CN');
    expect(failed.state).toBe('error');
    expect(failed.error?.message).toMatch(/无法连接到/);
  });
});

describe.skipIf(noKeyringReason)('pasted temporary credentials', () => {
  it('the window hears the moment they expire (session.changed → expired), so it can ask for new ones', async () => {
    const c = await companyHarness();
    const fresh = await c.services.broker.get(c.profile.id, 'upload');
    const expiresAt = Math.ceil((Date.now() + 1500) / 1000) * 1000;
    const view = await c.services.accounts.save({
      profile: ProfileInputSchema.parse({ name: 'Supplier', endpoint: c.company.ossEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', credentialSource: 'temporary' }),
      temporaryCredentials: { accessKeyId: fresh.accessKeyId, accessKeySecret: fresh.accessKeySecret, securityToken: fresh.securityToken!, expiration: new Date(expiresAt).toISOString().replace('.000Z', 'Z') },
    });
    expect(view.credentialsExpireAt).toBe(expiresAt);
    const expired = () => c.ports.events.emitted.some((e) => e.event === 'session.changed' && (e.payload as { state: string }).state === 'expired');
    expect(expired()).toBe(false);
    await vi.waitFor(() => expect(expired()).toBe(true), { timeout: 20_000, interval: 50 });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    await c.services.accounts.remove(view.id, { confirmed: true });
  });
});
