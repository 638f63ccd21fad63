import { z } from 'zod';
import type { ChannelTable, EventTable } from './channel.ts';
import { ExpiryChoiceSchema, LinkResultSchema } from './links.ts';

const Ids = z.array(z.string().max(100)).max(10_000);

export const bundleChannels = {
  /**
   * "Share as one link": finished rows of Send files and/or links on the Links screen (ids, never
   * paths) are zipped while the zip uploads; one link to it is put on the clipboard and recorded.
   */
  'bundles.share': {
    request: z
      .object({ uploadIds: Ids.optional(), linkIds: Ids.optional(), expiry: ExpiryChoiceSchema.optional() })
      .refine(({ uploadIds = [], linkIds = [] }) => uploadIds.length + linkIds.length >= 1 && uploadIds.length + linkIds.length <= 10_000),
    reply: LinkResultSchema.extend({ count: z.number().int() }),
  },
  /** Stops the zip being made; nothing is left in the bucket. */
  'bundles.cancel': { request: z.undefined(), reply: z.object({ changed: z.number().int() }) },
} satisfies ChannelTable;

export const bundleEvents = {
  /** A zip on its way: at most ~10 a second, and once more when it is over. */
  'bundles.progress': z.object({ id: z.string(), count: z.number().int(), bytesDone: z.number(), size: z.number() }),
} satisfies EventTable;
