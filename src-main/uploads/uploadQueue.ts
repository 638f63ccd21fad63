import type { Profile } from '../accounts/profile.ts';
import { FerryError } from '../errors/ferryError.ts';
import { logger } from '../log/logger.ts';
import { CrcMismatchError } from './retryPolicy.ts';
import type { Clock } from '../time/clock.ts';
import { StoppedError, type StopReason } from './abort.ts';
import type { CheckpointStore } from './checkpointStore.ts';
import type { UploadHistory } from './history.ts';
import { discardUpload, multipartFile } from './multipartUpload.ts';
import type { OssSession } from './ossSession.ts';
import type { TransferTuning } from './partPlan.ts';
import { isActive, isFinished, type QueueEntry } from './queueEntry.ts';
import { putFile } from './singlePut.ts';
import type { TransferContext } from './transferContext.ts';

const log = logger('uploads');

export interface Limits {
  fileConcurrency: number;
  partConcurrency: number;
}

export interface QueueDeps {
  clock: Clock;
  checkpoints: CheckpointStore;
  history: UploadHistory;
  session(profile: Profile): OssSession;
  tuning: TransferTuning;
  /** An entry's visible state changed (batched by the caller). */
  changed(id: string): void;
  removed(id: string): void;
  random?: () => number;
}

/**
 * The scheduler. Request slots = files × parts: a small file takes one slot, a multipart file takes
 * `partConcurrency` and at most `fileConcurrency` multipart files run at once — so a folder of small
 * files keeps as many requests in flight as a few big files would.
 */
