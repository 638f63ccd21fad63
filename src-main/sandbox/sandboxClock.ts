import type { Clock } from '../time/clock.ts';

/**
 * The sandbox's idea of "now": a base clock, optionally frozen at a fixed instant, plus an offset.
 * Consulted on every request, so tests can move time while the server runs.
 */
export class SandboxClock implements Clock {
  private fixed: number | undefined;
  private offset: number;

  constructor(
    private readonly base: Clock,
    settings: { now?: number; offsetMs?: number } = {},
  ) {
    this.fixed = settings.now;
    this.offset = settings.offsetMs ?? 0;
  }

  now(): number {
    return (this.fixed ?? this.base.now()) + this.offset;
  }

  setOffset(ms: number): void {
    this.offset = ms;
  }

  /** Freeze time at `ms`, or pass undefined to follow the base clock again. */
  setNow(ms: number | undefined): void {
    this.fixed = ms;
  }
}
