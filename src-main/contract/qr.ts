import { z } from 'zod';
import type { ChannelTable } from './channel.ts';

export const qrChannels = {
  /**
   * A QR code of a link in the ledger: the same link (same options, same expiry) signed again, not
   * copied, with the code's dark modules as one SVG path, made in main and offline.
   */
  'qr.link': {
    request: z.object({ id: z.string().max(100) }),
    reply: z.object({
      url: z.string(),
      name: z.string(),
      expiresAt: z.number(),
      /** Modules per side (the SVG's viewBox is this plus a 4-module quiet zone each side). */
      modules: z.number().int().min(21).max(177),
      /** Only move and line commands: `M x y h 1 v 1 h -1 z` … */
      path: z.string().regex(/^[MhvzHV0-9 -]*$/),
    }),
  },
} satisfies ChannelTable;
