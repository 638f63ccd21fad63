import { StoppedError, type StopReason } from './abort.ts';
import { discardEntry, markPaused, runEntry, type RunnerDeps } from './entryRunner.ts';
import { isActive, isFinished, type QueueEntry } from './queueEntry.ts';

export interface Limits {
  fileConcurrency: number;
  partConcurrency: number;
}

export interface QueueDeps extends RunnerDeps {
  removed(id: string): void;
}

/**
 * The scheduler. Request slots = files × parts: a small file takes one slot, a multipart file takes
 * `partConcurrency` and at most `fileConcurrency` multipart files run at once — so a folder of small
 * files keeps as many requests in flight as a few big files would.
 */
export class UploadQueue {
  readonly entries = new Map<string, QueueEntry>();
  private waiting: QueueEntry[] = [];
  /** `waiting` before this index has left (started or no longer queued). */
  private head = 0;
  private usedSlots = 0;
  private activeLarge = 0;
  private readonly running = new Map<string, Promise<void>>();
  private idleWaiters: (() => void)[] = [];
  /** After shutdown nothing new starts: what is queued stays queued for the next run. */
  private closed = false;

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
    let i = this.head;
    while (!this.closed && i < this.waiting.length && this.usedSlots < total && i - this.head < 256) {
      const entry = this.waiting[i]!;
      if (entry.state !== 'queued') {
        i = this.take(i);
        continue;
      }
      const cost = entry.multipart ? this.limits.partConcurrency : 1;
      if (this.usedSlots + cost > total || (entry.multipart && this.activeLarge >= this.limits.fileConcurrency)) {
        i++;
        continue;
      }
      i = this.take(i);
      this.start(entry, cost);
    }
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    if (this.running.size === 0 && !this.hasQueued()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /**
   * Takes `waiting[i]` out. The front moves `head` on instead of shifting the array: a 100,000-file
   * drop's waiting list would be copied once per file started. Returns the index to look at next.
   */
  private take(i: number): number {
    if (i !== this.head) {
      this.waiting.splice(i, 1);
      return i;
    }
    this.head++;
    return i + 1;
  }

  private hasQueued(): boolean {
    for (let i = this.head; i < this.waiting.length; i++) if (this.waiting[i]!.state === 'queued') return true;
    return false;
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

  private run(entry: QueueEntry): Promise<void> {
    return runEntry(entry, this.deps, this.limits.partConcurrency);
  }

  private discard(entry: QueueEntry): Promise<void> {
    return discardEntry(entry, this.deps);
  }

  private stopRunning(entry: QueueEntry, reason: StopReason): void {
    entry.controller?.abort(new StoppedError(reason));
  }

  pause(id: string): number {
    const entry = this.entries.get(id);
    if (!entry) return 0;
    if (entry.state === 'queued' || isActive(entry.state)) entry.userPaused = true;
    if (entry.state === 'queued') {
      entry.state = 'paused';
      void markPaused(entry, this.deps, true);
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
    entry.userPaused = false;
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
    this.closed = true;
    for (const entry of this.entries.values()) if (isActive(entry.state)) this.stopRunning(entry, 'shutdown');
    await Promise.allSettled([...this.running.values()]);
  }
}
