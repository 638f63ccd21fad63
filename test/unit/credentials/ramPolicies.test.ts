import { describe, expect, it } from 'vitest';
import { accessLogsPolicy, connectionFolder, itPolicies, rolePolicy } from '../../../src-main/credentials/ramPolicies.ts';
import { sessionPolicy } from '../../../src-main/credentials/sessionPolicy.ts';
import type { Purpose } from '../../../src-main/credentials/types.ts';

const ROLE = 'acs:ram::1234567890123456:role/ferry-staff';
type Statement = { Action: string | string[]; Resource: string[]; Condition?: unknown };
const actionsOn = (statements: Statement[], resource: string): string[] =>
  statements.filter((s) => s.Resource.includes(resource)).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('the RAM policies ferry admin prints', () => {
  it("the role's folder is the template up to its first placeholder", () => {
    expect(connectionFolder('shared/{user}/{yyyy}-{mm}/')).toBe('shared/');
    expect(connectionFolder('reports/')).toBe('reports/');
    expect(connectionFolder('{user}/')).toBe('');
    expect(connectionFolder('a*b?/{user}/')).toBe('ab/');
  });

  it('the role policy grants exactly the actions the session policies ask for, per resource, over the folder', () => {
    const role = rolePolicy('acme-share', 'shared/{user}/{yyyy}-{mm}/').Statement as unknown as Statement[];
    for (const resource of ['acs:oss:*:*:acme-share/shared/*', 'acs:oss:*:*:acme-share']) {
      const asked = (['upload', 'share', 'manage'] as Purpose[]).flatMap((p) =>
        actionsOn((JSON.parse(sessionPolicy(p, 'acme-share', 'shared/')) as { Statement: Statement[] }).Statement, resource),
      );
      expect(new Set(actionsOn(role, resource))).toEqual(new Set(asked));
    }
    expect(role).toHaveLength(2);
    expect(role[1]).toMatchObject({ Action: ['oss:ListObjects'], Condition: { StringLike: { 'oss:Prefix': ['shared/*'] } } });
  });

  it('the RAM user may only assume the role; the trust policy names the role\'s account; extras only when asked', () => {
    const plain = itPolicies({ bucket: 'acme-share', prefixTemplate: 'shared/{user}/', roleArn: ROLE });
    expect(plain.map((p) => p.id)).toEqual(['ram-user', 'role', 'trust']);
    expect(plain[0]!.document.Statement).toEqual([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }]);
    expect(plain[2]!.document.Statement).toEqual([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: ['acs:ram::1234567890123456:root'] } }]);
    const all = itPolicies({ bucket: 'acme-share', prefixTemplate: 'shared/{user}/', roleArn: ROLE, linkSigning: true, accessLogs: { bucket: 'acme-logs', prefix: 'oss/' } });
    expect(all.map((p) => p.id)).toEqual(['ram-user', 'role', 'trust', 'link-signing', 'access-logs']);
    expect(all[3]!.document.Statement).toEqual([{ Effect: 'Allow', Action: 'oss:GetObject', Resource: ['acs:oss:*:*:acme-share/shared/*'] }]);
    expect(accessLogsPolicy('acme-logs', 'oss/').Statement).toEqual([
      { Effect: 'Allow', Action: ['oss:GetObject'], Resource: ['acs:oss:*:*:acme-logs/oss/*'] },
      { Effect: 'Allow', Action: ['oss:ListObjects'], Resource: ['acs:oss:*:*:acme-logs'], Condition: { StringLike: { 'oss:Prefix': ['oss/*'] } } },
    ]);
  });
});
