import { describe, expect, it } from 'vitest';
import { conditionsHold } from '../../../src-main/sandbox/policy/conditions.ts';
import { evaluatePolicies } from '../../../src-main/sandbox/policy/evaluate.ts';
import { policyGrammarProblem } from '../../../src-main/sandbox/policy/grammar.ts';
import { ipInRange } from '../../../src-main/sandbox/policy/ipRange.ts';
import type { PolicyDocument } from '../../../src-main/sandbox/policy/types.ts';
import { wildcardMatch } from '../../../src-main/sandbox/policy/wildcard.ts';

const req = (action: string, resource: string, context: Record<string, string> = {}) => ({ action, resource, context });

describe('wildcards', () => {
  it('match * (any run) and ? (one char)', () => {
    expect(wildcardMatch('oss:Get*', 'oss:GetObject')).toBe(true);
    expect(wildcardMatch('oss:Get*', 'oss:PutObject')).toBe(false);
    expect(wildcardMatch('acs:oss:*:*:bucket/prefix/*', 'acs:oss:cn-hangzhou:123:bucket/prefix/a/b.txt')).toBe(true);
    expect(wildcardMatch('acs:oss:*:*:bucket/prefix/*', 'acs:oss:cn-hangzhou:123:bucket/other')).toBe(false);
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a?c', 'ac')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('OSS:getobject', 'oss:GetObject', true)).toBe(true);
  });
});

describe('evaluatePolicies', () => {
  const allowAll: PolicyDocument = { Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] };
  const denySecret: PolicyDocument = { Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:Get*', Resource: 'acs:oss:*:*:b/secret/*' }] };

  it('explicit Deny beats Allow beats implicit deny', () => {
    expect(evaluatePolicies([allowAll, denySecret], req('oss:GetObject', 'acs:oss:r:1:b/secret/x'))).toBe('deny');
    expect(evaluatePolicies([allowAll, denySecret], req('oss:GetObject', 'acs:oss:r:1:b/public/x'))).toBe('allow');
    expect(evaluatePolicies([denySecret], req('oss:GetObject', 'acs:oss:r:1:b/public/x'))).toBe('implicit-deny');
    expect(evaluatePolicies([], req('oss:GetObject', 'x'))).toBe('implicit-deny');
  });

  it('supports NotAction / NotResource', () => {
    const p: PolicyDocument = { Version: '1', Statement: [{ Effect: 'Allow', NotAction: 'oss:Delete*', NotResource: 'acs:oss:*:*:b/keep/*' }] };
    expect(evaluatePolicies([p], req('oss:GetObject', 'acs:oss:r:1:b/x'))).toBe('allow');
    expect(evaluatePolicies([p], req('oss:DeleteObject', 'acs:oss:r:1:b/x'))).toBe('implicit-deny');
    expect(evaluatePolicies([p], req('oss:GetObject', 'acs:oss:r:1:b/keep/x'))).toBe('implicit-deny');
  });
});

describe('conditions', () => {
  it('IpAddress / NotIpAddress on acs:SourceIp', () => {
    expect(conditionsHold({ IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '192.168.1.7'] } }, { 'acs:SourceIp': '10.2.3.4' })).toBe(true);
    expect(conditionsHold({ IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '192.168.1.7'] } }, { 'acs:SourceIp': '192.168.1.7' })).toBe(true);
    expect(conditionsHold({ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, { 'acs:SourceIp': '11.0.0.1' })).toBe(false);
    expect(conditionsHold({ NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, { 'acs:SourceIp': '11.0.0.1' })).toBe(true);
    expect(ipInRange('::ffff:127.0.0.1', '127.0.0.0/8')).toBe(true);
  });

  it('IPv6 ranges match by prefix, not only exactly (net.BlockList)', () => {
    expect(conditionsHold({ IpAddress: { 'acs:SourceIp': '2001:db8::/32' } }, { 'acs:SourceIp': '2001:db8:1234::9' })).toBe(true);
    expect(conditionsHold({ IpAddress: { 'acs:SourceIp': '2001:db8::/32' } }, { 'acs:SourceIp': '2001:db9::1' })).toBe(false);
    expect(conditionsHold({ NotIpAddress: { 'acs:SourceIp': 'fd00::/8' } }, { 'acs:SourceIp': 'fd12:3456::1' })).toBe(false);
    expect(ipInRange('2001:DB8::1', '2001:db8:0:0::1')).toBe(true);
    expect(ipInRange('::1', '::/0')).toBe(true);
    expect(ipInRange('10.0.0.1', '2001:db8::/32')).toBe(false);
    expect(ipInRange('2001:db8::1', '10.0.0.0/8')).toBe(false);
    expect(ipInRange('2001:db8::1', '2001:db8::/129')).toBe(false);
    expect(ipInRange('10.0.0.1', '10.0.0.0/33')).toBe(false);
  });

  it('StringLike on oss:Prefix, keys case-insensitive, values OR-ed, operators AND-ed', () => {
    const block = { StringLike: { 'oss:Prefix': ['inbox/*', 'shared/?'] }, StringEquals: { 'acs:UserAgent': 'ferry' } };
    expect(conditionsHold(block, { 'oss:prefix': 'inbox/a', 'acs:UserAgent': 'ferry' })).toBe(true);
    expect(conditionsHold(block, { 'oss:Prefix': 'shared/x', 'acs:UserAgent': 'ferry' })).toBe(true);
    expect(conditionsHold(block, { 'oss:Prefix': 'shared/xy', 'acs:UserAgent': 'ferry' })).toBe(false);
    expect(conditionsHold(block, { 'oss:Prefix': 'inbox/a', 'acs:UserAgent': 'curl' })).toBe(false);
    expect(conditionsHold(block, { 'acs:UserAgent': 'ferry' })).toBe(false);
  });

  it('date operators on acs:CurrentTime', () => {
    const now = { 'acs:CurrentTime': '2025-06-01T12:00:00.000Z' };
    expect(conditionsHold({ DateLessThan: { 'acs:CurrentTime': '2025-07-01T00:00:00Z' } }, now)).toBe(true);
    expect(conditionsHold({ DateGreaterThan: { 'acs:CurrentTime': '2025-07-01T00:00:00Z' } }, now)).toBe(false);
    expect(conditionsHold({ DateGreaterThanEquals: { 'acs:CurrentTime': '2025-06-01T12:00:00Z' } }, now)).toBe(true);
  });

  it('unknown operators never match', () => {
    expect(conditionsHold({ Bogus: { k: 'v' } }, { k: 'v' })).toBe(false);
  });
});

describe('policy grammar', () => {
  it('accepts RAM documents and names what is wrong otherwise', () => {
    expect(policyGrammarProblem({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] })).toBeUndefined();
    expect(policyGrammarProblem({ Version: '1', Statements: [] })).toMatch(/Statements/);
    expect(policyGrammarProblem({ Version: '2', Statement: [{ Effect: 'Allow', Action: 'a', Resource: '*' }] })).toMatch(/Version/);
    expect(policyGrammarProblem({ Version: '1', Statement: [{ Effect: 'Maybe', Action: 'a', Resource: '*' }] })).toMatch(/Effect/);
    expect(policyGrammarProblem({ Version: '1', Statement: [{ Effect: 'Allow', Resource: '*' }] })).toMatch(/Action/);
    expect(policyGrammarProblem({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'a', Resource: '*', Condition: { Nope: {} } }] })).toMatch(/operator/);
  });
});
