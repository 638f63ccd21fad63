import { describe, expect, it } from 'vitest';
import { Keychain } from '../../../src-main/credentials/keychain.ts';
import { noKeyringReason, servicesHarness } from '../../support/integrationHarness.ts';

describe.skipIf(noKeyringReason)('Try it on this computer', () => {
  it('starts the sandbox, stores the demo key in the keychain and passes every test step', async () => {
    const h = await servicesHarness();
    const view = await h.services.accounts.tryLocally();
    expect(view.isSandbox).toBe(true);
    expect(view.maskedAccessKeyId).toMatch(/^LTAI••••\w{4}$/);
    const stored = await new Keychain().read(view.id);
    expect(stored?.kind).toBe('access-key');

    const result = await h.services.accounts.test(view.id, 'en');
    expect(result.steps.map((s) => [s.id, s.status, s.error?.code])).toEqual([
      ['keychain', 'ok', undefined],
      ['sts-reachable', 'ok', undefined],
      ['assume-role', 'ok', undefined],
      ['bucket', 'ok', undefined],
      ['write', 'ok', undefined],
      ['link', 'ok', undefined],
      ['cleanup', 'ok', undefined],
    ]);
    expect(result.ok).toBe(true);
    const progress = h.ports.events.emitted.filter((e) => e.event === 'profiles.testProgress');
    expect(progress).toHaveLength(7);
    await h.services.accounts.remove(view.id, { confirmed: true });
    expect(await new Keychain().read(view.id)).toBeUndefined();
  });
});
