import { z } from 'zod';
import type { ChannelTable, EventTable } from './channel.ts';
import { EXPIRY_PRESETS } from './expiryPresets.ts';

/** Unpaired UTF-16 surrogates: no file name has one, and they cannot be encoded into a URL. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An OSS object key as the page may name it. */
export const ObjectKeySchema = z
  .string()
  .min(1)
  .max(1023)
  .refine((key) => !LONE_SURROGATE.test(key));

/** A preset ('1h', 'today', …), a span ('30m', '24h'), or an ISO date-time (with offset) for a custom expiry. */
export const ExpiryChoiceSchema = z.union([
  z.enum(EXPIRY_PRESETS),
  /** A span like a profile's default ("30m", "24h", "3d"). */
  z.string().regex(/^[1-9]\d{0,3}[mhd]$/),
  z.iso.datetime({ offset: true }),
]);

export const LinkOptionsSchema = z.object({
  expiry: ExpiryChoiceSchema.optional(),
  /** Open in the browser instead of downloading (images, PDFs, video). */
  inline: z.boolean().optional(),
  /** Allowed source IP or CIDR. */
  sourceIp: z.string().max(64).optional(),
  /** Download bandwidth limit in KB/s (100…102400). */
  limitKBps: z.number().int().min(100).max(102_400).optional(),
});

/** Why a link lives shorter than asked: honest expiry. */
export const ExpiryCapSchema = z.enum(['none', 'credentials', 'v4-maximum']);

export const LinkResultSchema = z.object({
  linkId: z.string(),
  objectKey: z.string(),
  /** The download name (last part of the key). */
  name: z.string().optional(),
  size: z.number().optional(),
  url: z.string(),
  expiresAt: z.number(),
  requestedExpiresAt: z.number(),
  cappedBy: ExpiryCapSchema,
  /** "Link copied — works until Fri 18:00" style sentence in the user's language. */
  summary: z.string(),
  /** One more sentence to say with this link, once: with the trial's first link, that trial links open only on this computer. */
  notice: z.string().optional(),
});

export const LedgerEntrySchema = z.object({
  id: z.string(),
  profileId: z.string(),
  objectKey: z.string(),
  name: z.string(),
  size: z.number().optional(),
  createdAt: z.number(),
  expiresAt: z.number(),
  cappedBy: ExpiryCapSchema,
  inline: z.boolean(),
  sourceIp: z.string().optional(),
  limitKBps: z.number().optional(),
  /** The object was deleted or moved by "Stop sharing". */
  stopped: z.boolean(),
  stopMode: z.enum(['delete', 'move']).optional(),
  /** Where "Stop sharing → move" put the file. */
  movedTo: z.string().optional(),
  /** "Opened" receipts from the bucket's access logs (links/receipts/): absent when Ferry cannot know (logging off, not read yet). */
  opens: z
    .object({
      /** 0: the bucket's logs were read since the link was made and it was not opened. */
      count: z.number(),
      firstAt: z.number().optional(),
      /** The latest opens (newest last): when, from which address, with which program. */
      recent: z.array(z.object({ at: z.number(), ip: z.string(), agent: z.string().optional() })),
    })
    .optional(),
});

export const ExpiryOptionSchema = z.object({
  choice: z.string(),
  /** When a link made now with this choice would really stop working (local ms). */
  expiresAt: z.number(),
  requestedExpiresAt: z.number(),
  cappedBy: ExpiryCapSchema,
  /** Empty when nothing shortens it; otherwise why the link lives shorter than the choice says. */
  explanation: z.string(),
});

export const linkChannels = {
  /**
   * What the share dialog can honestly offer right now: whether this profile may share at all (and why
   * not), and the real expiry of each preset. Also warms the signing credentials for the next click.
   */
  'links.expiryOptions': {
    request: z.object({ profileId: z.string().optional(), custom: ExpiryChoiceSchema.optional() }).optional(),
    reply: z.object({
      canShare: z.boolean(),
      /** Why link features are off (upload-only profile, no profile). */
      reason: z.string().optional(),
      defaultExpiry: z.string().optional(),
      options: z.array(ExpiryOptionSchema),
      /** The longest a link can live now (7 days with a link-signing key, else the credentials' life). */
      longest: ExpiryOptionSchema.optional(),
    }),
  },
  /** Signs a link (profile's default expiry unless given), records it, and puts it on the clipboard. */
  'links.copy': {
    request: LinkOptionsSchema.extend({ objectKey: ObjectKeySchema, profileId: z.string().optional() }),
    reply: LinkResultSchema,
  },
  /** Copies a share message (name, size, link, valid until …) in the user's language. */
  'links.copyMessage': {
    request: LinkOptionsSchema.extend({ objectKey: ObjectKeySchema, profileId: z.string().optional() }),
    reply: LinkResultSchema,
  },
  'links.list': {
    request: z.object({ filter: z.enum(['all', 'active', 'expired']).default('all') }).optional(),
    reply: z.object({ entries: z.array(LedgerEntrySchema), now: z.number() }),
  },
  /** Re-signs the same link (same options) and copies it. */
  'links.copyAgain': { request: z.object({ id: z.string() }), reply: LinkResultSchema },
  /** A fresh link for the same object with the default (or given) expiry. */
  'links.renew': { request: z.object({ id: z.string(), expiry: ExpiryChoiceSchema.optional() }), reply: LinkResultSchema },
  /**
   * Copies many links at once, one per line: the ledger's `ids` re-signed, and new links (default expiry)
   * for `objects` (the sent files of a batch on Send files; object keys, never local paths).
   */
  'links.copyAll': {
    request: z
      .object({
        ids: z.array(z.string().max(100)).max(10_000).optional(),
        objects: z.array(z.object({ objectKey: ObjectKeySchema, profileId: z.string().max(100) })).max(10_000).optional(),
      })
      .refine(({ ids = [], objects = [] }) => ids.length + objects.length >= 1 && ids.length + objects.length <= 10_000),
    reply: z.object({ count: z.number() }),
  },
  /** Asks where to save, then writes name, size, URL, expires as CSV. */
  'links.exportCsv': { request: z.object({ ids: z.array(z.string()).min(1).max(10_000) }), reply: z.object({ saved: z.boolean(), count: z.number() }) },
  /** Signed links cannot be recalled: delete the object, or move it to a new key. */
  'links.stopSharing': {
    request: z.object({ objectKey: ObjectKeySchema, profileId: z.string().optional(), mode: z.enum(['delete', 'move']) }),
    reply: z.object({
      mode: z.enum(['delete', 'move']),
      newObjectKey: z.string().optional(),
      linksStopped: z.number(),
      /** The user said no in the confirmation dialog: nothing was changed. */
      cancelled: z.boolean().optional(),
    }),
  },
} satisfies ChannelTable;

export const linkEvents = {
  'links.changed': z.object({ count: z.number() }),
} satisfies EventTable;
