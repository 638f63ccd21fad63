import { describe, expect, it } from 'vitest';
import { demoConfig, generateDemoKey, parseSandboxConfig, SandboxConfigError } from '../../../src-main/sandbox/index.ts';
import { parseRange } from '../../../src-main/sandbox/oss/range.ts';

describe('sandbox config', () => {
  it('fills defaults for the demo setup', () => {
    const config = parseSandboxConfig(demoConfig({ key: generateDemoKey(), maxSessionDuration: 7200 }));
    expect(config.region).toBe('cn-hangzhou');
    expect(config.accountId).toMatch(/^\d{16}$/);
    expect(config.roles[0]).toMatchObject({ name: 'ferry-demo', maxSessionDuration: 7200 });
    expect(config.users[0]!.policies[0]!.Statement[0]!.Action).toBe('sts:AssumeRole');
    expect(config.users).toHaveLength(1);
  });

  it('with a link key, adds a user that may only read the trial folder, named as the demo link user', () => {
    const config = parseSandboxConfig(demoConfig({ key: generateDemoKey(), linkKey: generateDemoKey() }));
    expect(config.demo.linkUser).toBe('ferry-demo-links');
    expect(config.users[1]).toMatchObject({
      name: 'ferry-demo-links',
      policies: [{ Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: ['acs:oss:*:*:ferry-demo/shared/*'] }] }],
    });
  });

  it('lists every problem with its path', () => {
    let message = '';
    try {
      parseSandboxConfig({
        buckets: [{ name: 'Bad_Bucket' }],
        roles: [{ name: 'r', maxSessionDuration: 100, trustedUsers: ['ghost'] }],
        users: [{ name: 'u', policies: [{ Version: '1', Statements: [] }] }],
        faults: [{ request: 1 }],
        surprise: true,
      });
    } catch (error) {
      expect(error).toBeInstanceOf(SandboxConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('buckets.0.name');
    expect(message).toContain('roles.0.maxSessionDuration');
    expect(message).toContain('users.0.policies.0: invalid RAM policy');
    expect(message).toContain('faults.0');
    expect(message).toMatch(/surprise/);
  });

  it('checks references between users, roles and the demo block', () => {
    expect(() => parseSandboxConfig({ users: [{ name: 'a' }], roles: [{ name: 'r', trustedUsers: ['ghost'] }] })).toThrow(/no user "ghost"/);
    expect(() => parseSandboxConfig({ demo: { bucket: 'nope' } })).toThrow(/no bucket "nope"/);
    expect(() => parseSandboxConfig({ demo: { linkUser: 'ghost' } })).toThrow(/demo.linkUser: no user "ghost"/);
    expect(() => parseSandboxConfig({ buckets: [{ name: 'abc' }, { name: 'abc' }] })).toThrow(/defined twice/);
    expect(() => parseSandboxConfig({ time: { now: 'not a date' } })).toThrow(/time.now/);
  });

  it('knows one root identity without policies, and buckets in other regions', () => {
    expect(() => parseSandboxConfig({ users: [{ name: 'a', root: true }, { name: 'b', root: true }] })).toThrow(/one root identity/);
    expect(() => parseSandboxConfig({ users: [{ name: 'a', root: true, policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] }] }] })).toThrow(/takes no policies/);
    expect(() => parseSandboxConfig({ buckets: [{ name: 'abc', region: 'Shanghai' }] })).toThrow(/buckets.0.region/);
    const config = parseSandboxConfig({ buckets: [{ name: 'abc', region: 'cn-shanghai' }, { name: 'def' }], users: [{ name: 'owner', root: true }] });
    expect(config.buckets.map((b) => b.region)).toEqual(['cn-shanghai', undefined]);
    expect(config.users[0]!.root).toBe(true);
  });
});

describe('Range parsing (OSS rules)', () => {
  it('handles the three forms and ignores invalid ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-200', 100)).toBe('unsatisfiable');
    expect(parseRange('items=1-2', 100)).toBeUndefined();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
  });
});
