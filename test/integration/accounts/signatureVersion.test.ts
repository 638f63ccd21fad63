import { describe, expect, it } from 'vitest';
import { demoConfig } from '../../../src-main/sandbox/index.ts';
import type { DemoKey } from '../../../src-main/sandbox/demo.ts';
import { companyHarness, noKeyringReason } from '../../support/integrationHarness.ts';

/** An old bucket that refuses V4 signatures (the sandbox's `v1Only`). */
const oldBucket = (key: DemoKey) => {
  const base = demoConfig({ key, bucket: 'acme-share' });
  return { ...base, buckets: (base.buckets ?? []).map((b) => ({ ...b, v1Only: true })) };
};

describe.skipIf(noKeyringReason)('V4 by default, V1 for old buckets', () => {
  it('a new connection signs V4; the bucket step says plainly when a bucket needs V1, and V1 then works', async () => {
    const v4 = await companyHarness({ config: oldBucket });
    expect(v4.profile.signatureVersion).toBe('v4');
    const failed = await v4.services.accounts.test(v4.profile.id, 'en');
    expect(failed.ok).toBe(false);
    const bucket = failed.steps.find((s) => s.id === 'bucket')!;
    expect(bucket).toMatchObject({ status: 'failed', error: { code: 'accounts.bucketNeedsV1' } });
    expect(bucket.error!.message).toBe(
      'The bucket "acme-share" accepts only the older V1 signatures, and this connection signs with V4. Ask IT to set this connection to V1 signatures, or to let the bucket accept V4.',
    );
    const zh = await v4.services.accounts.test(v4.profile.id, 'zh-CN');
    expect(zh.steps.find((s) => s.id === 'bucket')!.error!.message).toMatch(/只接受旧版 V1 签名/);

    const v1 = await companyHarness({ config: oldBucket, profile: { signatureVersion: 'v1' } });
    expect(await v1.services.accounts.test(v1.profile.id, 'en')).toMatchObject({ ok: true });
  });

  it('a bucket that accepts V4 is not reported as needing V1 when the key is wrong', async () => {
    const h = await companyHarness({ secret: 'x'.repeat(30) });
    const result = await h.services.accounts.test(h.profile.id, 'en');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result.steps)).not.toContain('accounts.bucketNeedsV1');
  });
});
