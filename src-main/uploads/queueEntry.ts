import type { z } from 'zod';
import type { Profile } from '../profile/profileModel.ts';
import type { UploadItemSchema, UploadSourceSchema } from '../contract/uploads.ts';
import type { Checkpoint } from './checkpointStore.ts';
import type { SpeedMeter } from './progressBatcher.ts';
import type { TransferContext } from './transferContext.ts';

export type UploadItem = z.output<typeof UploadItemSchema>;
export type UploadState = UploadItem['state'];
export type UploadSource = z.output<typeof UploadSourceSchema>;
export type CollisionPolicy = 'keepBoth' | 'replace';

/** One file in the queue, with what the engine needs beyond what the window sees. */
export interface QueueEntry {
  id: string;
  path: string;
  /** Relative path as dropped (shown as the item's name). */
  name: string;
  size: number;
  profile: Profile;
  baseKey: string;
  collision: CollisionPolicy;
  source: UploadSource;
  state: UploadState;
  bytesDone: number;
  objectKey?: string;
  finishedAt?: number;
  /** The failure, kept raw so it is worded in the language of whoever looks. */
  error?: unknown;
  /** A notice code (e.g. the file changed and Ferry started over). */
  notice?: string;
  /** "Stop sharing" deleted or moved the object after this upload. */
  stopped?: { mode: 'delete' | 'move'; movedTo?: string };
  checkpoint?: Checkpoint;
  /** Paused by the user (not by a quit): stays paused after a restart. */
  userPaused?: boolean;
  /** A file of a batch a crash interrupted: its key may already hold what that run sent (singlePut.ts). */
  recovered?: boolean;
  /**
   * `size` is what the walk saw: the first attempt at a small file reads it without a stat first. Not
   * the walk's whole stat identity: ~100 bytes an entry, 10 MB held for a 100,000-file drop.
   */
  walked?: boolean;
  controller?: AbortController;
  ctx?: TransferContext;
  /** Scheduler slots held while running. */
  slots: number;
  multipart: boolean;
  /** Only while it runs (the window shows no speed otherwise). */
  speed?: SpeedMeter;
}

export function newEntry(fields: Omit<QueueEntry, 'state' | 'bytesDone' | 'slots'> & { state?: UploadState }): QueueEntry {
  const { id, path, name, size, profile, baseKey, collision, source, state, multipart, walked, ...rest } = fields;
  // One literal with a fixed shape: built with `...fields` spread, an entry took ~30 bytes more (100,000 of them in a big drop).
  const entry: QueueEntry = { id: flat(id), path: flat(path), name: flat(name), size, profile, baseKey: flat(baseKey), collision, source, state: state ?? 'queued', bytesDone: 0, slots: 0, multipart, walked };
  return Object.keys(rest).length > 0 ? Object.assign(entry, rest) : entry;
}

/**
 * The same text as one flat string. randomUUID(), path.join() and template literals return V8 ropes
 * (a tree of pieces, ~20 for a UUID) or slices that keep their parent alive: a heap snapshot of a
 * 100,000-file drop had ~670 bytes per entry in such pieces. Kept for the queue's lifetime, so paid once.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export const isActive = (state: UploadState): boolean => state === 'uploading' || state === 'verifying';
export const isFinished = (state: UploadState): boolean => state === 'done' || state === 'failed' || state === 'cancelled';
