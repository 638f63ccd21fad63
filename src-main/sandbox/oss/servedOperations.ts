import type { OperationName } from './operations.ts';

/** How many requests of each OSS operation were answered with success; tests read it, nothing else. */
export class ServedOperations {
  private readonly counts = new Map<OperationName, number>();

  record(op: OperationName): void {
    this.counts.set(op, (this.counts.get(op) ?? 0) + 1);
  }

  count(op: OperationName): number {
    return this.counts.get(op) ?? 0;
  }

  snapshot(): Partial<Record<OperationName, number>> {
    return Object.fromEntries(this.counts) as Partial<Record<OperationName, number>>;
  }
}
