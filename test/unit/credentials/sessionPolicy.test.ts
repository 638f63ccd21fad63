import { describe, expect, it } from 'vitest';
import { sessionPolicy } from '../../../src-main/credentials/sessionPolicy.ts';
import { renewalTime } from '../../../src-main/credentials/stsBroker.ts';
import { evaluatePolicies } from '../../../src-main/sandbox/policy/evaluate.ts';
import { policyGrammarProblem } from '../../../src-main/sandbox/policy/grammar.ts';

const decide = (purpose: 'upload' | 'share' | 'manage', action: string, resource: string, prefix?: string) =>
  evaluatePolicies([JSON.parse(sessionPolicy(purpose, 'acme', 'shared/alice/'))], {
    action,
    resource,
    context: prefix === undefined ? {} : { 'oss:Prefix': prefix },
  });

describe('session policies', () => {
  it('are valid RAM policies well under the 2048-byte limit', () => {
    for (const purpose of ['upload', 'share', 'manage'] as const) {
      const text = sessionPolicy(purpose, 'a'.repeat(63), `shared/${'u'.repeat(64)}/`);
      expect(policyGrammarProblem(JSON.parse(text))).toBeUndefined();
      expect(Buffer.byteLength(text)).toBeLessThan(2048);
    }
  });

  it('grant each purpose only its own actions, only under the prefix', () => {
    expect(decide('upload', 'oss:PutObject', 'acs:oss:*:*:acme/shared/alice/2026-11/a.pdf')).toBe('allow');
    expect(decide('upload', 'oss:PutObject', 'acs:oss:*:*:acme/shared/bob/a.pdf')).not.toBe('allow');
    expect(decide('upload', 'oss:GetObject', 'acs:oss:*:*:acme/shared/alice/a.pdf')).not.toBe('allow');
    expect(decide('upload', 'oss:DeleteObject', 'acs:oss:*:*:acme/shared/alice/a.pdf')).not.toBe('allow');
    expect(decide('share', 'oss:GetObject', 'acs:oss:*:*:acme/shared/alice/a.pdf')).toBe('allow');
    expect(decide('share', 'oss:PutObject', 'acs:oss:*:*:acme/shared/alice/a.pdf')).not.toBe('allow');
    expect(decide('share', 'oss:GetObject', 'acs:oss:*:*:acme/private/a.pdf')).not.toBe('allow');
    expect(decide('manage', 'oss:DeleteObject', 'acs:oss:*:*:acme/shared/alice/a.pdf')).toBe('allow');
    expect(decide('manage', 'oss:ListObjects', 'acs:oss:*:*:acme', 'shared/alice/2026')).toBe('allow');
    expect(decide('manage', 'oss:ListObjects', 'acs:oss:*:*:acme', 'shared/')).not.toBe('allow');
    // Server-side copy for "Stop sharing → move": read and write inside the prefix, nowhere else.
    expect(decide('manage', 'oss:PutObject', 'acs:oss:*:*:acme/shared/alice/moved-1234abcd/a.pdf')).toBe('allow');
    expect(decide('manage', 'oss:GetObject', 'acs:oss:*:*:acme/shared/alice/a.pdf')).toBe('allow');
    expect(decide('manage', 'oss:PutObject', 'acs:oss:*:*:acme/shared/bob/a.pdf')).not.toBe('allow');
    expect(decide('manage', 'oss:PutObject', 'acs:oss:*:*:acme/a.pdf')).not.toBe('allow');
    expect(decide('manage', 'oss:ListParts', 'acs:oss:*:*:acme/shared/alice/a.pdf')).not.toBe('allow');
    // …and a failed multipart copy is aborted, inside the prefix only.
    expect(decide('manage', 'oss:AbortMultipartUpload', 'acs:oss:*:*:acme/shared/alice/moved-1234abcd/a.pdf')).toBe('allow');
    expect(decide('manage', 'oss:AbortMultipartUpload', 'acs:oss:*:*:acme/shared/bob/a.pdf')).not.toBe('allow');
  });

  it('cannot be widened by wildcards in a prefix', () => {
    const text = sessionPolicy('upload', 'acme', 'shared/*/');
    expect(text).not.toContain('shared/*/*');
  });
});

describe('renewal time', () => {
  it('is at 80% of the lifetime or 5 minutes before expiry, whichever comes first', () => {
    expect(renewalTime(0, 3_600_000)).toBe(2_880_000); // 80% of 1 h is 12 min before expiry
    expect(renewalTime(0, 900_000)).toBe(600_000); // 15 min: 5 min before expiry comes first
    expect(renewalTime(0, 43_200_000)).toBe(34_560_000);
  });
});
