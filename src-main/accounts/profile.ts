import { z } from 'zod';
import { CredentialSourceKindSchema } from '../contract/profiles.ts';

/**
 * A profile as stored in `<dataHome>/profiles.json` (non-secret settings only; secrets live in the
 * keychain under service "Ferry", account = profile id).
 */
export const ProfileSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  /** e.g. https://oss-cn-hangzhou.aliyuncs.com; for the sandbox, filled in at run time. */
  endpoint: z.string(),
  /** Bare region id, e.g. cn-hangzhou (V4 signing). */
  region: z.string(),
  bucket: z.string(),
  /** e.g. shared/{user}/{yyyy}-{mm}/ */
  prefixTemplate: z.string(),
  roleArn: z.string().optional(),
  /** STS endpoint; defaults to https://sts.aliyuncs.com (the sandbox's own for sandbox profiles). */
  stsEndpoint: z.string().optional(),
  sessionDurationSeconds: z.number().int().min(900).max(43200),
  defaultLinkExpiry: z.string(),
  signatureVersion: z.enum(['v4', 'v1']),
  credentialSource: CredentialSourceKindSchema,
  tokenServiceUrl: z.string().optional(),
  isSandbox: z.boolean().default(false),
  hasLinkSigningKey: z.boolean().default(false),
  uploadOnly: z.boolean().default(false),
  /** Masked AccessKey id for display (LTAI••••1234); the real id is in the keychain. */
  maskedAccessKeyId: z.string().optional(),
  /** Pasted temporary credentials: when they expire (ms epoch). Not secret; shown as a countdown. */
  credentialsExpireAt: z.number().optional(),
  /** Hosts outside Alibaba Cloud the person confirmed by name when saving; any other is never used. */
  confirmedHosts: z.array(z.string()).optional(),
  createdAt: z.number(),
});

export type Profile = z.output<typeof ProfileSchema>;
