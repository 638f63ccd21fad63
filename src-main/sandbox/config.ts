import { z } from 'zod';
import { policyGrammarProblem } from './policy/grammar.ts';
import type { PolicyDocument } from './policy/types.ts';
import { trustedByPolicy, trustPolicyProblem, type TrustPolicyDocument } from './iam/trustPolicy.ts';

const policy = z.unknown().superRefine((doc, ctx) => {
  const problem = policyGrammarProblem(doc);
  if (problem) ctx.addIssue({ code: 'custom', message: `invalid RAM policy: ${problem}` });
}) as unknown as z.ZodType<PolicyDocument>;

const trustPolicy = z.unknown().superRefine((doc, ctx) => {
  const problem = trustPolicyProblem(doc);
  if (problem) ctx.addIssue({ code: 'custom', message: `invalid trust policy: ${problem}` });
}) as unknown as z.ZodType<TrustPolicyDocument>;

const name = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'letters, digits and . _ @ - only (1–64)');
const bucketName = z.string().regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'OSS bucket names are 3–63 lower-case letters, digits or -');

const regionId = z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/, 'a region id like cn-hangzhou');

const accessKey = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'AccessKey ids are 8–64 letters or digits'),
  secret: z.string().min(8, 'AccessKey secrets need at least 8 characters'),
  enabled: z.boolean().default(true),
});

const fault = z
  .strictObject({
    /** Which endpoint the fault applies to (each counts its own requests). */
    service: z.enum(['oss', 'sts']).default('oss'),
    /** 1-based number of the request to hit (counted from start); omitted = every matching request. */
    request: z.number().int().positive().optional(),
    method: z.string().optional(),
    /** Only requests whose path contains this text. */
    pathIncludes: z.string().optional(),
    status: z.union([z.literal(500), z.literal(503)]).optional(),
    resetAfterBytes: z.number().int().nonnegative().optional(),
    delayMs: z.number().int().nonnegative().max(600_000).optional(),
    /** How many times the fault fires (default once when `request` is set, else unlimited). */
    times: z.number().int().positive().optional(),
  })
  .refine((f) => f.status !== undefined || f.resetAfterBytes !== undefined || f.delayMs !== undefined, {
    message: 'a fault needs one of status, resetAfterBytes or delayMs',
  });

const instant = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: 'must be epoch milliseconds or an ISO 8601 date' });
    return z.NEVER;
  }
  return ms;
});

export const sandboxConfigSchema = z.strictObject({
  accountId: z.string().regex(/^\d{16}$/, 'account ids are 16 digits').default('1234567890123456'),
  /** Bare region id as V4 signs it (`cn-hangzhou`); clients see `oss-<region>`. */
  region: regionId.default('cn-hangzhou'),
  buckets: z
    .array(
      z.strictObject({
        name: bucketName,
        acl: z.enum(['private', 'public-read']).default('private'),
        /** Where the bucket lives (bare id); omitted: the sandbox's own `region`. */
        region: regionId.optional(),
        /** An old bucket that refuses V4 signatures (header or URL): only V1 works. */
        v1Only: z.boolean().default(false),
      }),
    )
    .default([]),
  users: z
    .array(
      z.strictObject({
        name,
        enabled: z.boolean().default(true),
        /** The account's main (root) identity rather than a RAM user: every OSS right, no AssumeRole. */
        root: z.boolean().default(false),
        accessKeys: z.array(accessKey).default([]),
        policies: z.array(policy).default([]),
      }),
    )
    .default([]),
  roles: z
    .array(
      z.strictObject({
        name,
        /** User names allowed to assume the role; "*" trusts every RAM user of the account. */
        trustedUsers: z.array(z.string()).default(['*']),
        /** The role's trust policy as pasted into the RAM console; when given it decides who is trusted (not trustedUsers). */
        trustPolicy: trustPolicy.optional(),
        policies: z.array(policy).default([]),
        maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
      }),
    )
    .default([]),
  time: z.strictObject({ now: instant.optional(), offsetMs: z.number().int().optional() }).default({}),
  faults: z.array(fault).default([]),
  /** Access logs (PutBucketLogging) are written this often; OSS writes about hourly, tests use seconds. */
  accessLogs: z
    .strictObject({ deliveryIntervalSeconds: z.number().positive().max(86_400).default(3600) })
    .default({ deliveryIntervalSeconds: 3600 }),
  /** Which user/role/bucket `ferry sandbox` announces; defaults to the first of each. `linkUser`: whose key signs the trial's links (none unless named). */
  demo: z
    .strictObject({ user: z.string().optional(), role: z.string().optional(), bucket: z.string().optional(), linkUser: z.string().optional() })
    .default({}),
});

export type SandboxConfigInput = z.input<typeof sandboxConfigSchema>;
export type SandboxConfig = z.output<typeof sandboxConfigSchema>;
export type FaultSpec = SandboxConfig['faults'][number];
export type UserConfig = SandboxConfig['users'][number];
export type RoleConfig = SandboxConfig['roles'][number];

/** Validates a config; on failure the message lists every problem with its JSON path. */
export function parseSandboxConfig(input: unknown): SandboxConfig {
  const result = sandboxConfigSchema.safeParse(input);
  if (result.success) return checkReferences(withTrustPolicies(result.data));
  const lines = result.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
  throw new SandboxConfigError(`Sandbox config is not valid:\n${lines.join('\n')}`);
}

export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
}

function withTrustPolicies(config: SandboxConfig): SandboxConfig {
  const roles = config.roles.map((role) => (role.trustPolicy ? { ...role, trustedUsers: trustedByPolicy(role.trustPolicy, config.accountId) } : role));
  return { ...config, roles };
}

function checkReferences(config: SandboxConfig): SandboxConfig {
  const problems: string[] = [];
  const dup = (kind: string, names: string[]): void => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push(`  ${kind}: "${n}" is defined twice`);
      seen.add(n);
    }
  };
  dup('buckets', config.buckets.map((b) => b.name));
  dup('users', config.users.map((u) => u.name));
  dup('roles', config.roles.map((r) => r.name));
  dup('access key ids', config.users.flatMap((u) => u.accessKeys.map((k) => k.id)));
  const roots = config.users.filter((u) => u.root);
  if (roots.length > 1) problems.push(`  users: an account has one root identity, found ${roots.map((u) => `"${u.name}"`).join(', ')}`);
  for (const u of roots) if (u.policies.length) problems.push(`  users.${u.name}.policies: the root account has every right; it takes no policies`);
  const users = new Set(config.users.map((u) => u.name));
  for (const role of config.roles) {
    for (const t of role.trustedUsers) if (t !== '*' && !t.startsWith('role/') && !users.has(t)) problems.push(`  roles.${role.name}.trustedUsers: no user "${t}"`);
  }
  if (config.demo.user && !users.has(config.demo.user)) problems.push(`  demo.user: no user "${config.demo.user}"`);
  if (config.demo.linkUser && !users.has(config.demo.linkUser)) problems.push(`  demo.linkUser: no user "${config.demo.linkUser}"`);
  if (config.demo.role && !config.roles.some((r) => r.name === config.demo.role)) problems.push(`  demo.role: no role "${config.demo.role}"`);
  if (config.demo.bucket && !config.buckets.some((b) => b.name === config.demo.bucket)) problems.push(`  demo.bucket: no bucket "${config.demo.bucket}"`);
  if (problems.length) throw new SandboxConfigError(`Sandbox config is not valid:\n${problems.join('\n')}`);
  return config;
}
