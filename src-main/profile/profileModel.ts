import { z } from 'zod';

/**
 * The one profile model. Every shape of a profile — stored in profiles.json, seen by the window, sent by
 * the connect form, read from a connection file, patched from Settings — is derived from `ConnectionFields`
 * below, so a new connection setting is added once. Plain zod, no imports: accounts, credentials, links and
 * uploads all depend on it without depending on each other.
 */

/** How a profile gets its OSS credentials (credentials/sources/ has one descriptor per kind). */
export const CredentialSourceKindSchema = z.enum(['keychain-role', 'env', 'temporary', 'token-service']);
export type CredentialSourceKind = z.output<typeof CredentialSourceKindSchema>;

/** The connection settings IT chooses. Non-secret; secrets live in the keychain under the profile id. */
export const ConnectionFieldsSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** e.g. https://oss-cn-hangzhou.aliyuncs.com; empty for the sandbox (filled in at run time). */
  endpoint: z.string().trim().max(300),
  /** Bare region id, e.g. cn-hangzhou (V4 signing). */
  region: z.string().trim().max(64),
  bucket: z.string().trim().min(3).max(63),
  /** e.g. shared/{user}/{yyyy}-{mm}/ */
  prefixTemplate: z.string().max(300),
  roleArn: z.string().trim().max(300).optional(),
  /** STS endpoint; https://sts.aliyuncs.com when absent (the sandbox's own, at run time, for sandbox profiles). */
  stsEndpoint: z.string().trim().max(300).optional(),
  sessionDurationSeconds: z.number().int().min(900).max(43200),
  defaultLinkExpiry: z.string().max(40),
  signatureVersion: z.enum(['v4', 'v1']),
  credentialSource: CredentialSourceKindSchema,
  tokenServiceUrl: z.string().max(2048).optional(),
});
export type ConnectionFields = z.output<typeof ConnectionFieldsSchema>;

/** What a connection that names only the essentials gets. */
export const CONNECTION_DEFAULTS = {
  prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
  sessionDurationSeconds: 3600,
  defaultLinkExpiry: '1d',
  signatureVersion: 'v4',
  credentialSource: 'keychain-role',
} as const satisfies Partial<ConnectionFields>;

const fields = ConnectionFieldsSchema.shape;

/** Facts Ferry keeps about a profile beyond its connection settings. */
const ProfileFactsSchema = z.object({
  id: z.string().min(1).max(64),
  isSandbox: z.boolean().default(false),
  hasLinkSigningKey: z.boolean().default(false),
  /** Credentials only allow uploads: link features are hidden with an explanation. */
  uploadOnly: z.boolean().default(false),
  /** Masked AccessKey id for display (LTAI••••1234); the real id is in the keychain. */
  maskedAccessKeyId: z.string().optional(),
  /** Pasted temporary credentials: when they expire (ms epoch). Not secret; shown as a countdown. */
  credentialsExpireAt: z.number().optional(),
  /** The last "Test connection": whether it passed and when (ms epoch). Cleared when the connection is re-pointed. */
  lastTest: z.object({ ok: z.boolean(), at: z.number() }).optional(),
  /** Hosts outside Alibaba Cloud the person confirmed by name when saving; any other is never used. */
  confirmedHosts: z.array(z.string()).optional(),
  createdAt: z.number(),
});

/** A profile as stored in `<dataHome>/profiles.json`. */
export const ProfileSchema = ConnectionFieldsSchema.extend(ProfileFactsSchema.shape);
export type Profile = z.output<typeof ProfileSchema>;

/** A profile as the renderer may see it: no secrets, key id masked, no bookkeeping. */
export const ProfileViewSchema = ProfileSchema.omit({ confirmedHosts: true, createdAt: true }).extend({
  id: z.string(),
  name: z.string(),
  isSandbox: z.boolean(),
  hasLinkSigningKey: z.boolean(),
  uploadOnly: z.boolean(),
});
export type ProfileView = z.input<typeof ProfileViewSchema>;

/** What the connect form (or a parsed connection file) provides; `id` when it edits a saved profile. */
export const ProfileInputSchema = ConnectionFieldsSchema.partial({ endpoint: true, region: true }).extend({
  id: ProfileFactsSchema.shape.id.optional(),
  prefixTemplate: fields.prefixTemplate.default(CONNECTION_DEFAULTS.prefixTemplate),
  sessionDurationSeconds: fields.sessionDurationSeconds.default(CONNECTION_DEFAULTS.sessionDurationSeconds),
  defaultLinkExpiry: fields.defaultLinkExpiry.default(CONNECTION_DEFAULTS.defaultLinkExpiry),
  signatureVersion: fields.signatureVersion.default(CONNECTION_DEFAULTS.signatureVersion),
  credentialSource: fields.credentialSource.default(CONNECTION_DEFAULTS.credentialSource),
});

/** A change to some connection settings of a saved profile (Settings → Defaults): no defaults, no unknown fields. */
export const ProfilePatchSchema = ConnectionFieldsSchema.partial().strict();
export type ProfilePatch = z.output<typeof ProfilePatchSchema>;

/**
 * What a `*.ferry.json` file or a `ferry://connect` link may carry: only connection settings, each optional
 * but the name and bucket, unknown fields refused.
 */
export const ConnectionFileSchema = ConnectionFieldsSchema.partial()
  .required({ name: true, bucket: true })
  .extend({ ferry: z.literal(1).optional() })
  .strict();