export class UploadQueue {
  readonly entries = new Map<string, QueueEntry>();
  private waiting: QueueEntry[] = [];
  private usedSlots = 0;
  private activeLarge = 0;
  private readonly running = new Map<string, Promise<void>>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly deps: QueueDeps,
    private limits: Limits,
  ) {}

  setLimits(limits: Limits): void {
    this.limits = limits;
    this.pump();
  }

  add(entry: QueueEntry): void {
    this.entries.set(entry.id, entry);
    if (entry.state === 'queued') this.waiting.push(entry);
    this.deps.changed(entry.id);
  }

  /** Starts whatever fits in the free slots, oldest first (small files may pass a waiting big one). */
  pump(): void {
    const total = this.limits.fileConcurrency * this.limits.partConcurrency;
    let i = 0;
    while (i < this.waiting.length && this.usedSlots < total && i < 256) {
      const entry = this.waiting[i]!;
      if (entry.state !== 'queued') {
        this.waiting.splice(i, 1);
        continue;
      }
      const cost = entry.multipart ? this.limits.partConcurrency : 1;
      if (this.usedSlots + cost > total || (entry.multipart && this.activeLarge >= this.limits.fileConcurrency)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.start(entry, cost);
    }
    if (this.running.size === 0 && !this.waiting.some((e) => e.state === 'queued')) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private start(entry: QueueEntry, cost: number): void {
    entry.slots = cost;
    this.usedSlots += cost;
    if (entry.multipart) this.activeLarge++;
    const job = this.run(entry).finally(() => {
      this.usedSlots -= entry.slots;
      if (entry.multipart) this.activeLarge--;
      entry.slots = 0;
      this.running.delete(entry.id);
      this.pump();
    });
    this.running.set(entry.id, job);
  }

  private async run(entry: QueueEntry): Promise<void> {
    const controller = new AbortController();
    entry.controller = controller;
    entry.state = 'uploading';
    entry.error = undefined;
    entry.speed.reset();
    this.deps.changed(entry.id);
    const ctx: TransferContext = {
      id: entry.id,
      path: entry.path,
      name: entry.name,
      baseKey: entry.baseKey,
      collision: entry.collision,
      session: this.deps.session(entry.profile),
      signal: controller.signal,
      partConcurrency: this.limits.partConcurrency,
      tuning: this.deps.tuning,
      checkpoints: this.deps.checkpoints,
      ...(entry.checkpoint ? { checkpoint: entry.checkpoint } : {}),
      ...(entry.walkedIdentity ? { walkedIdentity: entry.walkedIdentity } : {}),
      clock: this.deps.clock,
      progress: this.progressFor(entry),
      ...(this.deps.random ? { random: this.deps.random } : {}),
    };
    entry.ctx = ctx;
    entry.walkedIdentity = undefined; // a retry looks at the file afresh
    try {
      if (entry.baseKey === '') throw new FerryError('uploads.badName', { name: entry.name });
      const result = entry.multipart ? await multipartFile(ctx) : await putFile(ctx);
      entry.checkpoint = undefined;
      entry.state = 'done';
      entry.size = result.size;
      entry.bytesDone = result.size;
      entry.objectKey = result.key;
      entry.finishedAt = this.deps.clock.now();
      await this.deps.history.add({
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
      await this.settleFailure(entry, error);
    } finally {
      entry.controller = undefined;
      entry.ctx = undefined;
      this.deps.changed(entry.id);
    }
  }

  private async settleFailure(entry: QueueEntry, error: unknown): Promise<void> {
    if (error instanceof StoppedError) {
      if (error.reason === 'cancel') {
        await this.discard(entry);
        entry.state = 'cancelled';
        entry.bytesDone = 0;
      } else {
        entry.state = 'paused';
        if (!entry.checkpoint) entry.bytesDone = 0;
      }
      return;
    }
    log.warn('upload failed', { id: entry.id, error: (error as Error)?.name, code: (error as { code?: string })?.code });
    entry.state = 'failed';
    entry.error = error instanceof CrcMismatchError ? new FerryError('uploads.verifyFailed', { name: entry.name }, { cause: error }) : error;
  }

  private async discard(entry: QueueEntry): Promise<void> {
    const checkpoint = entry.checkpoint;
    entry.checkpoint = undefined;
    if (checkpoint) await discardUpload({ session: this.deps.session(entry.profile), checkpoints: this.deps.checkpoints, id: entry.id }, checkpoint);
  }

  private progressFor(entry: QueueEntry): TransferContext['progress'] {
    return {
      add: (bytes) => {
        entry.bytesDone = Math.min(entry.size, Math.max(0, entry.bytesDone + bytes));
        this.deps.changed(entry.id);
      },
      set: (bytes) => {
        entry.bytesDone = bytes;
        this.deps.changed(entry.id);
      },
      total: (bytes) => {
        entry.size = bytes;
        this.deps.changed(entry.id);
      },
      verifying: () => {
        entry.state = 'verifying';
        this.deps.changed(entry.id);
      },
      notice: (code) => {
        entry.notice = code;
        this.deps.changed(entry.id);
      },
    };
  }

  private stopRunning(entry: QueueEntry, reason: StopReason): void {
    entry.controller?.abort(new StoppedError(reason));
  }

  pause(id: string): number {
    const entry = this.entries.get(id);
    if (!entry) return 0;
    if (entry.state === 'queued') {
      entry.state = 'paused';
      this.deps.changed(id);
      return 1;
    }
    if (isActive(entry.state)) {
      this.stopRunning(entry, 'pause');
      return 1;
    }
    return 0;
  }

  resume(id: string): number {
    const entry = this.entries.get(id);
    if (!entry || entry.state !== 'paused') return 0;
    entry.state = 'queued';
    this.waiting.push(entry);
    this.deps.changed(id);
    this.pump();
    return 1;
  }

  async cancel(id: string): Promise<number> {
    const entry = this.entries.get(id);
    if (!entry || isFinished(entry.state)) return 0;
    if (isActive(entry.state)) {
      this.stopRunning(entry, 'cancel');
      await this.running.get(id);
      return 1;
    }
    await this.discard(entry);
    entry.state = 'cancelled';
    entry.bytesDone = 0;
    this.deps.changed(id);
    return 1;
  }

  retry(id: string): number {
    const entry = this.entries.get(id);
    if (!entry || (entry.state !== 'failed' && entry.state !== 'cancelled')) return 0;
    entry.state = 'queued';
    entry.error = undefined;
    entry.bytesDone = 0;
    this.waiting.push(entry);
    this.deps.changed(id);
    this.pump();
    return 1;
  }

  pauseAll(): number {
    let n = 0;
    for (const id of this.entries.keys()) n += this.pause(id);
    return n;
  }

  resumeAll(): number {
    let n = 0;
    for (const id of this.entries.keys()) n += this.resume(id);
    return n;
  }

  async cancelAll(): Promise<number> {
    const counts = await Promise.all([...this.entries.keys()].map((id) => this.cancel(id)));
    return counts.reduce((a, b) => a + b, 0);
  }

  async clearFinished(): Promise<number> {
    let n = 0;
    for (const entry of [...this.entries.values()]) {
      if (!isFinished(entry.state)) continue;
      await this.discard(entry);
      this.entries.delete(entry.id);
      this.deps.removed(entry.id);
      n++;
    }
    return n;
  }

  /** Resolves when nothing is queued or running. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.pump();
    });
  }

  /** Stops running transfers, keeping their checkpoints (quit): they resume on the next start. */
  async shutdown(): Promise<void> {
    for (const entry of this.entries.values()) if (isActive(entry.state)) this.stopRunning(entry, 'shutdown');
    await Promise.allSettled([...this.running.values()]);
  }
}
