import type { Clock } from '../time/clock.ts';
import type { Checkpoint, CheckpointStore } from './checkpointStore.ts';
import type { OssSession } from './ossSession.ts';
import type { TransferTuning } from './partPlan.ts';

/** How a transfer reports back to its queue item. */
export interface TransferProgress {
  /** Bytes sent (positive) or taken back after a failed attempt (negative). */
  add(bytes: number): void;
  set(bytesDone: number): void;
  /** The file's size as this attempt found it. */
  total(bytes: number): void;
  verifying(): void;
  /** A plain-language notice code (e.g. the file changed and Ferry started over). */
  notice(code: string): void;
}

export interface TransferContext {
  id: string;
  path: string;
  /** Relative path as the user dropped it. */
  name: string;
  /** The key before any "keep both" suffix. */
  baseKey: string;
  collision: 'keepBoth' | 'replace';
  session: OssSession;
  signal: AbortSignal;
  partConcurrency: number;
  tuning: TransferTuning;
  checkpoints: CheckpointStore;
  /** A checkpoint from an earlier run of this upload, to resume. */
  checkpoint?: Checkpoint;
  /** The size the walk saw (the first attempt at a small file trusts it instead of a fresh stat). */
  walkedSize?: number;
  /** A file of a batch a crash interrupted: a taken key may hold this very file (interruptedRun.ts). */
  recovered?: boolean;
  clock: Clock;
  progress: TransferProgress;
  random?: () => number;
}

export interface TransferResult {
  key: string;
  size: number;
  /** CRC-64 of the object, decimal, as verified against the server. */
  crc: string;
}

/** Per-request timeout: a minute plus time for the body at a slow 100 KB/s. */
export function requestTimeout(bytes: number): number {
  return 60_000 + Math.ceil(bytes / 100_000) * 1_000;
}

export const MAX_RESTARTS = 3;
export const MAX_NAME_TRIES = 500;
