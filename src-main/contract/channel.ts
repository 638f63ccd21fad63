import type { z } from 'zod';

/** One invoke-style IPC call: the renderer sends `request`, main answers `reply`. */
export interface ChannelSpec {
  request: z.ZodType;
  reply: z.ZodType;
}

export type ChannelTable = Record<string, ChannelSpec>;
export type EventTable = Record<string, z.ZodType>;
