import { z } from 'zod';
import type { ChannelTable, EventTable } from './channel.ts';
import { FailureSchema } from './failure.ts';
import { KEY_FILE_LIMIT } from './keyFileLimit.ts';
import { CredentialSourceKindSchema, ProfileInputSchema, ProfilePatchSchema, ProfileViewSchema } from '../profile/profileModel.ts';

export { CredentialSourceKindSchema, ProfileInputSchema, ProfileViewSchema };

/** Typed by the user into the connect form; travels renderer → main once and never back. */
export const AccessKeyInputSchema = z.object({
  accessKeyId: z.string().max(200),
  accessKeySecret: z.string().max(200),
});

/** A key main read from a dropped or picked AccessKey.csv or pasted lines and holds in memory: a reference, never the secret. */
export const HeldKeySchema = z.object({ keyRef: z.string(), maskedAccessKeyId: z.string() });
const KeyRefSchema = z.string().regex(/^k[0-9a-f]{32}$/);

export const TemporaryCredentialsInputSchema = z.object({
  accessKeyId: z.string().max(200),
  accessKeySecret: z.string().max(200),
  securityToken: z.string().max(8192),
  expiration: z.string().max(64),
});

export const DestinationSchema = z.object({
  role: z.enum(['storage', 'sts', 'token-service']),
  host: z.string(),
  trusted: z.boolean(),
});

export const TestStepSchema = z.object({
  id: z.enum(['keychain', 'sts-reachable', 'assume-role', 'bucket', 'write', 'link', 'cleanup']),
  status: z.enum(['pending', 'ok', 'failed', 'skipped']),
  error: FailureSchema.optional(),
});

export const CredentialStateSchema = z.object({
  profileId: z.string().optional(),
  state: z.enum(['none', 'ready', 'renewing', 'expired', 'error']),
  expiresAt: z.number().optional(),
  error: FailureSchema.optional(),
});

export const profileChannels = {
  'profiles.list': {
    request: z.undefined(),
    reply: z.object({ profiles: z.array(ProfileViewSchema), activeId: z.string().nullable() }),
  },
  'profiles.save': {
    request: z.object({
      profile: ProfileInputSchema,
      accessKey: AccessKeyInputSchema.optional(),
      /** A key main holds from `profiles.readKey` / `profiles.pickKeyFile`, instead of `accessKey`. */
      accessKeyRef: KeyRefSchema.optional(),
      temporaryCredentials: TemporaryCredentialsInputSchema.optional(),
      linkSigningKey: AccessKeyInputSchema.optional(),
      makeActive: z.boolean().default(true),
    }).refine((request) => !(request.accessKey && request.accessKeyRef)),
    reply: ProfileViewSchema,
  },
  /**
   * Changes some connection settings of a saved profile (Settings → Defaults). The same checks as a save:
   * a change that re-points a stored key is refused unless the key comes again through the connect form.
   */
  'profiles.update': {
    request: z.object({ id: z.string().max(64), patch: ProfilePatchSchema }),
    reply: ProfileViewSchema,
  },
  /** Parses a connection file's text or a ferry://connect link; nothing is saved yet. */
  'profiles.parseConnection': {
    request: z.object({ text: z.string().max(64 * 1024) }),
    reply: ProfileInputSchema,
  },
  /** Opens a file dialog for a *.ferry.json connection file and parses it. null when cancelled. */
  'profiles.pickConnectionFile': { request: z.undefined(), reply: ProfileInputSchema.nullable() },
  /**
   * Reads an AccessKey in main — the lines the person pasted, or the bytes of the AccessKey.csv they
   * dropped — and holds it in memory only. The reply is a reference and the masked ID: the secret never
   * comes back. (`bytes` is left out when the file is over the limit, so main can say it is too large.)
   */
  'profiles.readKey': {
    request: z.union([
      z.object({ text: z.string().max(4096) }).strict(),
      z
        .object({ dropped: z.object({ size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), bytes: z.instanceof(Uint8Array).optional() }).strict() })
        .strict()
        .refine(({ dropped }) => (dropped.bytes ? dropped.bytes.byteLength === dropped.size && dropped.size <= KEY_FILE_LIMIT : dropped.size > KEY_FILE_LIMIT)),
    ]),
    reply: HeldKeySchema,
  },
  /** Main's file dialog for the AccessKey.csv; main reads and holds the key. null when cancelled. */
  'profiles.pickKeyFile': { request: z.undefined(), reply: HeldKeySchema.nullable() },
  'profiles.use': { request: z.object({ id: z.string() }), reply: z.object({ activeId: z.string() }) },
  /** Main asks in its own dialog first; `cancelled` when the person kept the connection. */
  'profiles.remove': {
    request: z.object({ id: z.string().max(64) }),
    reply: z.object({ removed: z.boolean(), cancelled: z.boolean().optional() }),
  },
  /**
   * Every host the connection being entered or imported would send the key's signatures or the files to,
   * and whether main trusts it without asking (Alibaba Cloud's own domain, this computer).
   */
  'profiles.destinations': {
    request: ProfileInputSchema.pick({ endpoint: true, region: true, stsEndpoint: true, tokenServiceUrl: true })
      .extend({ credentialSource: CredentialSourceKindSchema.optional(), prefixTemplate: z.string().max(300).optional() })
      .partial(),
    /** `folder`: where this person's files go under the bucket today (the folder template filled in). */
    reply: z.object({ destinations: z.array(DestinationSchema), folder: z.string().optional() }),
  },
  /** Runs "Test connection" for a saved profile; steps also stream as `profiles.testProgress`. */
  'profiles.test': { request: z.object({ id: z.string() }), reply: z.object({ ok: z.boolean(), steps: z.array(TestStepSchema) }) },
  /** "Try it on this computer": start the built-in sandbox and make its demo profile active. */
  'profiles.tryLocally': { request: z.undefined(), reply: ProfileViewSchema },
  'session.state': { request: z.undefined(), reply: CredentialStateSchema },
} satisfies ChannelTable;

export const profileEvents = {
  'profiles.changed': z.object({ profiles: z.array(ProfileViewSchema), activeId: z.string().nullable() }),
  'profiles.testProgress': z.object({ id: z.string(), steps: z.array(TestStepSchema) }),
  'session.changed': CredentialStateSchema,
} satisfies EventTable;
