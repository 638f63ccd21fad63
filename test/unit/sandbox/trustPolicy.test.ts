import { describe, expect, it } from 'vitest';
import { parseSandboxConfig, SandboxConfigError } from '../../../src-main/sandbox/index.ts';
import { trustedByPolicy, trustPolicyProblem, type TrustPolicyDocument } from '../../../src-main/sandbox/iam/trustPolicy.ts';

const ACCOUNT = '1234567890123456';
const trust = (...principals: string[]): TrustPolicyDocument => ({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: principals } }] });

describe('sandbox role trust policies (as pasted into the RAM console)', () => {
  it('reads the account root as every RAM user, a user ARN as that user, and ignores other accounts', () => {
    expect(trustedByPolicy(trust(`acs:ram::${ACCOUNT}:root`), ACCOUNT)).toEqual(['*']);
    expect(trustedByPolicy(trust(`acs:ram::${ACCOUNT}:user/staff`, `acs:ram::${ACCOUNT}:role/chain`), ACCOUNT)).toEqual(['staff', 'role/chain']);
    expect(trustedByPolicy(trust('acs:ram::9999999999999999:root'), ACCOUNT)).toEqual([]);
  });

  it('a Deny statement takes a principal out; statements for other actions trust no one', () => {
    const doc = trust(`acs:ram::${ACCOUNT}:user/a`, `acs:ram::${ACCOUNT}:user/b`);
    doc.Statement.push({ Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${ACCOUNT}:user/b`] } });
    expect(trustedByPolicy(doc, ACCOUNT)).toEqual(['a']);
    expect(trustedByPolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Principal: { RAM: [`acs:ram::${ACCOUNT}:root`] } }] }, ACCOUNT)).toEqual([]);
  });

  it('refuses what it cannot read, with the reason', () => {
    expect(trustPolicyProblem({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] })).toMatch(/Principal/);
    expect(trustPolicyProblem({ ...trust('x'), Statement: [{ ...trust('x').Statement[0], Condition: {} }] })).toMatch(/Condition/);
    expect(trustPolicyProblem(trust(`acs:ram::${ACCOUNT}:root`))).toBeUndefined();
  });

  it('in a config, the trust policy decides who may assume the role', () => {
    const config = parseSandboxConfig({
      accountId: ACCOUNT,
      users: [{ name: 'staff' }, { name: 'other' }],
      roles: [{ name: 'r', trustPolicy: trust(`acs:ram::${ACCOUNT}:user/staff`) }],
    });
    expect(config.roles[0]!.trustedUsers).toEqual(['staff']);
    expect(() => parseSandboxConfig({ roles: [{ name: 'r', trustPolicy: trust(`acs:ram::1234567890123456:user/ghost`) }] })).toThrow(/no user "ghost"/);
    expect(() => parseSandboxConfig({ roles: [{ name: 'r', trustPolicy: { Version: '1' } }] })).toThrow(SandboxConfigError);
  });
});
