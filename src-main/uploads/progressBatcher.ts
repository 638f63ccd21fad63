/**
 * Collects "item changed" marks and flushes them at most every `intervalMs` (default 100 ms → ≤ 10
 * events per second in total), each flush carrying only the items that changed since the last one.
 * A 10,000-file drop is one event, not 10,000.
 */
export class ProgressBatcher {
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  constructor(
    private readonly flushTo: (changedIds: string[], removedIds: string[]) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = 100,
  ) {}

  markChanged(id: string): void {
    this.removed.delete(id);
    this.changed.add(id);
    this.schedule();
  }

  markRemoved(id: string): void {
    this.changed.delete(id);
    this.removed.add(id);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref?.();
  }

  /** Sends what is pending now (also used on shutdown and by tests). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.changed.size === 0 && this.removed.size === 0) return;
    this.lastFlush = this.now();
    const changed = [...this.changed];
    const removed = [...this.removed];
    this.changed.clear();
    this.removed.clear();
    this.flushTo(changed, removed);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Bytes per second, smoothed (exponential moving average over samples at least 200 ms apart). */
export class SpeedMeter {
  private lastAt: number | undefined;
  private lastBytes = 0;
  private value = 0;

  constructor(private readonly alpha = 0.3) {}

  sample(bytesDone: number, at: number): number {
    if (this.lastAt === undefined || bytesDone < this.lastBytes) {
      this.lastAt = at;
      this.lastBytes = bytesDone;
      return this.value;
    }
    const dt = at - this.lastAt;
    if (dt < 200) return this.value;
    const instant = ((bytesDone - this.lastBytes) * 1000) / dt;
    this.value = this.value === 0 ? instant : this.alpha * instant + (1 - this.alpha) * this.value;
    this.lastAt = at;
    this.lastBytes = bytesDone;
    return this.value;
  }

  reset(): void {
    this.lastAt = undefined;
    this.lastBytes = 0;
    this.value = 0;
  }

  get bytesPerSecond(): number {
    return this.value;
  }
}

export function etaSeconds(remaining: number, speed: number): number | null {
  if (remaining <= 0) return 0;
  if (speed <= 1) return null;
  return Math.ceil(remaining / speed);
}
