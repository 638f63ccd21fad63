import { z } from 'zod';
import { ConnectionFieldsSchema } from '../profile/profileModel.ts';
import { spanMs } from '../contract/expiryPresets.ts';

/**
 * Managed settings: what IT presets and enforces machine-wide (Windows HKLM\SOFTWARE\Policies\Ferry,
 * macOS managed preferences for app.ferry.desktop, Linux /etc/ferry/policy.json). Every source is turned
 * into this one shape; anything unknown — a secret above all — makes the whole policy malformed.
 */

/** A link lifetime is a span ("30m", "12h", "7d"), at most the 7 days an OSS V4 link may live. */
export const POLICY_MAX_SPAN_MS = 7 * 86_400_000;

const SpanSchema = z.string().refine((s) => (spanMs(s) ?? Infinity) <= POLICY_MAX_SPAN_MS, {
  message: 'a span such as 1h, 1d or 7d (at most 7d)',
});

/** A connection IT presets: its settings without any secret (the person supplies the key), and whether it is locked. */
export const PresetConnectionSchema = ConnectionFieldsSchema.partial()
  .required({ name: true, bucket: true })
  .extend({
    /** Stable across policy updates: the connection keeps its key and history when IT changes a setting. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'lower-case letters, digits and dashes' }),
    /** Staff cannot edit, re-point or remove a locked connection. */
    locked: z.boolean().default(false),
    defaultLinkExpiry: SpanSchema.optional(),
  })
  .strict();
export type PresetConnection = z.output<typeof PresetConnectionSchema>;

export const PolicySchema = z
  .object({
    connections: z.array(PresetConnectionSchema).max(20).optional(),
    /** The longest a share link may live. */
    maxLinkExpiry: SpanSchema.optional(),
    /** The expiry a link gets when none is chosen (every connection). */
    defaultLinkExpiry: SpanSchema.optional(),
    /** Every connection signs with V4, whatever it says. */
    forceV4Signatures: z.boolean().optional(),
    /** A share link must be limited to an IP address or range. */
    requireIpRestrictedLinks: z.boolean().optional(),
    /** No "Try it on this computer" (and no `ferry sandbox`). */
    disableTrial: z.boolean().optional(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const max = policy.maxLinkExpiry === undefined ? POLICY_MAX_SPAN_MS : spanMs(policy.maxLinkExpiry)!;
    const aboveMax = (span: string | undefined) => span !== undefined && spanMs(span)! > max;
    if (aboveMax(policy.defaultLinkExpiry)) ctx.addIssue({ code: 'custom', path: ['defaultLinkExpiry'], message: 'longer than maxLinkExpiry' });
    const ids = new Set<string>();
    const names = new Set<string>();
    policy.connections?.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['connections', i, 'id'], message: 'used twice' });
      if (names.has(c.name)) ctx.addIssue({ code: 'custom', path: ['connections', i, 'name'], message: 'used twice' });
      if (aboveMax(c.defaultLinkExpiry)) ctx.addIssue({ code: 'custom', path: ['connections', i, 'defaultLinkExpiry'], message: 'longer than maxLinkExpiry' });
      if (policy.forceV4Signatures && c.signatureVersion === 'v1') ctx.addIssue({ code: 'custom', path: ['connections', i, 'signatureVersion'], message: 'v1 while forceV4Signatures is set' });
      ids.add(c.id);
      names.add(c.name);
    });
  });
export type Policy = z.output<typeof PolicySchema>;

/** What reading the machine's policy found. A malformed policy is reported and ignored entirely. */
export interface PolicyReading {
  policy: Policy;
  /** Where the policy was read from (file path, registry key, preferences domain); absent when there is none. */
  source?: string;
  /** The policy exists but is malformed: why, in IT's terms (field paths), never a value. */
  problem?: string;
}

export const NO_POLICY: PolicyReading = { policy: {} };

/** Checks raw values from any source; a problem names the fields, and nothing of the policy applies. */
export function checkPolicy(raw: unknown, source: string): PolicyReading {
  const parsed = PolicySchema.safeParse(raw);
  if (parsed.success) return { policy: parsed.data, source };
  const problem = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.code === 'unrecognized_keys' ? `unknown ${issue.keys.join(', ')}` : issue.message}`)
    .join('; ');
  return { policy: {}, source, problem };
}

/** A source that exists but cannot be read or parsed at all. */
export function unreadablePolicy(source: string, why: string): PolicyReading {
  return { policy: {}, source, problem: why };
}
