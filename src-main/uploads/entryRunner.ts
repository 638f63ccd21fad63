import { promises as fs } from 'node:fs';
import type { Profile } from '../profile/profileModel.ts';
import { FerryError } from '../errors/ferryError.ts';
import { logger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';
import { StoppedError } from './abort.ts';
import type { CheckpointStore } from './checkpointStore.ts';
import type { CompletionJournal } from './completionJournal.ts';
import type { UploadHistory } from './history.ts';
import { discardUpload, multipartFile } from './multipartUpload.ts';
import type { OssSession } from './ossSession.ts';
import type { TransferTuning } from './partPlan.ts';
import type { QueueEntry } from './queueEntry.ts';
import { CrcMismatchError } from './retryPolicy.ts';
import { SpeedMeter } from './progressBatcher.ts';
import { putFile } from './singlePut.ts';
import type { TransferContext, TransferResult } from './transferContext.ts';

const log = logger('uploads');

export interface RunnerDeps {
  clock: Clock;
  checkpoints: CheckpointStore;
  history: UploadHistory;
  journal: CompletionJournal;
  session(profile: Profile): OssSession;
  tuning: TransferTuning;
  /** An entry's visible state changed (batched by the caller). */
  changed(id: string): void;
  random?: () => number;
}

/** Runs one queue entry to done, paused, cancelled or failed; never throws. */
export async function runEntry(entry: QueueEntry, deps: RunnerDeps, partConcurrency: number): Promise<void> {
  const controller = new AbortController();
  entry.controller = controller;
  entry.state = 'uploading';
  entry.error = undefined;
  entry.speed = new SpeedMeter();
  deps.changed(entry.id);
  const ctx: TransferContext = {
    id: entry.id,
    path: entry.path,
    name: entry.name,
    baseKey: entry.baseKey,
    collision: entry.collision,
    session: deps.session(entry.profile),
    signal: controller.signal,
    partConcurrency,
    tuning: deps.tuning,
    checkpoints: deps.checkpoints,
    ...(entry.checkpoint ? { checkpoint: entry.checkpoint } : {}),
    ...(entry.walked ? { walkedSize: entry.size } : {}),
    ...(entry.recovered ? { recovered: true } : {}),
    clock: deps.clock,
    progress: progressFor(entry, deps),
    ...(deps.random ? { random: deps.random } : {}),
  };
  entry.ctx = ctx;
  entry.walked = undefined; // a retry looks at the file afresh
  try {
    if (entry.baseKey === '') throw new FerryError('uploads.badName', { name: entry.name });
    const result = entry.multipart ? await multipartFile(ctx) : await putFile(ctx);
    await recordCompletion(entry, result, deps);
    entry.checkpoint = undefined;
    entry.state = 'done';
    entry.size = result.size;
    entry.bytesDone = result.size;
    entry.objectKey = result.key;
    entry.finishedAt = deps.clock.now();
    await deps.history.add({
      id: entry.id,
      objectKey: result.key,
      name: entry.name,
      size: result.size,
      finishedAt: entry.finishedAt,
      profileId: entry.profile.id,
      bucket: entry.profile.bucket,
    });
  } catch (error) {
    entry.checkpoint = ctx.checkpoint;
    await settleFailure(entry, error, deps);
  } finally {
    entry.controller = undefined;
    entry.ctx = undefined;
    entry.speed = undefined;
    deps.changed(entry.id);
  }
}

/** In the journal before the item shows as done, so a crash right after cannot upload the file again. */
async function recordCompletion(entry: QueueEntry, result: TransferResult, deps: RunnerDeps): Promise<void> {
  try {
    const stat = await fs.stat(entry.path);
    await deps.journal.record({
      kind: 'done',
      id: entry.id,
      profileId: entry.profile.id,
      bucket: entry.profile.bucket,
      path: entry.path,
      key: result.key,
      size: result.size,
      mtimeMs: stat.mtimeMs,
      crc: result.crc,
    });
  } catch (error) {
    // Without the line a crash in this batch costs this file a second copy; the upload itself is fine.
    log.warn('could not record a finished upload', { id: entry.id, error: (error as Error)?.name });
  }
}

async function settleFailure(entry: QueueEntry, error: unknown, deps: RunnerDeps): Promise<void> {
  if (error instanceof StoppedError) {
    if (error.reason === 'cancel') {
      await discardEntry(entry, deps);
      entry.state = 'cancelled';
      entry.bytesDone = 0;
    } else {
      entry.state = 'paused';
      if (!entry.checkpoint) entry.bytesDone = 0;
      else if (error.reason === 'pause') await markPaused(entry, deps, true);
    }
    return;
  }
  log.warn('upload failed', { id: entry.id, error: (error as Error)?.name, code: (error as { code?: string })?.code });
  entry.state = 'failed';
  entry.error = error instanceof CrcMismatchError ? new FerryError('uploads.verifyFailed', { name: entry.name }, { cause: error }) : error;
}

/** Aborts the entry's multipart upload on the server (no orphaned parts) and forgets its checkpoint. */
export async function discardEntry(entry: QueueEntry, deps: Pick<RunnerDeps, 'session' | 'checkpoints'>): Promise<void> {
  const checkpoint = entry.checkpoint;
  entry.checkpoint = undefined;
  if (checkpoint) await discardUpload({ session: deps.session(entry.profile), checkpoints: deps.checkpoints, id: entry.id }, checkpoint);
}

/** Records in the checkpoint whether the user paused this upload (so a restart respects it). */
export async function markPaused(entry: QueueEntry, deps: Pick<RunnerDeps, 'checkpoints'>, paused: boolean): Promise<void> {
  if (!entry.checkpoint || Boolean(entry.checkpoint.paused) === paused) return;
  entry.checkpoint = { ...entry.checkpoint, paused };
  await deps.checkpoints.save(entry.checkpoint);
}

function progressFor(entry: QueueEntry, deps: RunnerDeps): TransferContext['progress'] {
  const changed = (): void => deps.changed(entry.id);
  return {
    add: (bytes) => {
      entry.bytesDone = Math.min(entry.size, Math.max(0, entry.bytesDone + bytes));
      changed();
    },
    set: (bytes) => {
      entry.bytesDone = bytes;
      changed();
    },
    total: (bytes) => {
      entry.size = bytes;
      changed();
    },
    verifying: () => {
      entry.state = 'verifying';
      changed();
    },
    notice: (code) => {
      entry.notice = code;
      changed();
    },
  };
}
