import { z } from 'zod';
import type { ChannelTable, EventTable } from './channel.ts';
import { FailureSchema } from './failure.ts';

export const UploadStateSchema = z.enum([
  'queued',
  'uploading',
  'paused',
  'verifying',
  'done',
  'failed',
  'cancelled',
]);

export const UploadSourceSchema = z.enum(['drop', 'picker', 'clipboard', 'args', 'tray']);
export const CollisionPolicySchema = z.enum(['keepBoth', 'replace']);

/** One file in the queue as the window shows it. `name` is the relative path inside what was dropped. */
export const UploadItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  bytesDone: z.number(),
  state: UploadStateSchema,
  /** Smoothed bytes per second while uploading. */
  speed: z.number(),
  etaSeconds: z.number().nullable(),
  profileId: z.string(),
  objectKey: z.string().optional(),
  error: FailureSchema.optional(),
  /** Set when a restart or a changed file made Ferry start the file over. */
  notice: z.string().optional(),
  finishedAt: z.number().optional(),
  /** The name held hidden characters (bidi or control), which its object key was made without. */
  nameCleaned: z.boolean().optional(),
  /** "Stop sharing" deleted this object, or moved it to `movedTo` (the key to share instead). */
  stopped: z.object({ mode: z.enum(['delete', 'move']), movedTo: z.string().optional() }).optional(),
});

export const AddUploadsReplySchema = z.object({
  accepted: z.number().int(),
  /** Files that could not be queued (unreadable, missing…); they also appear in the list as failed items. */
  rejected: z.array(z.object({ name: z.string(), error: FailureSchema })),
  /** Ids of the items this call put in the list: accepted ones first, then the rejected (failed) ones. */
  ids: z.array(z.string()).optional(),
});

/** The largest dropped File with no path behind it that Ferry takes as bytes (they pass through memory). */
export const DROPPED_DATA_LIMIT = 256 * 1024 * 1024;

const Id = z.object({ id: z.string().max(100) });
const Empty = z.object({ changed: z.number().int() });

export const uploadChannels = {
  /** Opens the native file picker in main and queues what the user chose. */
  'uploads.pick': { request: z.object({ folders: z.boolean().default(false) }).optional(), reply: AddUploadsReplySchema },
  /** Queues file references or image data on the clipboard (images saved as PNG). */
  'uploads.fromClipboard': { request: z.undefined(), reply: AddUploadsReplySchema },
  'uploads.list': { request: z.undefined(), reply: z.object({ items: z.array(UploadItemSchema) }) },
  'uploads.pause': { request: Id, reply: Empty },
  'uploads.resume': { request: Id, reply: Empty },
  'uploads.cancel': { request: Id, reply: Empty },
  'uploads.retry': { request: Id, reply: Empty },
  'uploads.pauseAll': { request: z.undefined(), reply: Empty },
  'uploads.resumeAll': { request: z.undefined(), reply: Empty },
  'uploads.cancelAll': { request: z.undefined(), reply: Empty },
  'uploads.clearFinished': { request: z.undefined(), reply: Empty },
} satisfies ChannelTable;

/**
 * Called only by the preload's dropFiles, never a window.ferry method: the local paths of Files the user
 * dropped, resolved in the preload with webUtils.getPathForFile (nothing the page wrote itself).
 */
export const uploadPreloadChannels = {
  'uploads.drop': {
    request: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
    reply: AddUploadsReplySchema,
  },
  /**
   * Called only by the preload's dropFiles for a dropped File with no path (dragged from a browser or a
   * mail program): one file's bytes. Above 256 MiB the preload sends the size alone and main says why not.
   */
  'uploads.dropData': {
    request: z
      .object({
        name: z.string().min(1).max(1024),
        size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        bytes: z.instanceof(Uint8Array).optional(),
      })
      .refine(({ size, bytes }) => (bytes ? bytes.byteLength === size && size <= DROPPED_DATA_LIMIT : size > DROPPED_DATA_LIMIT)),
    reply: AddUploadsReplySchema,
  },
} satisfies ChannelTable;

export const uploadEvents = {
  /** Batched: at most ~10 per second in total, carrying only the items that changed. */
  'uploads.changed': z.object({ items: z.array(UploadItemSchema), removed: z.array(z.string()) }),
} satisfies EventTable;
