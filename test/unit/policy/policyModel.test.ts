import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../src-main/policy/policyModel.ts';
import { ManagedPolicy } from '../../../src-main/policy/managedPolicy.ts';
import { isFerryError } from '../../../src-main/errors/ferryError.ts';

const preset = { id: 'acme', name: 'Acme', region: 'cn-hangzhou', bucket: 'acme-share' };

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    return isFerryError(error) ? error.code : String(error);
  }
  return undefined;
}

describe('the policy model', () => {
  it('refuses what does not fit, naming the field and never the value', () => {
    const cases: [unknown, RegExp][] = [
      [{ maxLinkExpiry: '8d' }, /^maxLinkExpiry: /],
      [{ maxLinkExpiry: '1d', defaultLinkExpiry: '2d' }, /^defaultLinkExpiry: longer than maxLinkExpiry/],
      [{ connections: [preset, { ...preset, name: 'Other' }] }, /^connections\.1\.id: used twice/],
      [{ connections: [{ ...preset, id: 'Acme!' }] }, /^connections\.0\.id: /],
      [{ connections: [{ ...preset, tokenServiceSecret: 'hunter2hunter2' }] }, /^connections\.0: unknown tokenServiceSecret/],
      [{ forceV4Signatures: true, connections: [{ ...preset, signatureVersion: 'v1' }] }, /v1 while forceV4Signatures/],
      [{ disableTrial: 'yes' }, /^disableTrial: /],
      [[], /^\(top level\): /],
    ];
    for (const [raw, problem] of cases) {
      const reading = checkPolicy(raw, 'file');
      expect(reading.policy, JSON.stringify(raw)).toEqual({});
      expect(reading.problem, JSON.stringify(raw)).toMatch(problem);
      expect(reading.problem).not.toContain('hunter2');
    }
    expect(checkPolicy({ connections: [preset] }, 'file').policy.connections).toEqual([{ ...preset, locked: false }]);
  });

  it('applies nothing of a malformed reading', () => {
    const policy = new ManagedPolicy({ policy: { disableTrial: true }, source: 'f', problem: 'x' });
    expect(codeOf(() => policy.checkTrialAllowed())).toBeUndefined();
  });

  it('clamps a default above the ceiling and refuses links beyond it', () => {
    const now = Date.UTC(2026, 0, 1);
    const policy = new ManagedPolicy(checkPolicy({ maxLinkExpiry: '12h', forceV4Signatures: true }, 'f'));
    const profile = { defaultLinkExpiry: '7d', signatureVersion: 'v1' } as never;
    expect(policy.apply(profile)).toMatchObject({ defaultLinkExpiry: '12h', signatureVersion: 'v4' });
    expect(policy.apply({ defaultLinkExpiry: '1h', signatureVersion: 'v4' } as never)).toMatchObject({ defaultLinkExpiry: '1h' });
    expect(codeOf(() => policy.checkLinkExpiry(now + 12 * 3_600_000, now))).toBeUndefined();
    expect(codeOf(() => policy.checkLinkExpiry(now + 13 * 3_600_000, now))).toBe('policy.expiryAboveMaximum.hours');
    expect(policy.maxLinkLifetimeMs).toBe(12 * 3_600_000);
    expect(codeOf(() => policy.checkSignatureChoice({ signatureVersion: 'v1' }, undefined))).toBe('policy.v4Required');
    expect(codeOf(() => policy.checkSignatureChoice({ signatureVersion: 'v1' }, { signatureVersion: 'v1' }))).toBeUndefined();
  });
});
